"""Screen parts of Mission4City: the list of requests (a city's, or the Secretariat's pipeline),
the request form (the M4C technical sheet with the mayor's letter), the request as read, and the
mission's status moves."""

from __future__ import annotations

import streamlit as st

from ovpm import i18n
from ovpm.domain import N_
from ovpm.domain.errors import DomainError
from ovpm.domain.missions import MISSION_STATUS_LABELS, Mission, MissionRequest, MissionStatus
from ovpm.domain.models import Person, Role
from ovpm.domain.submission_rules import can_edit, can_start_revision
from ovpm.domain.submissions import Axis
from ovpm.services import attachments as attachment_service
from ovpm.services import mission_exports
from ovpm.services import missions as service
from ovpm.services import submissions as submission_service
from ovpm.ui import db, flash_and_rerun, gettext, kept, language, literal, pick_row, show_error
from ovpm.ui.forms import FormMessages
from ovpm.ui.submissions import (
    axis_label,
    form_prefix,
    labelled,
    open_submission,
    opened_copy,
    save_or_submit,
    show_change_request,
    status_badge,
)

MISSION_PAGE = "pages/mission.py"
EDITING = "mission_request_editing"
STATUS_COLORS = {
    MissionStatus.DRAFT: "gray",
    MissionStatus.SUBMITTED: "blue",
    MissionStatus.IN_INSTRUCTION: "orange",
    MissionStatus.SCHEDULED: "violet",
    MissionStatus.DONE: "violet",
    MissionStatus.REPORT_RECEIVED: "blue",
    MissionStatus.PUBLISHED: "green",
    MissionStatus.DECLINED: "red",
    MissionStatus.WITHDRAWN: "gray",
}
MOVE_BUTTONS = {
    MissionStatus.IN_INSTRUCTION: N_("Start the instruction"),
    MissionStatus.SCHEDULED: N_("Schedule the mission"),
    MissionStatus.DONE: N_("Mark the mission done"),
    MissionStatus.PUBLISHED: N_("Publish to the library"),
    MissionStatus.DECLINED: N_("Decline the request"),
    MissionStatus.WITHDRAWN: N_("Withdraw the request"),
}


def open_mission(mission_id: int) -> None:
    st.switch_page(MISSION_PAGE, query_params={"id": str(mission_id)})


def mission_badge(mission: Mission) -> None:
    _ = gettext()
    st.badge(_(MISSION_STATUS_LABELS[mission.status]), color=STATUS_COLORS[mission.status])


def show_pipeline(user) -> None:
    """Every request the reader reads with its status, days waiting and next step; a row opens
    the mission. The Secretariat and the Advisory Group export it."""
    _ = gettext()
    missions = service.every_mission(db(), user)
    if not missions:
        st.info(_("No request yet."))
        return
    labels = mission_exports.pipeline_labels(_)
    columns = {
        k: labels[k] for k in ("city", "title", "status", "days_waiting", "first_day", "next_step")
    }
    if user.role == Role.CITY:
        del columns["city"]
    listed = tuple((m.id, m.version) for m in missions)
    frame, shown = kept(
        ("mission_pipeline", user.id, listed),
        lambda: _pipeline(user, list(columns)),
    )
    chosen = pick_row(frame, shown, columns, "mission_rows", _("Select a row to open the request."))
    if chosen is not None:
        open_mission(chosen)
    if user.role in (Role.SECRETARIAT, Role.ADVISORY):
        row = st.container(horizontal=True)
        row.download_button(
            _("Pipeline (CSV)"),
            lambda: mission_exports.pipeline_csv(db(), user, language()),
            file_name="mission4city.csv",
            mime="text/csv",
            icon=":material/download:",
        )
        row.download_button(
            _("Pipeline (XLSX)"),
            lambda: mission_exports.pipeline_xlsx(db(), user, language()),
            file_name="mission4city.xlsx",
            icon=":material/download:",
        )


def _pipeline(user, columns: list[str]):
    frame = mission_exports.pipeline_frame(db(), user, language())
    lang = language()
    frame = frame.assign(
        first_day=[i18n.format_day(d, lang, "medium") if d else "—" for d in frame["first_day"]],
        days_waiting=[("" if d is None or d != d else str(int(d))) for d in frame["days_waiting"]],
    )
    return frame, frame[columns]


