"""The "Workshop" view of a network: summary, programme, deliverables and exports (participants
and costs are in ovpm.ui.workshop_people)."""

from __future__ import annotations

import dataclasses

import streamlit as st

from ovpm import clock, i18n
from ovpm.domain.errors import DomainError
from ovpm.domain.models import Role
from ovpm.domain.networks import ActivityType
from ovpm.domain.submission_rules import NEXT_STEP
from ovpm.domain.submissions import KIND_LABELS, STATUS_LABELS, Status, SubmissionKind
from ovpm.domain.workshops import (
    DELIVERABLE_STATE_LABELS,
    HALF_DAY_LABELS,
    WORKSHOP_STATUS_LABELS,
    DeliverableState,
    Slot,
    Workshop,
    WorkshopStatus,
)
from ovpm.services import networks as network_service
from ovpm.services import workshop_costs
from ovpm.services import workshop_deliverables as deliverables
from ovpm.services import workshop_exports as exports
from ovpm.services import workshops as service
from ovpm.ui import (
    cell_text,
    db,
    gettext,
    kept,
    language,
    literal,
    rows_table,
    run_action,
    show_error,
    show_flash,
    table_rows,
)
from ovpm.ui.forms import FormMessages
from ovpm.ui.submissions import open_submission
from ovpm.ui.workshop_people import show_costs, show_participants

DELIVERABLE_PAGE = "pages/deliverable.py"
THEME_SHEET_PAGE = "pages/theme_sheet.py"


def _label(labels: dict, value: str) -> str:
    return gettext()(labels[value]) if value in labels else value


def day_span(workshop: Workshop) -> str:
    lang = language()
    return (
        i18n.format_day(workshop.first_day, lang, "medium")
        + " – "
        + i18n.format_day(workshop.last_day, lang, "medium")
    )


def show_new_workshop_form(user, network) -> None:
    """The organisers plan the network's workshop: its days and place (the pilot city unless
    another is given); the programme starts from source 000's proposal."""
    _ = gettext()
    messages = FormMessages()
    with st.form("new_workshop"):
        st.markdown("#### " + _("Plan the international workshop"))
        st.caption(
            _(
                "2 or 3 days in the pilot city, organised with the General Secretariat. The "
                "programme starts from the proposal of the Roadmap; edit it afterwards."
            )
        )
        left, right = st.columns(2)
        first = left.date_input(_("First day"), value=None, format="YYYY-MM-DD")
        messages.field("first_day")
        last = right.date_input(_("Last day"), value=None, format="YYYY-MM-DD")
        messages.field("last_day")
        place = st.text_input(_("Place"), network.pilot_city_name, max_chars=200)
        messages.field("place", "status")
        messages.buttons()
        if st.form_submit_button(_("Plan the workshop"), type="primary"):
            messages.run(
                lambda: service.create_workshop(
                    db(), user, network.id, first, last, place, language()
                ),
                _("The workshop is planned."),
            )


def show_summary(workshop: Workshop) -> None:
    _ = gettext()
    st.markdown(
        "**"
        + _("International workshop")
        + "** · "
        + day_span(workshop)
        + " · "
        + literal(workshop.place)
        + " · "
        + _label(WORKSHOP_STATUS_LABELS, workshop.status)
    )
    provided = [
        text
        for flag, text in (
            (workshop.provides_room, _("the meeting room")),
            (workshop.provides_meals, _("the meals")),
        )
        if flag
    ]
    if provided or workshop.provides_other:
        st.caption(_("The pilot city provides"))
        st.text(
            ", ".join(provided + ([workshop.provides_other] if workshop.provides_other else []))
        )


