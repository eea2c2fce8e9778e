"""The programme cycle every database starts with: the Quebec Roadmap, its milestones and the
17th World Congress (real dates, from the sources; the Secretariat edits them in the app)."""

from __future__ import annotations

from datetime import date

from ovpm.domain.models import Cycle, Milestone

QUEBEC_ROADMAP = Cycle(
    id=0,
    names={
        "fr": "Feuille de route de Québec 2022–2024",
        "en": "Quebec Roadmap 2022–2024",
        "es": "Hoja de ruta de Quebec 2022–2024",
    },
    congress_starts=date(2024, 9, 24),
    congress_ends=date(2024, 9, 27),
    milestones=(
        Milestone(
            "on_the_way",
            date(2022, 2, 1),
            date(2022, 8, 31),
            {"fr": "En route vers Québec", "en": "On the way to Québec", "es": "Rumbo a Quebec"},
        ),
        Milestone(
            "quebec_symposium",
            date(2022, 9, 8),
            date(2022, 9, 9),
            {"fr": "Symposium de Québec", "en": "Québec Symposium", "es": "Simposio de Quebec"},
        ),
        Milestone(
            "roadmap",
            date(2023, 1, 1),
            date(2024, 9, 23),
            {
                "fr": "Feuille de route de Québec",
                "en": "Quebec Roadmap",
                "es": "Hoja de ruta de Quebec",
            },
        ),
        Milestone(
            "cordoba_congress",
            date(2024, 9, 24),
            date(2024, 9, 27),
            {
                "fr": "Symposium de Córdoba — 17e Congrès mondial",
                "en": "Córdoba Symposium — 17th World Congress",
                "es": "Simposio de Córdoba — 17.º Congreso Mundial",
            },
        ),
    ),
)
