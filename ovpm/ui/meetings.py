"""Widgets of the meeting screens: the list, the form that plans a meeting, the agenda with the
actions carried from earlier meetings, and the minutes as they read."""

from __future__ import annotations

import dataclasses
from datetime import date, time, timedelta

import pandas as pd
import streamlit as st

from ovpm import clock, i18n
from ovpm.domain.meetings import (
    ACTION_STATUS_LABELS,
    ATTENDANCE_LABELS,
    MEETING_KIND_LABELS,
    ActionItem,
    Attendance,
    Invitee,
    Meeting,
    MeetingKind,
    Minutes,
)
from ovpm.domain.process_warnings import WARNING_TEXTS, ProcessWarning
from ovpm.domain.submissions import STATUS_LABELS, Status
from ovpm.domain.times import ZONE_NAMES, in_zone, to_utc
from ovpm.services import cities as city_service
from ovpm.services import meetings as service
from ovpm.ui import (
    arrow_table,
    db,
    flash,
    gettext,
    kept,
    language,
    literal,
    pick_row,
    rows_table,
    web_link,
)
from ovpm.ui.forms import FormMessages
from ovpm.ui.networks import three_times

MEETING_PAGE = "pages/meeting.py"


def kind_label(kind: str) -> str:
    return gettext()(MEETING_KIND_LABELS[MeetingKind(kind)])


def title_of(meeting: Meeting) -> str:
    """The meeting's title as typed (shown literally), or its kind."""
    return literal(meeting.title) if meeting.title else kind_label(meeting.kind)


def minutes_state(meeting: Meeting, statuses: dict[int, Status]) -> str:
    """'No minutes yet', or the minutes' step (circulated for a submitted revision)."""
    _ = gettext()
    status = statuses.get(meeting.minutes_id) if meeting.minutes_id else None
    if status is None:
        return _("No minutes yet")
    if status == Status.SUBMITTED:
        return _("Minutes circulated")
    return _("Minutes") + ": " + _(STATUS_LABELS[status])


def show_meeting_list(
    user, meetings: list[Meeting], zone: str, key: str, with_context: bool = True
) -> None:
    """Upcoming meetings first (soonest first), then the past ones (latest first); a row
    opens the meeting."""
    _ = gettext()
    if not meetings:
        st.info(_("No meeting is recorded yet."))
        return
    columns = {
        "when": _("Date and time (your time)"),
        "title": _("Meeting"),
        "kind": _("Kind of meeting"),
        "of": _("Network or process"),
        "minutes": _("Minutes"),
    }
    if not with_context:
        del columns["of"]
    listed = tuple((m.id, m.version) for m in meetings)
    frame, shown = kept(
        ("meeting_list", user.id, zone, listed, with_context),
        lambda: _meeting_rows(user, meetings, zone, list(columns)),
    )
    chosen = pick_row(frame, shown, columns, key, _("Select a row to open the meeting."))
    if chosen is not None:
        st.switch_page(MEETING_PAGE, query_params={"id": str(chosen)})


def _meeting_rows(user, meetings: list[Meeting], zone: str, columns: list[str]):
    """(the rows with their ids, the rows as shown): upcoming meetings first (soonest first),
    then the past ones (latest first)."""
    _ = gettext()
    lang = language()
    now = clock.now_utc()
    upcoming = [m for m in meetings if m.ends_at >= now]
    past = [m for m in reversed(meetings) if m.ends_at < now]
    statuses = service.minutes_statuses(
        db(), user, [m.minutes_id for m in meetings if m.minutes_id]
    )
    rows = [
        {
            "id": m.id,
            "when": i18n.format_in_zone(m.starts_at, zone, lang),
            "title": m.title or kind_label(m.kind),
            "kind": kind_label(m.kind),
            "of": m.network_name or _("{city}'s own process", city=m.city_name),
            "minutes": minutes_state(m, statuses),
        }
        for m in upcoming + past
    ]
    frame = pd.DataFrame(rows, columns=["id", *columns])
    return frame, arrow_table(frame.drop(columns=["id"]))


def show_when_and_where(meeting: Meeting, zone: str) -> None:
    _ = gettext()
    st.write(
        three_times(meeting.starts_at, meeting.time_zone, meeting.city_name, zone)
        + " · "
        + _("{n} minutes", n=meeting.duration_minutes)
    )
    if meeting.place:
        st.write(_("Place: {place}", place=literal(meeting.place)))
    if meeting.link:
        web_link(meeting.link)