def show_settings_form(user, workshop: Workshop, activity_titles: list[str]) -> None:
    """Place, days, status, the plan activity it realises, what the pilot city provides, the
    deliverables' due date."""
    _ = gettext()
    messages = FormMessages()
    statuses = list(WORKSHOP_STATUS_LABELS)
    titles = ["", *activity_titles]
    if workshop.activity_key not in titles:
        titles.append(workshop.activity_key)
    with st.form(f"workshop_settings_{workshop.id}_{workshop.version}"):
        left, middle, right = st.columns(3)
        first = left.date_input(_("First day"), workshop.first_day, format="YYYY-MM-DD")
        last = middle.date_input(_("Last day"), workshop.last_day, format="YYYY-MM-DD")
        status = right.selectbox(
            _("Status"),
            statuses,
            index=statuses.index(workshop.status),
            format_func=lambda s: _label(WORKSHOP_STATUS_LABELS, s),
        )
        messages.field("first_day", "last_day", "status")
        place = st.text_input(_("Place"), workshop.place, max_chars=200)
        messages.field("place")
        activity = st.selectbox(
            _("Activity of the action plan"),
            titles,
            index=titles.index(workshop.activity_key),
            format_func=lambda t: t or "—",
            help=_("The plan's calendar shows this activity with the workshop's days and status."),
        )
        room = st.checkbox(_("The pilot city provides the meeting room"), workshop.provides_room)
        meals = st.checkbox(_("The pilot city provides the meals"), workshop.provides_meals)
        other = st.text_input(_("The pilot city also provides"), workshop.provides_other)
        messages.field("provides_other")
        due = st.date_input(
            _("Deliverables due on"),
            workshop.due,
            format="YYYY-MM-DD",
            disabled=user.role != Role.SECRETARIAT,  # the Secretariat sets it
        )
        messages.buttons()
        if st.form_submit_button(_("Save"), type="primary"):
            changed = dataclasses.replace(
                workshop,
                first_day=first,
                last_day=last,
                status=status,
                place=place,
                activity_key=activity,
                provides_room=room,
                provides_meals=meals,
                provides_other=other,
                deliverables_due=due
                if user.role == Role.SECRETARIAT
                else workshop.deliverables_due,
            )
            messages.run(lambda: service.save_workshop(db(), user, changed), _("Saved."))


PROGRAMME_COLUMNS = ["day", "half", "title", "activity", "lead"]


def programme_table(workshop: Workshop):
    """The programme as a table: one row a half-day."""
    _ = gettext()
    lang = language()
    dates = workshop.day_dates()
    rows = [
        {
            "day": _("Day {n}", n=slot.day)
            + (
                " · " + i18n.format_day(dates[slot.day - 1], lang, "medium")
                if slot.day <= len(dates)
                else ""
            ),
            "half": _label(HALF_DAY_LABELS, slot.half),
            "title": slot.title,
            "activity": slot.activity,
            "lead": slot.lead,
        }
        for slot in workshop.programme
    ]
    return rows_table(rows, PROGRAMME_COLUMNS)


def _programme_columns() -> dict:
    _ = gettext()
    return {
        "day": _("Day"),
        "half": _("Half-day"),
        "title": _("Short title"),
        "activity": st.column_config.TextColumn(_("What is done"), width="large"),
        "lead": _("Led by"),
    }


def show_programme(workshop: Workshop, editable: bool, user) -> None:
    """The programme by day and half-day; the organisers edit titles, what is done and who
    leads each half-day."""
    _ = gettext()
    # the editor is built only when asked for: it costs five times the table (bench)
    if editable:
        editable = st.toggle(_("Edit the programme"), key=f"programme_edit_{workshop.id}")
    if not editable:
        st.dataframe(
            kept(("programme", workshop.id, workshop.version), lambda: programme_table(workshop)),
            hide_index=True,
            width="stretch",
            column_config=_programme_columns(),
        )
        return
    messages = FormMessages()
    with st.form(f"workshop_programme_{workshop.id}_{workshop.version}"):
        edited = st.data_editor(
            programme_table(workshop),
            hide_index=True,
            width="stretch",
            disabled=["day", "half"],
            column_config=_programme_columns(),
            key=f"programme_{workshop.id}_{workshop.version}",
        )
        messages.field("programme")
        messages.buttons()
        if st.form_submit_button(_("Save the programme"), type="primary"):
            rows = table_rows(edited)
            programme = tuple(
                Slot(
                    slot.day,
                    slot.half,
                    cell_text(row["title"]),
                    cell_text(row["activity"]),
                    cell_text(row["lead"]),
                )
                for slot, row in zip(workshop.programme, rows)
            )
            messages.run(
                lambda: service.save_workshop(
                    db(), user, dataclasses.replace(workshop, programme=programme)
                ),
                _("Saved."),
            )


