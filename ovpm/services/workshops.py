"""International workshops (SPEC.md §4.6, source 000): organised by the Secretariat and the
pilot city, with a programme by half-day and participants from the address book (expert
matching shows the candidates; a person always confirms). Their costs are in workshop_costs,
their four deliverables in workshop_deliverables, their exports in workshop_exports.

Access (SPEC.md §1): the pilot city and the Secretariat edit; the Advisory Group reads all;
participating cities read the programme, the participants and the approved deliverables; other
member cities see that a workshop exists, its dates and programme. Costs follow the budget rules.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from ovpm import i18n
from ovpm.clock import now_utc
from ovpm.domain import N_, network_rules
from ovpm.domain import workshops as rules
from ovpm.domain.errors import FieldError, NotFound
from ovpm.domain.matching import Candidate, Need, rank
from ovpm.domain.models import LANGUAGES, ContactKind, Role, User
from ovpm.domain.networks import (
    MemberStatus,
    Network,
)
from ovpm.domain.rules import REQUIRED, TOO_LONG
from ovpm.domain.submissions import AXIS_LABELS, Axis
from ovpm.domain.workshops import (
    Participant,
    ParticipantRole,
    Workshop,
    WorkshopStatus,
)
from ovpm.services._common import require, snapshot, validate
from ovpm.store import audit, cities, contacts, networks
from ovpm.store import workshops as store
from ovpm.store.db import Database

# Members whose representatives may take part: the cities that asked to take part.
TAKING_PART = (MemberStatus.ASKED, MemberStatus.INVITED, MemberStatus.PARTICIPATING)
COST_DESCRIPTION_MAX = 200
ONE_AT_A_TIME = FieldError(
    "status", N_("This network already has a workshop that is not cancelled.")
)


# --- who may do what -------------------------------------------------------------------------


def can_organise(actor: User, network: Network) -> bool:
    """The Secretariat and the pilot city edit a workshop."""
    return actor.role == Role.SECRETARIAT or network_rules.is_pilot(actor, network)


def _member_status(cur, actor: User, network: Network) -> MemberStatus | None:
    if actor.city_id is None:
        return None
    return networks.member_status(cur, network.id, actor.city_id)


def reads_everything(cur, actor: User, network: Network) -> bool:
    """Participants and approved deliverables: organisers, the Advisory Group and the
    participating cities."""
    if can_organise(actor, network) or actor.role == Role.ADVISORY:
        return True
    return _member_status(cur, actor, network) == MemberStatus.PARTICIPATING


def can_read_everything(db: Database, actor: User, network: Network) -> bool:
    """Whether the actor reads the participants and the approved deliverables."""
    return db.kept_read(
        ("workshop_reader", actor.id, network.id), lambda cur: reads_everything(cur, actor, network)
    )


def _audit(cur, actor: User, workshop: Workshop, action: str, before, after) -> None:
    audit.record(
        cur,
        actor.id,
        actor.username,
        "workshop",
        workshop.id,
        action,
        before,
        after,
        workshop.pilot_city_id,
    )


def _snapshot(workshop: Workshop) -> dict:
    return snapshot(workshop, ("network_name", "pilot_city_id", "version"))


# --- the workshop ----------------------------------------------------------------------------


def workshops_of(db: Database, actor: User, network_id: int) -> list[Workshop]:
    """A network's workshops, the latest first (every signed-in user sees that they exist,
    their dates and programme)."""
    return db.kept_read(("workshops", network_id), lambda cur: store.of_network(cur, network_id))


def current_workshop(db: Database, actor: User, network_id: int) -> Workshop | None:
    """The network's workshop that is not cancelled, if any (else the latest one)."""
    found = workshops_of(db, actor, network_id)
    active = [w for w in found if w.status != WorkshopStatus.CANCELLED]
    return active[0] if active else (found[0] if found else None)


