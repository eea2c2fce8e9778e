"""The screens of the app, who may open them, and the role-filtered navigation."""

from __future__ import annotations

from dataclasses import dataclass

from ovpm.domain import N_
from ovpm.domain.models import Role

ALL_ROLES = (Role.SECRETARIAT, Role.CITY, Role.ADVISORY)


@dataclass(frozen=True)
class Screen:
    key: str
    title: str
    icon: str
    section: str
    roles: tuple[Role, ...]
    hidden: bool = False

    @property
    def path(self) -> str:
        return f"pages/{self.key}.py"


SCREENS = (
    Screen("home", N_("Home"), ":material/home:", "", ALL_ROLES),
    Screen(
        "overview",
        N_("Progress overview"),
        ":material/monitoring:",
        N_("Quebec Roadmap"),
        ALL_ROLES,
    ),
    Screen("submissions", N_("Submissions"), ":material/inbox:", N_("Quebec Roadmap"), ALL_ROLES),
    Screen(
        "expression",
        N_("Expression of interest"),
        ":material/mail:",
        N_("Quebec Roadmap"),
        (Role.SECRETARIAT, Role.CITY),
    ),
    Screen(
        "theme_sheet",
        N_("Theme sheet"),
        ":material/description:",
        N_("Quebec Roadmap"),
        (Role.SECRETARIAT, Role.CITY),
    ),
    Screen("themes", N_("Theme overview"), ":material/bar_chart:", N_("Quebec Roadmap"), ALL_ROLES),
    Screen(
        "networks", N_("Collaborative networks"), ":material/hub:", N_("Quebec Roadmap"), ALL_ROLES
    ),
    Screen(
        "workshops",
        N_("International workshops"),
        ":material/groups:",
        N_("Quebec Roadmap"),
        ALL_ROLES,
    ),
    Screen(
        "pilot_projects",
        N_("Pilot projects"),
        ":material/rocket_launch:",
        N_("Quebec Roadmap"),
        ALL_ROLES,
    ),
    Screen(
        "pilot_project",
        N_("Pilot project"),
        ":material/rocket_launch:",
        N_("Quebec Roadmap"),
        ALL_ROLES,
        hidden=True,
    ),
    Screen(
        "contribution",
        N_("Evaluation and contribution"),
        ":material/flag:",
        N_("Quebec Roadmap"),
        ALL_ROLES,
        hidden=True,
    ),
    Screen("round_tables", N_("Round tables"), ":material/forum:", N_("Quebec Roadmap"), ALL_ROLES),
    Screen(
        "budget",
        N_("Budget tracking"),
        ":material/account_balance_wallet:",
        N_("Quebec Roadmap"),
        ALL_ROLES,
    ),
    Screen(
        "network", N_("Network"), ":material/hub:", N_("Quebec Roadmap"), ALL_ROLES, hidden=True
    ),
    Screen(
        "action_plan",
        N_("Action plan"),
        ":material/edit_calendar:",
        N_("Quebec Roadmap"),
        (Role.SECRETARIAT, Role.CITY),
        hidden=True,
    ),
    Screen(
        "deliverable",
        N_("Workshop deliverable"),
        ":material/assignment:",
        N_("Quebec Roadmap"),
        (Role.SECRETARIAT, Role.CITY),
        hidden=True,
    ),
    Screen(
        "submission",
        N_("Submission"),
        ":material/article:",
        N_("Quebec Roadmap"),
        ALL_ROLES,
        hidden=True,
    ),
    Screen(
        "meetings",
        N_("Meetings"),
        ":material/event_note:",
        N_("Collective work"),
        ALL_ROLES,
    ),
    Screen(
        "collective",
        N_("Diagnosis, groups and seeds"),
        ":material/lightbulb:",
        N_("Collective work"),
        ALL_ROLES,
    ),
    Screen(
        "meeting",
        N_("Meeting"),
        ":material/event_note:",
        N_("Collective work"),
        ALL_ROLES,
        hidden=True,
    ),
    Screen(
        "mission4city", N_("Mission4City"), ":material/handshake:", N_("Mission4City"), ALL_ROLES
    ),
    Screen(
        "mission",
        N_("Mission"),
        ":material/handshake:",
        N_("Mission4City"),
        ALL_ROLES,
        hidden=True,
    ),
    Screen(
        "library",
        N_("Good practices"),
        ":material/local_library:",
        N_("Mission4City"),
        ALL_ROLES,
    ),
    Screen("cities", N_("Member cities"), ":material/location_city:", N_("Directory"), ALL_ROLES),
    Screen("address_book", N_("Address book"), ":material/contacts:", N_("Directory"), ALL_ROLES),
    Screen(
        "users",
        N_("Users"),
        ":material/manage_accounts:",
        N_("Administration"),
        (Role.SECRETARIAT,),
    ),
    Screen(
        "audit",
        N_("Audit trail"),
        ":material/history:",
        N_("Administration"),
        (Role.SECRETARIAT, Role.CITY),
    ),
    Screen(
        "data_import",
        N_("Import"),
        ":material/upload_file:",
        N_("Administration"),
        (Role.SECRETARIAT,),
    ),
    Screen("backup", N_("Backup"), ":material/backup:", N_("Administration"), (Role.SECRETARIAT,)),
    Screen("account", N_("My account"), ":material/person:", N_("Administration"), ALL_ROLES),
)
SCREENS_BY_KEY = {screen.key: screen for screen in SCREENS}


def roles_of(key: str) -> tuple[Role, ...]:
    """The roles that may open a screen (the pages' guards and the navigation share this)."""
    return SCREENS_BY_KEY[key].roles


def screens_for(role: Role) -> list[Screen]:
    return [screen for screen in SCREENS if role in screen.roles]