def show_agenda(meeting: Meeting, carried: list[ActionItem]) -> None:
    """The open actions of the earlier meetings of the group head the agenda."""
    _ = gettext()
    st.markdown("#### " + _("Agenda"))
    if carried:
        st.markdown("**" + _("Open actions from earlier meetings") + "**")
        show_action_table(carried)
    if meeting.agenda:
        st.markdown("\n".join(f"{n}. {literal(item)}" for n, item in enumerate(meeting.agenda, 1)))
    elif not carried:
        st.caption(_("No agenda yet."))


def show_action_table(actions: list[ActionItem]) -> None:
    _ = gettext()
    lang = language()
    today = clock.today()
    rows = [
        {
            "number": a.number,
            "what": a.what,
            "owner": a.owner_name,
            "due": i18n.format_day(a.due, lang, "medium") if a.due else "",
            "status": _(ACTION_STATUS_LABELS[a.status])
            + (" · " + _("late") if a.overdue(today) else ""),
            "note": a.note,
        }
        for a in actions
    ]
    st.dataframe(
        rows_table(rows, ["number", "what", "owner", "due", "status", "note"]),
        hide_index=True,
        width="stretch",
        column_config={
            "number": "#",
            "what": st.column_config.TextColumn(_("What"), width="large"),
            "owner": _("Owner"),
            "due": _("Due date"),
            "status": _("Status"),
            "note": _("Note"),
        },
    )


def show_invitees(invitees: tuple[Invitee, ...], people: dict[str, str]) -> None:
    _ = gettext()
    if not invitees:
        st.caption(_("No one is invited yet."))
        return
    rows = [
        {
            "name": people.get(i.key, i.name),
            "attendance": _(ATTENDANCE_LABELS[i.attendance]),
        }
        for i in invitees
    ]
    st.dataframe(
        rows_table(rows, ["name", "attendance"]),
        hide_index=True,
        width="stretch",
        column_config={"name": _("Invitees"), "attendance": _("Attendance")},
    )


def show_ideas(ideas) -> None:
    """The first-level action plans of a working group's ideas."""
    _ = gettext()
    rows = [dataclasses.asdict(i) for i in ideas]
    st.dataframe(
        rows_table(rows, ["idea", "description", "objectives", "targets", "lead", "means"]),
        hide_index=True,
        width="stretch",
        column_config={
            "idea": _("Idea kept"),
            "description": _("Description"),
            "objectives": _("Objectives"),
            "targets": _("Targets"),
            "lead": _("Expected lead"),
            "means": _("Means needed"),
        },
    )


def show_minutes(minutes: Minutes) -> None:
    """Minutes as a revision froze them: meeting, attendees, text, decisions, actions."""
    _ = gettext()
    if minutes.meeting_title:
        day = i18n.format_iso_day(minutes.meeting_day, language())
        st.caption(literal(minutes.meeting_title + " · " + day))
    present = [a.name for a in minutes.attendees if a.attendance == Attendance.PRESENT]
    st.markdown("**" + _("Present") + "**: " + (literal(", ".join(present)) or "—"))
    st.markdown("**" + _("Minutes") + "**")
    st.text(minutes.text or "—")
    st.markdown("**" + _("Decisions") + "**")
    if minutes.decisions:
        st.markdown(
            "\n".join(f"{n}. {literal(text)}" for n, text in enumerate(minutes.decisions, 1))
        )
    else:
        st.caption("—")
    st.markdown("**" + _("Action items") + "**")
    lang = language()
    rows = [
        {
            "number": a.number,
            "what": a.what,
            "owner": a.owner_name,
            "due": i18n.format_iso_day(a.due, lang),
        }
        for a in minutes.actions
    ]
    st.dataframe(
        rows_table(rows, ["number", "what", "owner", "due"]),
        hide_index=True,
        width="stretch",
        column_config={
            "number": "#",
            "what": st.column_config.TextColumn(_("What"), width="large"),
            "owner": _("Owner"),
            "due": _("Due date"),
        },
    )
    if minutes.ideas:
        st.markdown("**" + _("Action plan for each idea kept") + "**")
        show_ideas(minutes.ideas)


