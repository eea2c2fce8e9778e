"""The minutes of a meeting on its page: the form that writes them with attendance, decisions
and actions; circulating them; the remarks of the attendees; and the action items' status."""

from __future__ import annotations

import dataclasses
from datetime import date

import streamlit as st

from ovpm import clock
from ovpm.domain.meetings import (
    ACTION_STATUS_LABELS,
    ATTENDANCE_LABELS,
    ActionItem,
    ActionStatus,
    Attendance,
    IdeaPlan,
    Meeting,
    MeetingAccess,
    Minutes,
    PlannedAction,
    can_update_action,
)
from ovpm.domain.submission_rules import EDITABLE
from ovpm.domain.submissions import Status, Submission
from ovpm.services import meetings as service
from ovpm.services import minutes as minutes_service
from ovpm.ui import cell_date, cell_text, db, gettext, literal, rows_table, run_action, table_rows
from ovpm.ui.forms import FormMessages


def show_minutes_form(
    user, meeting: Meeting, minutes: Submission | None, people: dict[str, str]
) -> None:
    """Write the minutes and close the meeting: attendance, text, decisions and actions."""
    _ = gettext()
    labels = people
    attendance_labels = {a: _(ATTENDANCE_LABELS[a]) for a in Attendance}
    attendance_of = {label: a for a, label in attendance_labels.items()}
    content = Minutes.from_dict(minutes.content) if minutes else Minutes()
    version = minutes.version if minutes else None
    messages = FormMessages()
    with st.form(f"minutes_{meeting.id}_{version}"):
        st.markdown("**" + _("Attendance") + "**")
        attendance = st.data_editor(
            rows_table(
                [
                    {"key": i.key, "name": labels.get(i.key, i.name)}
                    | {"attendance": attendance_labels[i.attendance]}
                    for i in meeting.invitees
                ],
                ["key", "name", "attendance"],
            ),
            hide_index=True,
            width="stretch",
            disabled=["key", "name"],
            column_order=["name", "attendance"],
            column_config={
                "name": _("Invitees"),
                "attendance": st.column_config.SelectboxColumn(
                    _("Attendance"), options=list(attendance_labels.values()), required=True
                ),
            },
            key=f"attendance_{meeting.id}_{version}",
        )
        text = st.text_area(_("Minutes"), content.text, height=200, max_chars=20000)
        messages.field("minutes_text")
        decisions = st.text_area(
            _("Decisions (one a line)"), "\n".join(content.decisions), max_chars=20000
        )
        messages.field("decisions")
        st.markdown("**" + _("Action items") + "**")
        actions = st.data_editor(
            rows_table(
                [
                    {
                        "number": a.number,
                        "what": a.what,
                        "owner": labels.get(a.owner, a.owner_name),
                        "due": date.fromisoformat(a.due) if a.due else None,
                        "key": a.owner,
                    }
                    for a in content.actions
                ],
                ["number", "what", "owner", "due", "key"],
            ),
            num_rows="delete",
            hide_index=True,
            width="stretch",
            disabled=["number", "owner"],
            column_order=["number", "what", "owner", "due"],
            column_config={
                "number": "#",
                "what": st.column_config.TextColumn(_("What"), width="large"),
                "owner": _("Owner"),
                "due": st.column_config.DateColumn(_("Due date")),
            },
            key=f"actions_{meeting.id}_{version}",
        )
        messages.field("actions")
        st.markdown("**" + _("New action") + "**")
        left, middle, right = st.columns([3, 2, 1])
        new_what = left.text_input(_("What"), max_chars=500)
        new_owner = middle.selectbox(
            _("Owner"), list(labels), index=None, format_func=labels.get, placeholder=_("Choose")
        )
        new_due = right.date_input(_("Due date"), value=None)
        ideas = _ideas_editor(meeting, content) if meeting.working_group_meeting == 3 else None
        messages.field("ideas")
        messages.buttons()
        if st.form_submit_button(_("Save the minutes"), type="primary"):
            kept = [
                PlannedAction(
                    cell_text(row["what"]).strip(),
                    row["key"],
                    (cell_date(row["due"]) or "") and str(cell_date(row["due"])),
                    number=int(row["number"]),
                )
                for row in table_rows(actions)
            ]
            added = (
                [PlannedAction(new_what.strip(), new_owner or "", str(new_due or ""))]
                if new_what.strip() or new_owner
                else []
            )
            written = Minutes(
                text=text,
                decisions=tuple(line.strip() for line in decisions.splitlines() if line.strip()),
                actions=tuple(kept + added),
                ideas=_typed_ideas(ideas),
            )
            present = {
                row["key"]: str(attendance_of.get(cell_text(row["attendance"]), Attendance.UNKNOWN))
                for row in table_rows(attendance)
            }
            messages.run(
                lambda: minutes_service.write_minutes(
                    db(), user, meeting.id, written, present, version
                ),
                _("The minutes are saved. Circulate them to the attendees when they are ready."),
            )