def deliverable_status_text(status: str) -> str:
    _ = gettext()
    if status in DELIVERABLE_STATE_LABELS:
        return _(DELIVERABLE_STATE_LABELS[status])
    return _(STATUS_LABELS[Status(status)])


def next_step_text(item) -> str:
    _ = gettext()
    if item.status == DeliverableState.NOT_STARTED:
        return _("The pilot city starts it here, fills it in and submits it for review.")
    if item.status == DeliverableState.NOT_NEEDED:
        return _("The General Secretariat marked it not needed.")
    return _(NEXT_STEP[Status(item.status)])


def show_deliverables(user, workshop: Workshop, network, organiser: bool, reader: bool) -> None:
    """The four deliverables with their status, due date and next step; the organisers start
    them, the Secretariat may mark the revised theme sheet not needed."""
    _ = gettext()
    lang = language()
    statuses = deliverables.deliverables(db(), user, workshop.id)
    today = clock.today()
    due = workshop.due
    late = due is not None and due < today and workshop.status == WorkshopStatus.HELD
    st.caption(
        _("Due on {day}", day=i18n.format_day(due, lang, "medium"))
        + (" · " + _("late") if late and not all(d.done for d in statuses) else "")
    )
    for number, item in enumerate(statuses, start=1):
        # one row a deliverable: its name and step, its next step below, its buttons beside
        row = st.container(horizontal=True, vertical_alignment="center")
        row.markdown(
            f"**{number}. "
            + (
                _("Revised theme sheet")
                if item.kind == SubmissionKind.THEME_SHEET
                else _(KIND_LABELS[SubmissionKind(item.kind)])
            )
            + "** · "
            + deliverable_status_text(item.status)
            + (" :material/check_circle:" if item.done else "")
            + "  \n:gray["
            + next_step_text(item)
            + "]"
            + ("  \n" + literal(item.reason) if item.reason else "")
        )
        _deliverable_actions(user, workshop, network, item, organiser, reader, row)
    box = (
        st.expander(
            _("Revised theme sheet not needed"), key="workshop_not_needed_open", on_change="rerun"
        )
        if user.role == Role.SECRETARIAT
        else None
    )
    if box is not None and box.open:
        with box:
            with st.form(f"not_needed_{workshop.id}_{workshop.version}"):
                reason = st.text_area(
                    _("Reason (leave empty to take the mark back)"),
                    workshop.theme_sheet_not_needed,
                    max_chars=1000,
                )
                if st.form_submit_button(_("Save")):
                    run_action(
                        lambda: deliverables.mark_theme_sheet_not_needed(
                            db(), user, workshop.id, workshop.version, reason
                        ),
                        _("Saved."),
                    )


