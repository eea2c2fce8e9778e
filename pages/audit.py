"""Audit trail: every change with who, when, what, before and after."""

import json

import streamlit as st

from ovpm import i18n, ui
from ovpm.auth import require_role
from ovpm.domain.models import Role
from ovpm.services.audit import PAGE_SIZE, audit_entries, audit_filter_choices
from ovpm.ui.navigation import roles_of

user = require_role(*roles_of("audit"))
_ = ui.gettext()
lang = ui.language()
db = ui.db()

st.title(_("Audit trail"))
if user.role == Role.CITY:
    st.caption(_("The changes concerning {city}.", city=ui.literal(user.city_name)))

entities, people = ui.kept(("audit_choices", user.id), lambda: audit_filter_choices(db, user))
ENTITY_LABELS = {
    "city": _("City"),
    "contact": _("Contact"),
    "user": _("User"),
    "session": _("Session"),
    "database": _("Database"),
    "submission": _("Submission"),
    "attachment": _("Attachment"),
    "network": _("Network"),
    "network_member": _("Network member"),
    "round_table": _("Round table"),
    "cycle": _("Programme cycle"),
    "exchange_rate": _("Exchange rate"),
    "budget_line": _("Budget line"),
    "budget_entry": _("Budget entry"),
}
with st.container(border=True):
    c1, c2, c3, c4 = st.columns(4)
    entity = c1.selectbox(
        _("Record"),
        [None, *entities],
        key="audit_entity",
        format_func=lambda e: _("All") if e is None else ENTITY_LABELS.get(e, e),
    )
    person = c2.selectbox(
        _("Person"),
        [None, *people],
        key="audit_person",
        format_func=lambda p: _("All") if p is None else p,
    )
    since = c3.date_input(_("From"), value=None, key="audit_since", format="YYYY-MM-DD")
    until = c4.date_input(_("Until"), value=None, key="audit_until", format="YYYY-MM-DD")

ACTIONS = {
    "create": _("Created"),
    "update": _("Changed"),
    "delete": _("Deleted"),
    "login": _("Signed in"),
    "logout": _("Signed out"),
    "change_password": _("Changed password"),
    "reset_password": _("Password reset"),
    "backup": _("Backup downloaded"),
}
COLUMNS = {
    "happened_at": _("When (UTC)"),
    "actor_username": _("Who"),
    "entity": _("Record"),
    "entity_id": _("Number"),
    "action": _("What"),
    "before": _("Before"),
    "after": _("After"),
}


def readable(stored: str | None) -> str:
    """An entry's before or after as a reader reads it (labels, coded values by name)."""
    if stored is None or not isinstance(stored, str):
        return ""
    try:
        return i18n.record_text(json.loads(stored), lang)
    except ValueError:
        return stored


def entries_shown(filters: tuple) -> tuple:
    """How many entries match (at most a page) and the table as shown."""
    frame = audit_entries(db, user, *filters)
    shown = frame.assign(
        entity=frame["entity"].map(lambda e: ENTITY_LABELS.get(e, e)),
        action=frame["action"].map(lambda a: ACTIONS.get(a, a)),
        before=frame["before"].map(readable),
        after=frame["after"].map(readable),
    )
    return len(frame), ui.arrow_table(shown[list(COLUMNS)])


filters = (entity, person, since, until)
count, table = ui.kept(("audit", user.id, filters), lambda: entries_shown(filters))
if count == PAGE_SIZE:
    st.info(
        _(
            "Showing the latest {count} entries; narrow the filters to see older ones.",
            count=PAGE_SIZE,
        )
    )
st.dataframe(table, hide_index=True, width="stretch", column_config=COLUMNS, height=520)