def show_process_warnings(found: list[ProcessWarning], with_context: bool = True) -> None:
    """The sources' warnings, each explaining itself; they never block anything."""
    _ = gettext()
    lang = language()
    for warning in found:
        params = {
            key: i18n.format_day(value, lang, "medium") if isinstance(value, date) else value
            for key, value in warning.params.items()
        }
        meeting = warning.meeting
        where = meeting.network_name or _("{city}'s own process", city=meeting.city_name)
        st.warning(
            (literal(where) + " — " if with_context else "")
            + _(WARNING_TEXTS[warning.kind], **params),
            icon=":material/warning:",
        )


# --- planning --------------------------------------------------------------------------------


def show_meeting_form(
    user, meeting: Meeting | None, hosts: dict[str, tuple[int | None, int]], key: str
) -> None:
    """Plan a meeting (or change it): `hosts` maps each choice's label to (network id, host
    city id); a change keeps the host."""
    _ = gettext()
    people = service.people(db(), user)
    messages = FormMessages()
    with st.form(key):
        if meeting is None:
            host = st.selectbox(_("For"), list(hosts))
            network_id, city_id = hosts[host]
            zone_default = None
        else:
            network_id, city_id = meeting.network_id, meeting.city_id
            zone_default = meeting.time_zone
        left, right = st.columns(2)
        kind = left.selectbox(
            _("Kind of meeting"),
            list(MeetingKind),
            index=list(MeetingKind).index(meeting.kind) if meeting else 0,
            format_func=kind_label,
        )
        title = right.text_input(
            _("Title of the meeting"), meeting.title if meeting else "", max_chars=200
        )
        messages.field("meeting_title")
        group = st.text_input(
            _("Group (meetings of the same group follow each other's actions)"),
            meeting.group if meeting else "",
            max_chars=200,
        )
        start = in_zone(meeting.starts_at, meeting.time_zone) if meeting else None
        left, middle, right = st.columns(3)
        day = left.date_input(
            _("Date"), start.date() if start else clock.today() + timedelta(days=7)
        )
        hour = middle.time_input(_("Start time (host's time)"), start.time() if start else time(10))
        duration = right.number_input(
            _("Duration (minutes)"), value=meeting.duration_minutes if meeting else 60, step=15
        )
        messages.field("duration")
        zone = st.selectbox(
            _("Time zone of the host"),
            ZONE_NAMES,
            index=ZONE_NAMES.index(zone_default) if zone_default in ZONE_NAMES else None,
            placeholder=_("The host city's time zone"),
        )
        messages.field("time_zone")
        left, right = st.columns(2)
        link = left.text_input(_("Meeting link"), meeting.link if meeting else "")
        place = right.text_input(_("Place"), meeting.place if meeting else "", max_chars=200)
        messages.field("link", "place")
        agenda = st.text_area(
            _("Agenda (one item a line)"), "\n".join(meeting.agenda) if meeting else ""
        )
        messages.field("agenda")
        invited = st.multiselect(
            _("Invitees (address book and users)"),
            list(people),
            default=[i.key for i in meeting.invitees if i.key in people] if meeting else [],
            format_func=people.get,
            placeholder=_("Choose one or more"),
        )
        preparation = st.date_input(
            _("Preparation started on (participatory workshop)"),
            meeting.preparation_started if meeting else None,
        )
        notes = st.text_area(_("Notes"), meeting.notes if meeting else "", max_chars=20000)
        messages.field("notes")
        messages.buttons()
        if st.form_submit_button(_("Save"), type="primary"):
            zone = zone or city_service.city_zone(db(), user, city_id)
            kept = {i.key: i for i in meeting.invitees} if meeting else {}
            value = Meeting(
                id=meeting.id if meeting else None,
                network_id=network_id,
                city_id=city_id,
                kind=MeetingKind(kind),
                title=title.strip(),
                starts_at=to_utc(day, hour, zone),
                duration_minutes=int(duration),
                time_zone=zone,
                link=link.strip(),
                place=place.strip(),
                agenda=tuple(line.strip() for line in agenda.splitlines() if line.strip()),
                invitees=tuple(kept.get(key, Invitee(key)) for key in invited),
                notes=notes,
                group=group.strip(),
                version=meeting.version if meeting else 1,
                preparation_started=preparation,
            )
            messages.run(lambda: _save_and_open(user, value), _("Saved."))


def _save_and_open(user, value: Meeting) -> None:
    _ = gettext()
    saved = service.save_meeting(db(), user, value)
    if value.id is None:
        flash(_("Saved."))
        st.switch_page(MEETING_PAGE, query_params={"id": str(saved.id)})