def show_start(user, city_id: int | None) -> None:
    """The button that starts a new request, or why the city cannot submit one."""
    _ = gettext()
    if city_id is None:
        return
    if not service.eligible(db(), city_id):
        st.warning(
            _(
                "This city is not in good standing with the Organization: it may prepare a "
                "request, but can submit it only once its membership is settled with the "
                "General Secretariat."
            ),
            icon=":material/info:",
        )
    if st.button(_("New request"), type="primary", icon=":material/add:"):
        try:
            mission = service.start_request(db(), user, city_id)
        except DomainError as error:
            show_error(error)
            return
        open_mission(mission.id)


# --- the request -------------------------------------------------------------------------------


def show_request(user, mission: Mission) -> None:
    """The request: its review state, the form to those who edit it, the sheet to others."""
    _ = gettext()
    current = submission_service.get_submission(db(), user, mission.request_id)
    status_badge(current.status)
    show_change_request(user, current)
    if current.revision and st.button(_("Revisions, comments and history"), key="request_history"):
        open_submission(current.id)
    if mission.status in (MissionStatus.DECLINED, MissionStatus.WITHDRAWN) or not can_edit(
        user, current
    ):
        show_request_content(user, MissionRequest.from_dict(current.content))
        if can_start_revision(user, current) and mission.status == MissionStatus.DRAFT:
            if st.button(_("Start a revised version")):
                submission_service.start_revision(db(), user, current.id, current.version)
                st.rerun()
        return
    if not service.eligible(db(), mission.city_id):
        st.warning(
            _(
                "This city is not in good standing with the Organization: the request can be "
                "submitted once its membership is settled with the General Secretariat."
            ),
            icon=":material/info:",
        )
    _request_form(user, opened_copy(EDITING, current))


def show_request_content(user, request: MissionRequest) -> None:
    _ = gettext()
    contact = request.contact
    labelled(
        _("Contact person"),
        " · ".join(p for p in (contact.name, contact.title, contact.email) if p),
    )
    for label, text in (
        (_("Description of the situation"), request.situation),
        (_("Global project or action plan"), request.global_project),
        (_("Expertise requested: profiles"), request.expertise_profiles),
        (_("Main skills"), request.main_skills),
    ):
        st.markdown("**" + label + "**")
        st.text(text or "—")
    labelled(_("Fields of expertise"), ", ".join(request.fields))
    labelled(_("Strategic axis"), axis_label(request.axis) if request.axis else "")
    lang = language()
    wished = [
        i18n.format_day(d, lang, "medium") for d in (request.wished_from, request.wished_to) if d
    ]
    labelled(_("Period wished"), " – ".join(wished))
    if request.letter_id is not None:
        st.download_button(
            _("Letter signed by the mayor (PDF)"),
            lambda: attachment_service.read_attachment(db(), user, request.letter_id)[1],
            file_name=request.letter_name or "letter.pdf",
            mime="application/pdf",
            icon=":material/download:",
        )


