"""One meeting: when and where in three time zones, the agenda headed by the actions still open
from the earlier meetings of its group, the invitees and their attendance, the minutes (written,
circulated, approved) with their decisions and actions, the remarks, and the exports."""

import streamlit as st

from ovpm import clock, ui
from ovpm.auth import require_role
from ovpm.domain.errors import NotFound, PermissionDenied
from ovpm.domain.meetings import Minutes
from ovpm.domain.models import Role
from ovpm.domain.submission_rules import EDITABLE
from ovpm.domain.submissions import STATUS_LABELS, Status
from ovpm.services import meetings as service
from ovpm.services import minutes as minutes_service
from ovpm.ui.meetings import (
    kind_label,
    show_action_table,
    show_agenda,
    show_invitees,
    show_meeting_form,
    show_minutes,
    show_when_and_where,
    title_of,
)
from ovpm.ui.minutes import (
    show_action_update,
    show_minutes_form,
    show_minutes_steps,
    show_remarks,
)
from ovpm.ui.navigation import roles_of
from ovpm.ui.networks import open_network, reader_zone
from ovpm.ui.submissions import open_submission

user = require_role(*roles_of("meeting"))
_ = ui.gettext()
lang = ui.language()
db = ui.db()

try:
    meeting, access = service.get_meeting(db, user, int(st.query_params.get("id", "")))
except (ValueError, NotFound, PermissionDenied):
    st.warning(_("This meeting does not exist or is not visible to you."))
    st.markdown("[" + _("Back to the meetings") + "](/meetings)")
    st.stop()

st.title(title_of(meeting))
st.caption(
    kind_label(meeting.kind)
    + " · "
    + (
        _("Network: {name}", name=ui.literal(meeting.network_name))
        if meeting.network_id
        else _("{city}'s own process", city=ui.literal(meeting.city_name))
    )
)
ui.show_flash()
show_when_and_where(meeting, reader_zone())
minutes = minutes_service.minutes_of(db, user, meeting.id)
approved = None if minutes else minutes_service.approved_content(db, user, meeting.id)

row = st.container(horizontal=True)
row.download_button(
    _("Invitation (ICS)"),
    lambda: service.calendar_ics(db, user, meeting.id, lang),
    file_name=f"meeting-{meeting.id}.ics",
    mime="text/calendar",
    icon=":material/event:",
)
if minutes is not None or approved is not None:
    row.download_button(
        _("Minutes (PDF)"),
        lambda: minutes_service.minutes_pdf(db, user, meeting.id, lang),
        file_name=f"minutes-{meeting.id}.pdf",
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
    )
if meeting.network_id and row.button(_("Open the network"), icon=":material/hub:"):
    open_network(meeting.network_id)
if minutes is not None and (access.edit or user.role == Role.ADVISORY):
    if row.button(_("Revisions, comments and history"), icon=":material/history:"):
        open_submission(minutes.id)

if access.edit:
    box = st.expander(
        _("Change the meeting"), key=f"meeting_edit_open_{meeting.id}", on_change="rerun"
    )
    if box.open:
        with box:
            show_meeting_form(user, meeting, {}, f"meeting_{meeting.id}_{meeting.version}")

show_agenda(meeting, service.carried_actions(db, user, meeting))
if meeting.notes:
    st.markdown("**" + _("Notes") + "**")
    st.text(meeting.notes)
people = service.people(db, user)
st.markdown("#### " + _("Invitees"))
show_invitees(meeting.invitees, people)

st.markdown("#### " + _("Minutes"))
if minutes is not None:
    step = _("Circulated to the attendees for remarks")
    st.caption(step if minutes.status == Status.SUBMITTED else _(STATUS_LABELS[minutes.status]))
if access.edit and minutes is None and meeting.starts_at > clock.now_utc():
    st.caption(_("The minutes are written once the meeting has begun."))
elif access.edit and (minutes is None or minutes.status in EDITABLE):
    show_minutes_form(user, meeting, minutes, people)
    show_minutes_steps(user, meeting, minutes)
elif minutes is not None:
    show_minutes(Minutes.from_dict(minutes.content))
elif approved is not None:
    show_minutes(approved)
else:
    st.caption(_("No minutes yet"))

actions = service.meeting_actions(db, user, meeting.id)
if actions:
    st.markdown("#### " + _("Action items"))
    show_action_table(actions)
    show_action_update(user, meeting, actions)
if minutes is not None:
    show_remarks(user, meeting, access, minutes)