def _network(db: Database, network_id: int) -> Network:
    # the same kept value as the networks service's get_network
    return db.kept_read(("network", network_id), lambda cur: networks.get(cur, network_id))


def get_workshop(db: Database, actor: User, workshop_id: int) -> Workshop:
    """One workshop (public description)."""
    return db.kept_read(("workshop", workshop_id), lambda cur: store.get(cur, workshop_id))


def create_workshop(
    db: Database,
    actor: User,
    network_id: int,
    first_day: date | None,
    last_day: date | None,
    place: str = "",
    language: str = "en",
) -> Workshop:
    """A workshop of the network in the pilot city (unless another place is given), its
    programme started from source 000's proposal in the user's language. A network has at most
    one workshop that is not cancelled."""
    translate = i18n.translator(language)
    with db.unit_of_work() as cur:
        network = networks.get(cur, network_id)
        require(can_organise(actor, network))
        draft = Workshop(
            None, network_id, (place or network.pilot_city_name).strip(), first_day, last_day
        )
        validate(rules.workshop_errors(draft))
        if any(w.status != WorkshopStatus.CANCELLED for w in store.of_network(cur, network_id)):
            validate([ONE_AT_A_TIME])
        draft = dataclasses.replace(
            draft, programme=rules.proposed_programme(draft.days, translate)
        )
        created = store.insert(cur, draft, now_utc())
        _audit(cur, actor, created, "create", None, _snapshot(created))
    return created


def save_workshop(db: Database, actor: User, workshop: Workshop) -> Workshop:
    """Save the workshop edited from `workshop.version`: place, days, status, what the pilot
    city provides, the programme (its slots of days the workshop no longer has are dropped),
    the deliverables' due date."""
    # the days first: the programme is fitted to them
    validate(rules.workshop_errors(dataclasses.replace(workshop, programme=())))
    fitted = dataclasses.replace(
        workshop, programme=rules.fitted_programme(workshop.programme, workshop.days)
    )
    validate(rules.workshop_errors(fitted))
    with db.unit_of_work() as cur:
        before = store.get(cur, workshop.id)
        network = networks.get(cur, before.network_id)
        require(can_organise(actor, network))
        # the deliverables' due date is the Secretariat's to set
        require(
            actor.role == Role.SECRETARIAT or fitted.deliverables_due == before.deliverables_due
        )
        if fitted.status != WorkshopStatus.CANCELLED and before.status == WorkshopStatus.CANCELLED:
            others = [
                w
                for w in store.of_network(cur, before.network_id)
                if w.id != before.id and w.status != WorkshopStatus.CANCELLED
            ]
            if others:
                validate([ONE_AT_A_TIME])
        after = store.update(
            cur, dataclasses.replace(fitted, network_id=before.network_id), now_utc()
        )
        _audit(cur, actor, after, "update", _snapshot(before), _snapshot(after))
    return after


# --- participants and expert matching --------------------------------------------------------


def participants(db: Database, actor: User, workshop_id: int) -> list[Participant]:
    """The participants, for those who read everything of the workshop (kept until the next
    write: treat as read-only)."""
    workshop = get_workshop(db, actor, workshop_id)
    require(can_read_everything(db, actor, _network(db, workshop.network_id)))
    return db.kept_read(
        ("workshop_participants", workshop_id), lambda cur: store.participants(cur, workshop_id)
    )


def _role_errors(cur, network: Network, role: str, contact) -> list[FieldError]:
    if role == ParticipantRole.LOCAL_EXPERT and contact.city_id != network.pilot_city_id:
        return [FieldError("role", N_("A local expert belongs to the pilot city."))]
    if role == ParticipantRole.CITY_REPRESENTATIVE:
        status = (
            networks.member_status(cur, network.id, contact.city_id) if contact.city_id else None
        )
        if status not in TAKING_PART:
            return [
                FieldError(
                    "role",
                    N_(
                        "A representative comes from a member city that asked to take part in "
                        "the network."
                    ),
                )
            ]
    if role not in set(ParticipantRole):
        return [FieldError("role", REQUIRED)]
    return []