def _deliverable_actions(user, workshop, network, item, organiser: bool, reader: bool, row) -> None:
    """Start or edit (organisers), open the submission (organisers, Advisory Group), or take
    the approved PDF (participating cities); other member cities see the status only."""
    _ = gettext()
    key = f"{item.kind}_{workshop.id}"
    if organiser and item.status == DeliverableState.NOT_STARTED:
        if row.button(_("Start"), key=f"start_{key}", type="primary"):
            try:
                deliverables.start_deliverable(db(), user, workshop.id, item.kind)
            except DomainError as error:
                show_error(error)
            else:
                _open_form(item.kind, network)
        return
    if organiser and item.status in (Status.DRAFT, Status.CHANGES_REQUESTED):
        if row.button(_("Edit"), key=f"edit_{key}", type="primary"):
            _open_form(item.kind, network)
    if item.submission_id is not None and (organiser or user.role == Role.ADVISORY):
        if row.button(_("Revisions, comments and history"), key=f"open_{key}"):
            open_submission(item.submission_id)
    elif reader and item.done and item.status != DeliverableState.NOT_NEEDED:
        row.download_button(
            _("Download as PDF"),
            lambda: exports.approved_deliverable_pdf(
                db(), user, workshop.id, item.kind, language()
            ),
            file_name=f"{item.kind}-{network.id}.pdf",
            mime="application/pdf",
            icon=":material/picture_as_pdf:",
            key=f"pdf_{key}",
        )


def _open_form(kind: str, network) -> None:
    if kind == SubmissionKind.THEME_SHEET:
        st.switch_page(THEME_SHEET_PAGE, query_params={"city": str(network.pilot_city_id)})
    st.switch_page(DELIVERABLE_PAGE, query_params={"network": str(network.id), "kind": kind})


def show_exports(user, workshop: Workshop, reads_everything: bool) -> None:
    _ = gettext()
    lang = language()
    row = st.container(horizontal=True)
    row.download_button(
        _("Programme (PDF)"),
        lambda: exports.programme_pdf(db(), user, workshop.id, lang),
        file_name=f"workshop-{workshop.id}.pdf",
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
    )
    row.download_button(
        _("Calendar (ICS)"),
        lambda: exports.calendar_ics(db(), user, workshop.id, lang),
        file_name=f"workshop-{workshop.id}.ics",
        mime="text/calendar",
        icon=":material/event:",
        key="workshop_ics",
    )
    if reads_everything:
        row.download_button(
            _("Participants (CSV)"),
            lambda: exports.participants_csv(db(), user, workshop.id, lang),
            file_name=f"workshop-{workshop.id}-participants.csv",
            mime="text/csv",
            icon=":material/table:",
        )
        row.download_button(
            _("Participants (vCard)"),
            lambda: exports.participants_vcard(db(), user, workshop.id),
            file_name=f"workshop-{workshop.id}-participants.vcf",
            mime="text/vcard",
            icon=":material/contacts:",
        )


def show_workshop_view(user, network) -> None:
    """Everything the reader may see of the network's workshop, and what they may do."""
    _ = gettext()
    show_flash()
    workshop = service.current_workshop(db(), user, network.id)
    organiser = service.can_organise(user, network)
    if workshop is None or workshop.status == WorkshopStatus.CANCELLED:
        if workshop is not None:
            st.info(_("The last workshop was cancelled."))
        if organiser:
            show_new_workshop_form(user, network)
        elif workshop is None:
            st.info(_("No workshop is planned for this network yet."))
        if workshop is None:
            return
    reads_everything = service.can_read_everything(db(), user, network)
    show_summary(workshop)
    show_exports(user, workshop, reads_everything)
    settings = (
        st.expander(
            _("Dates, place, status and what the pilot city provides"),
            key="workshop_settings_open",
            on_change="rerun",
        )
        if organiser
        else None
    )
    if settings is not None and settings.open:  # built only when opened
        with settings:
            plan = network_service.plan_view(db(), user, network.id).plan
            show_settings_form(
                user,
                workshop,
                [a.title for a in plan.activities if a.kind == ActivityType.WORKSHOP],
            )
    st.markdown("#### " + _("Programme"))
    show_programme(workshop, organiser, user)
    if reads_everything:
        st.markdown("#### " + _("Participants"))
        show_participants(user, workshop, network, organiser)
    lines = workshop_costs.costs(db(), user, workshop.id)
    if lines or organiser:
        st.markdown("#### " + _("Costs"))
        show_costs(user, workshop, lines, organiser)
    st.markdown("#### " + _("Deliverables"))
    show_deliverables(user, workshop, network, organiser, reads_everything)
