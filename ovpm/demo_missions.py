"""The demo's Mission4City: requests in every status on the pinned day (1 March 2024) — two
reports published to the library (one written in French, one in Spanish), one report received,
a mission done whose media coverage is late, one scheduled with its matched experts and costs,
one in instruction, one submitted, one draft, one withdrawn, and one declined because the city
is no longer in good standing. The Secretariat fills the forms of cities without a demo account.
Names, texts and figures are invented. At scale > 1, `scale` times the published practices."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime

from PIL import Image, ImageDraw

from ovpm import clock
from ovpm.demo_step_one import demo_letter
from ovpm.domain.missions import (
    MissionReport,
    MissionRequest,
    Obligation,
    ObligationState,
    ObligationStatus,
    Programme,
    Step,
    StepRecord,
)
from ovpm.domain.models import Person
from ovpm.services import attachments, mission_costs, mission_obligations, missions, submissions
from ovpm.store import cities, users
from ovpm.store.db import Database

BORDEAUX_PRACTICE = (
    MissionRequest(
        "Réseau de chaleur sous les toitures patrimoniales",
        Person("Camille Exemple", "Cheffe de projet patrimoine (démo)", "camille@demo.example.org"),
        "Le quartier classé veut se raccorder à un réseau de chaleur sans abîmer ses toitures "
        "ni ses façades (démo).",
        "Plan de sauvegarde et de mise en valeur du centre historique (démo).",
        "Ingénieur thermicien ayant travaillé en secteur sauvegardé",
        "Réseaux de chaleur, toitures en ardoise, concertation",
        ("heritage conservation", "urban planning"),
        2,
    ),
    MissionReport(
        "Un réseau de chaleur discret dans un secteur sauvegardé",
        "Raccorder des immeubles classés à un réseau de chaleur (démo).",
        "Choisir un tracé et des sous-stations invisibles depuis la rue (démo).",
        "Services du patrimoine, exploitant du réseau, copropriétés (démo).",
        "Deux experts ont comparé trois tracés sur le terrain (démo).",
        "Visites, atelier de deux jours, note de recommandations (démo).",
        "Le réseau passe par les cours intérieures ; la concertation avec les copropriétés "
        "compte plus que la technique (démo).",
        "Un tracé retenu et un cahier des charges pour les sous-stations (démo).",
        "Sous-stations en cave, canalisations sous les cours, aucun équipement en toiture (démo).",
        "Une visite de suivi au démarrage des travaux (démo).",
    ),
    (date(2023, 5, 10), date(2023, 5, 11)),
)
CORDOBA_PRACTICE = (
    MissionRequest(
        "Gestión de los flujos turísticos en el casco histórico",
        Person("Lucía Ejemplo", "Técnica de turismo (demo)", "lucia@demo.example.org"),
        "Los visitantes se concentran en tres calles y los vecinos abandonan el centro (demo).",
        "Plan especial del conjunto histórico (demo).",
        "Especialista en gestión de visitantes en ciudades patrimonio",
        "Conteo de visitantes, itinerarios alternativos, participación vecinal",
        ("tourism management", "public space"),
        1,
    ),
    MissionReport(
        "Itinerarios alternativos para repartir a los visitantes",
        "Saturación turística en tres calles del casco histórico (demo).",
        "Repartir los flujos y devolver las calles a los vecinos (demo).",
        "Turismo municipal, asociaciones vecinales, guías (demo).",
        "Un experto internacional y uno local midieron los flujos (demo).",
        "Conteos, paseos con vecinos, taller de tres días (demo).",
        "Los itinerarios funcionan si los vecinos los diseñan; la red de guías es clave (demo).",
        "Tres itinerarios nuevos y un panel de conteo (demo).",
        "Itinerarios señalizados, horarios escalonados para grupos (demo).",
        "Medir de nuevo los flujos en un año (demo).",
    ),
    (date(2023, 9, 18), date(2023, 9, 20)),
)


@contextmanager
def _on(day: date) -> Iterator[None]:
    with clock.recording_at(datetime(day.year, day.month, day.day, 10)):
        yield


def demo_photo(label: str, colour: tuple[int, int, int]) -> bytes:
    """An invented picture standing in for a photo of the mission."""
    image = Image.new("RGB", (480, 320), colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 160, 440, 300), fill=(240, 236, 228))
    draw.polygon([(40, 160), (240, 60), (440, 160)], fill=(120, 80, 60))
    draw.text((50, 20), label, fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def create_demo_missions(db: Database, scale: int = 1) -> int:
    """Every status of the programme; returns how many requests."""
    with db.reading() as cur:
        secretariat = users.find(cur, "secretariat")
        ids = {name: city_id for city_id, name in cities.names(cur).items()}
    story = Story(db, secretariat)
    for copy in range(scale):
        story.published(ids["Bordeaux"], *BORDEAUX_PRACTICE, copy)
        story.published(ids["Córdoba"], *CORDOBA_PRACTICE, copy)
    story.report_received(ids["Bruges"])
    story.done_media_late(ids["Évora"])
    story.scheduled(ids["Québec"])
    story.in_instruction(ids["Cuenca"])
    story.submitted(ids["Valparaíso"])
    story.draft(ids["Bruges"])
    story.withdrawn(ids["Porto"] if "Porto" in ids else ids["Sintra"])
    story.declined(ids["Dakar"])
    return story.count


class Story:
    """The demo's missions, told through the services on the dates they happened."""

    def __init__(self, db: Database, secretariat):
        self.db, self.secretariat, self.count = db, secretariat, 0

    def _submitted(self, city_id: int, request: MissionRequest, day: date):
        db, actor = self.db, self.secretariat
        with _on(day):
            mission = missions.start_request(db, actor, city_id)
            name = cities_name(db, city_id)
            letter = attachments.store_pdf(
                db, actor, city_id, "letter", f"m4c-letter-{mission.id}.pdf", demo_letter(name)
            )
            draft = submissions.get_submission(db, actor, mission.request_id)
            typed = dataclasses.replace(
                request, letter_id=letter.id, letter_name=letter.original_name
            )
            submissions.submit(db, actor, draft.id, typed, draft.version)
        self.count += 1
        return self._get(mission.id)

    def _get(self, mission_id: int):
        return missions.get_mission(self.db, self.secretariat, mission_id)

    def _instructed(
        self, mission, days: tuple[date, date], day: date, last_step: Step = Step.PROGRAMME
    ):
        db, actor = self.db, self.secretariat
        with _on(day):
            mission = missions.move(db, actor, mission.id, mission.version, "in_instruction")
            for step, note in (
                (Step.CONTACT, "Call with the contact person; the dossier is clear (demo)."),
                (Step.ADVICE, "The regional heritage office confirms the need (demo)."),
            ):
                who = "Regional heritage office (demo)" if step == Step.ADVICE else ""
                missions.record_step(db, actor, mission.id, StepRecord(step, day, note, who))
                if step == last_step:
                    return self._get(mission.id)
            found = [c for c in missions.candidates(db, actor, mission) if not c.local][:2]
            missions.record_step(
                db,
                actor,
                mission.id,
                StepRecord(Step.EXPERTS, day, "Two experts proposed; the city agreed (demo)."),
                tuple(c.contact.id for c in found),
            )
            first, last = days
            count = (last - first).days + 1
            programme = Programme(
                first,
                last,
                (
                    "Site visits and meetings with local actors (demo).",
                    "Working session on the options (demo).",
                    "Recommendations presented to the city (demo).",
                )[:count],
                "Room at the town hall, local transport by the city (demo).",
                "Experts' travel and fees: Secretariat; local expert and room: the city (demo).",
            )
            missions.record_step(
                db,
                actor,
                mission.id,
                StepRecord(Step.PROGRAMME, day, "Agreed (demo)."),
                programme=programme,
            )
            mission = self._get(mission.id)
            for category, text, amount, funder in (
                (
                    "travel",
                    "Flights of the international experts (demo)",
                    "1850",
                    "general_secretariat",
                ),
                (
                    "accommodation",
                    "Hotel of the international experts (demo)",
                    "640",
                    "general_secretariat",
                ),
                ("expertise", "Local engineer (demo)", "500", "requesting_city"),
            ):
                mission_costs.add_cost(db, actor, mission.id, category, text, amount, "EUR", funder)
            return missions.move(db, actor, mission.id, mission.version, "scheduled")

    def _done(self, mission, day: date, photos: bool = True):
        db, actor = self.db, self.secretariat
        first = mission.programme.first_day
        dossier = ObligationState(Obligation.DOSSIER, ObligationStatus.DONE, first, "Sent (demo).")
        with _on(first):
            mission_obligations.save_obligation(
                db, actor, mission, dossier, 0, [("dossier.pdf", demo_letter(mission.city_name))]
            )
            logistics = ObligationState(
                Obligation.LOGISTICS, ObligationStatus.DONE, first, "Room and transport (demo)."
            )
            mission_obligations.save_obligation(db, actor, mission, logistics, 0)
            mission = missions.move(db, actor, mission.id, self._get(mission.id).version, "done")
        if photos:
            with _on(day):
                media = ObligationState(
                    Obligation.MEDIA, ObligationStatus.DONE, day, "Local press and website (demo)."
                )
                mission_obligations.save_obligation(
                    db,
                    actor,
                    mission,
                    media,
                    0,
                    [
                        ("visit.png", demo_photo("Site visit (demo)", (70, 110, 150))),
                        ("workshop.png", demo_photo("Workshop (demo)", (150, 100, 60))),
                    ],
                )
        return self._get(mission.id)

    def _reported(self, mission, report: MissionReport, day: date):
        db, actor = self.db, self.secretariat
        with _on(day):
            mission = missions.start_report(db, actor, mission.id)
            draft = submissions.get_submission(db, actor, mission.report_id)
            started = MissionReport.from_dict(draft.content)
            typed = dataclasses.replace(report, photos=started.photos)
            return submissions.submit(db, actor, draft.id, typed, draft.version)

    def published(self, city_id, request, report, days, copy: int):
        shift = copy * 7  # the benchmark's copies, a week apart
        days = tuple(date.fromordinal(d.toordinal() - shift) for d in days)
        mission = self._submitted(city_id, request, date.fromordinal(days[0].toordinal() - 60))
        mission = self._instructed(mission, days, date.fromordinal(days[0].toordinal() - 45))
        mission = self._done(mission, days[1])
        sent = self._reported(mission, report, date.fromordinal(days[1].toordinal() + 20))
        with _on(date.fromordinal(days[1].toordinal() + 25)):
            submissions.approve(
                self.db, self.secretariat, sent.id, sent.version, "Approved (demo)."
            )
            mission = self._get(mission.id)
            missions.move(self.db, self.secretariat, mission.id, mission.version, "published")

    def report_received(self, city_id):
        request = MissionRequest(
            "Reusing an empty convent (demo)",
            Person("Jan Voorbeeld", "Heritage officer (demo)", "jan@demo.example.org"),
            "A listed convent stands empty in the centre (demo).",
            "Heritage management plan (demo).",
            "Adaptive reuse architect",
            "Adaptive reuse, funding models",
            ("heritage conservation", "housing"),
            2,
        )
        mission = self._submitted(city_id, request, date(2023, 11, 6))
        mission = self._instructed(
            mission, (date(2024, 1, 15), date(2024, 1, 16)), date(2023, 11, 20)
        )
        mission = self._done(mission, date(2024, 1, 20))
        report = MissionReport(
            "A convent reused as housing and workshops (demo)",
            "An empty listed convent (demo).",
            "Find a use that keeps the cloister open (demo).",
            "City, heritage office, a housing cooperative (demo).",
            "Two experts, one workshop (demo).",
            "Workshop and a written note (demo).",
            "Mixed uses fund the restoration (demo).",
            "A programme for the call for projects (demo).",
            "Cooperative housing with public cloister (demo).",
            "Call for projects in spring (demo).",
        )
        self._reported(mission, report, date(2024, 2, 20))

    def done_media_late(self, city_id):
        request = MissionRequest(
            "Traffic in the walled town (demo)",
            Person("Rita Exemplo", "Urban planner (demo)", "rita@demo.example.org"),
            "Cars fill the squares inside the walls (demo).",
            "Mobility plan (demo).",
            "Mobility planner for historic centres",
            "Parking, pedestrian zones",
            ("mobility", "public space"),
            3,
        )
        mission = self._submitted(city_id, request, date(2023, 12, 4))
        mission = self._instructed(
            mission, (date(2024, 2, 12), date(2024, 2, 13)), date(2023, 12, 18)
        )
        self._done(mission, date(2024, 2, 14), photos=False)  # media due 27 Feb: late

    def scheduled(self, city_id):
        request = MissionRequest(
            "Flood-proofing the lower town (demo)",
            Person("Élise Modèle", "Coordonnatrice patrimoine (démo)", "elise@demo.example.org"),
            "The river floods the lower town every spring (demo).",
            "Heritage and climate plan (demo).",
            "Hydraulic engineer with heritage experience",
            "Flood barriers in listed streets",
            ("heritage conservation", "urban planning"),
            2,
            date(2024, 4, 1),
            date(2024, 5, 31),
        )
        mission = self._submitted(city_id, request, date(2024, 1, 8))
        self._instructed(mission, (date(2024, 4, 15), date(2024, 4, 17)), date(2024, 2, 1))

    def in_instruction(self, city_id):
        request = MissionRequest(
            "Signs and shop fronts (demo)",
            Person("Pablo Muestra", "Arquitecto municipal (demo)", "pablo@demo.example.org"),
            "Shop signs hide the facades of the centre (demo).",
            "Special plan of the historic centre (demo).",
            "Expert in shop-front guidelines",
            "Design guidelines, consultation with traders",
            ("public space",),
            1,
        )
        mission = self._submitted(city_id, request, date(2024, 2, 5))
        self._instructed(
            mission, (date(2024, 5, 6), date(2024, 5, 6)), date(2024, 2, 19), Step.ADVICE
        )

    def submitted(self, city_id):
        request = MissionRequest(
            "Funiculars and the hills (demo)",
            Person("Tomás Ejemplar", "Jefe de patrimonio (demo)", "tomas@demo.example.org"),
            "The historic funiculars stop one after another (demo).",
            "Heritage management plan of the historic quarter (demo).",
            "Engineer of historic transport",
            "Funicular restoration, operation models",
            ("mobility", "heritage conservation"),
            2,
        )
        self._submitted(city_id, request, date(2024, 2, 22))

    def draft(self, city_id):
        with _on(date(2024, 2, 27)):
            missions.start_request(self.db, self.secretariat, city_id)
        self.count += 1

    def withdrawn(self, city_id):
        request = MissionRequest(
            "Palace gardens (demo)",
            Person("Ana Exemplo", "Gardens officer (demo)", "ana@demo.example.org"),
            "The palace gardens need a management plan (demo).",
            "Landscape plan (demo).",
            "Historic gardens expert",
            "Garden management",
            ("landscape",),
            2,
        )
        mission = self._submitted(city_id, request, date(2023, 10, 2))
        with _on(date(2023, 10, 20)):
            missions.move(self.db, self.secretariat, mission.id, mission.version, "withdrawn")

    def declined(self, city_id):
        """Submitted while in good standing; declined once the membership fell behind."""
        db = self.db
        with db.unit_of_work() as cur:
            city = cities.get(cur, city_id)
            cities.update(cur, dataclasses.replace(city, good_standing=True))
        request = MissionRequest(
            "Markets in the old town (demo)",
            Person("Awa Exemple", "Chargée du patrimoine (démo)", "awa@demo.example.org"),
            "The old market halls are crumbling (demo).",
            "Urban plan of the historic centre (demo).",
            "Expert in market halls",
            "Structural repair, market management",
            ("heritage conservation",),
            1,
        )
        mission = self._submitted(city_id, request, date(2024, 1, 22))
        with db.unit_of_work() as cur:
            city = cities.get(cur, city_id)
            cities.update(cur, dataclasses.replace(city, good_standing=False))
        with _on(date(2024, 2, 6)):
            missions.move(
                db,
                self.secretariat,
                mission.id,
                mission.version,
                "declined",
                "The city's membership is not in good standing; the request can come again once "
                "it is settled (demo).",
            )


def cities_name(db: Database, city_id: int) -> str:
    with db.reading() as cur:
        return cities.get(cur, city_id).name