def add_participant(
    db: Database, actor: User, workshop_id: int, person: Participant
) -> Participant:
    """Add a person of the address book (or change their role and funding). Only the
    Secretariat funds anyone or records an agreement; the limits of source 000 hold."""
    with db.unit_of_work() as cur:
        workshop = store.get(cur, workshop_id)
        network = networks.get(cur, workshop.network_id)
        require(can_organise(actor, network))
        require(actor.role == Role.SECRETARIAT or not (person.funded or person.agreement))
        contact = contacts.get(cur, person.contact_id)
        validate(_role_errors(cur, network, person.role, contact))
        if len(person.agreement) > COST_DESCRIPTION_MAX:
            validate([FieldError("agreement", TOO_LONG, {"max": COST_DESCRIPTION_MAX})])
        added = dataclasses.replace(person, name=contact.name, city_id=contact.city_id)
        others = [p for p in store.participants(cur, workshop_id) if p.contact_id != contact.id]
        validate(rules.participant_errors([*others, added], network.pilot_city_id))
        store.save_participant(cur, workshop_id, added)
        _audit(
            cur,
            actor,
            workshop,
            "participant",
            None,
            {
                "name": contact.name,
                "role": str(person.role),
                "funded": person.funded,
                "agreement": person.agreement,
            },
        )
    return added


def remove_participant(db: Database, actor: User, workshop_id: int, contact_id: int) -> None:
    """Take a person off the list."""
    with db.unit_of_work() as cur:
        workshop = store.get(cur, workshop_id)
        require(can_organise(actor, networks.get(cur, workshop.network_id)))
        gone = [p for p in store.participants(cur, workshop_id) if p.contact_id == contact_id]
        if not gone:
            raise NotFound(f"participant {contact_id}")
        store.remove_participant(cur, workshop_id, contact_id)
        _audit(
            cur,
            actor,
            workshop,
            "remove_participant",
            {"name": gone[0].name, "role": gone[0].role},
            None,
        )


def need_of(network: Network, pilot_language: str) -> Need:
    """What a workshop of the network looks for: its priority theme, its axis (named in the
    three languages) and the language of the pilot city."""
    axis = AXIS_LABELS.get(Axis(network.axis)) if network.axis in {int(a) for a in Axis} else None
    texts = [network.theme]
    if axis:
        texts += [i18n.translator(language)(axis) for language in LANGUAGES]
    return Need(tuple(texts), (pilot_language,), network.pilot_city_id)


def candidates(db: Database, actor: User, workshop_id: int, role: str) -> list[Candidate]:
    """People of the address book who may fill `role` (international experts or the Advisory
    Group member), ranked by how they fit the network, with reasons and conflicts; those already
    on the list are left out. The Secretariat's tool."""
    require(actor.role == Role.SECRETARIAT)
    return db.derived(
        ("workshop_candidates", workshop_id, str(role)),
        lambda: _candidates(db, workshop_id, role),
    )


def _candidates(db: Database, workshop_id: int, role: str) -> list[Candidate]:
    kind = {
        ParticipantRole.INTERNATIONAL_EXPERT: ContactKind.INTERNATIONAL_EXPERT,
        ParticipantRole.ADVISORY_MEMBER: ContactKind.ADVISORY_MEMBER,
    }[ParticipantRole(role)]
    with db.reading() as cur:
        workshop = store.get(cur, workshop_id)
        network = networks.get(cur, workshop.network_id)
        language = cities.get(cur, network.pilot_city_id).language
        listed = {p.contact_id for p in store.participants(cur, workshop_id)}
        people = [c for c in contacts.of_kind(cur, str(kind)) if c.id not in listed]
        busy = store.funded_elsewhere(cur, workshop.id, workshop.first_day, workshop.last_day)
    return rank(people, need_of(network, language), busy)