IDEA_COLUMNS = ["idea", "description", "objectives", "targets", "lead", "means"]


def _ideas_editor(meeting: Meeting, content: Minutes):
    """A working group's third meeting: a first-level action plan for each idea kept."""
    _ = gettext()
    st.markdown("**" + _("Action plan for each idea kept") + "**")
    return st.data_editor(
        rows_table([dataclasses.asdict(i) for i in content.ideas], IDEA_COLUMNS),
        num_rows="dynamic",
        width="stretch",
        column_config={
            "idea": _("Idea kept"),
            "description": _("Description"),
            "objectives": _("Objectives"),
            "targets": _("Targets"),
            "lead": _("Expected lead"),
            "means": _("Means needed"),
        },
        key=f"ideas_{meeting.id}",
    )


def _typed_ideas(ideas) -> tuple[IdeaPlan, ...]:
    if ideas is None:
        return ()
    rows = table_rows(ideas)
    return tuple(
        IdeaPlan(**{key: cell_text(row.get(key)).strip() for key in IDEA_COLUMNS})
        for row in rows
        if any(cell_text(row.get(key)).strip() for key in IDEA_COLUMNS)
    )


def show_minutes_steps(user, meeting: Meeting, minutes: Submission | None) -> None:
    """Circulate written minutes to the attendees (a frozen revision the Secretariat approves)."""
    _ = gettext()
    if minutes is None or minutes.status not in EDITABLE:
        return
    if st.button(_("Circulate to the attendees"), type="primary", icon=":material/send:"):
        run_action(
            lambda: minutes_service.circulate(db(), user, meeting.id, minutes.version),
            _("The minutes were circulated to the attendees for their remarks."),
        )


def show_remarks(user, meeting: Meeting, access: MeetingAccess, minutes: Submission) -> None:
    """Remarks and comments on the minutes; the invitees add theirs while they circulate."""
    _ = gettext()
    found = minutes_service.remarks(db(), user, meeting.id)
    st.markdown("#### " + _("Remarks"))
    for remark in found:
        with st.container(border=True):
            st.caption(literal(remark.author) + " · " + str(remark.created_at)[:16])
            st.text(remark.body)
    if not found:
        st.caption(_("No remark yet."))
    if access.remark and minutes.status == Status.SUBMITTED:
        with st.form(f"remark_{meeting.id}", clear_on_submit=True):
            body = st.text_area(_("Your remark on the minutes"), max_chars=5000)
            if st.form_submit_button(_("Send the remark")):
                run_action(
                    lambda: minutes_service.add_remark(db(), user, meeting.id, body),
                    _("Your remark was sent."),
                )


def show_action_update(user, meeting: Meeting, actions: list[ActionItem]) -> None:
    """Change the status of an action the user may update, with a note."""
    _ = gettext()
    mine = [a for a in actions if can_update_action(user, a, meeting)]
    if not mine:
        return
    today = clock.today()
    with st.form(f"action_status_{meeting.id}"):
        st.markdown("**" + _("Update an action") + "**")
        chosen = st.selectbox(
            _("Action"),
            mine,
            format_func=lambda a: (
                f"{a.number}. {a.what} — {a.owner_name}"
                + (" · " + _("late") if a.overdue(today) else "")
            ),
        )
        status = st.segmented_control(
            _("Status"),
            list(ActionStatus),
            format_func=lambda s: _(ACTION_STATUS_LABELS[s]),
        )
        note = st.text_input(_("Note (what changed)"), max_chars=500)
        if st.form_submit_button(_("Save the status"), type="primary") and chosen:
            run_action(
                lambda: service.update_action(
                    db(), user, chosen.id, chosen.version, status or chosen.status, note
                ),
                _("Saved."),
            )