def _request_form(user, opened) -> None:
    _ = gettext()
    request = MissionRequest.from_dict(opened.content)
    prefix = form_prefix(EDITING, opened)
    messages = FormMessages()
    with st.form(f"request_{prefix}"):
        title = st.text_input(_("Subject of the request"), request.title, key=f"{prefix}_title")
        messages.field("title")
        st.markdown("**" + _("Contact person") + "**")
        c1, c2, c3 = st.columns(3)
        contact = Person(
            c1.text_input(_("Name"), request.contact.name, key=f"{prefix}_name"),
            c2.text_input(_("Title"), request.contact.title, key=f"{prefix}_ctitle"),
            c3.text_input(_("E-mail"), request.contact.email, key=f"{prefix}_email"),
        )
        messages.field("contact")
        situation = st.text_area(
            _("Description of the situation"), request.situation, key=f"{prefix}_situation"
        )
        messages.field("situation")
        global_project = st.text_area(
            _("Global project or action plan"), request.global_project, key=f"{prefix}_project"
        )
        messages.field("global_project")
        profiles = st.text_area(
            _("Expertise requested: profiles"), request.expertise_profiles, key=f"{prefix}_profiles"
        )
        messages.field("expertise_profiles")
        skills = st.text_area(_("Main skills"), request.main_skills, key=f"{prefix}_skills")
        messages.field("main_skills")
        left, right = st.columns(2)
        fields = left.text_input(
            _("Fields of expertise (separated by commas)"),
            ", ".join(request.fields),
            key=f"{prefix}_fields",
        )
        axes = [None, *(int(a) for a in Axis)]
        axis = right.selectbox(
            _("Strategic axis"),
            axes,
            index=axes.index(request.axis) if request.axis in axes else 0,
            format_func=lambda a: axis_label(a) if a else "—",
            key=f"{prefix}_axis",
        )
        left, right = st.columns(2)
        wished_from = left.date_input(
            _("Period wished: from"), request.wished_from, format="YYYY-MM-DD", key=f"{prefix}_from"
        )
        wished_to = right.date_input(
            _("Period wished: to"), request.wished_to, format="YYYY-MM-DD", key=f"{prefix}_to"
        )
        messages.field("wished_to")
        if request.letter_name:
            st.caption(
                _(
                    "Letter on file: {name}. Upload another file only to replace it.",
                    name=literal(request.letter_name),
                )
            )
        upload = st.file_uploader(
            _("Letter signed by the mayor (PDF)"), type=["pdf"], key=f"{prefix}_letter"
        )
        messages.field("letter", "city")
        messages.buttons()
        row = st.container(horizontal=True)
        save = row.form_submit_button(_("Save draft"), icon=":material/save:")
        submit = row.form_submit_button(_("Submit"), type="primary", icon=":material/send:")
    if not (save or submit):
        return
    letter_id, letter_name = request.letter_id, request.letter_name
    if upload is not None:
        try:
            letter = attachment_service.store_pdf(
                db(), user, opened.city_id, "letter", upload.name, upload.getvalue()
            )
        except DomainError as error:
            messages.show(error)
            return
        letter_id, letter_name = letter.id, letter.original_name
    typed = MissionRequest(
        title,
        contact,
        situation,
        global_project,
        profiles,
        skills,
        tuple(f.strip() for f in fields.split(",") if f.strip()),
        axis,
        wished_from,
        wished_to,
        letter_id,
        letter_name,
    )
    save_or_submit(user, opened, typed, submit, EDITING, messages)


# --- status ------------------------------------------------------------------------------------


def show_moves(user, mission: Mission) -> None:
    """The moves that make sense now, each its own button (declining asks for the reason)."""
    _ = gettext()
    moves = service.moves(user, mission)
    if not moves:
        return
    row = st.container(horizontal=True)
    for status in moves:
        if status in (MissionStatus.DECLINED, MissionStatus.WITHDRAWN):
            continue
        label = MOVE_BUTTONS[status]
        reopening = (
            status == MissionStatus.IN_INSTRUCTION and mission.status == MissionStatus.SCHEDULED
        )
        if reopening:
            label = N_("Reopen the instruction (change the programme)")
        kind = "secondary" if reopening else "primary"
        if row.button(_(label), type=kind, key=f"move_{status}"):
            _move(user, mission, status)
    if MissionStatus.WITHDRAWN in moves:
        with row.popover(_(MOVE_BUTTONS[MissionStatus.WITHDRAWN])):
            st.write(_("Withdraw this request? It stays readable; a new one can be started."))
            if st.button(_("Withdraw"), key="confirm_withdraw", type="primary"):
                _move(user, mission, MissionStatus.WITHDRAWN)
    if MissionStatus.DECLINED in moves:
        with st.popover(_(MOVE_BUTTONS[MissionStatus.DECLINED])):
            messages = FormMessages()
            with st.form("decline"):
                reason = st.text_area(_("Reason (the city reads it)"))
                messages.field("reason")
                messages.buttons()
                if st.form_submit_button(_("Decline the request"), type="primary"):
                    messages.run(
                        lambda: service.move(
                            db(), user, mission.id, mission.version, "declined", reason
                        ),
                        _("The request was declined."),
                    )


def _move(user, mission: Mission, status: MissionStatus) -> None:
    _ = gettext()
    try:
        service.move(db(), user, mission.id, mission.version, str(status))
    except DomainError as error:
        show_error(error)
        return
    flash_and_rerun(_("Status changed."))
