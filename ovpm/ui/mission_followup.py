"""Screen parts of a mission after its scheduling: the requesting city's obligations, the
mission's costs (budget lines) and the mission report through the review workflow."""

from __future__ import annotations

import io

import streamlit as st
from PIL import Image

from ovpm import i18n
from ovpm.clock import today
from ovpm.domain import N_
from ovpm.domain.missions import (
    OBLIGATION_LABELS,
    OBLIGATION_STATUS_LABELS,
    Mission,
    MissionReport,
    MissionStatus,
    Obligation,
    ObligationState,
    ObligationStatus,
)
from ovpm.domain.models import Role
from ovpm.domain.submission_rules import NEXT_STEP, can_edit
from ovpm.domain.submissions import Status
from ovpm.services import attachments as attachment_service
from ovpm.services import mission_costs, mission_obligations
from ovpm.services import missions as service
from ovpm.services import submissions as submission_service
from ovpm.ui import db, gettext, kept, language, run_action
from ovpm.ui.budget import show_cost_form, show_cost_lines
from ovpm.ui.forms import FormMessages
from ovpm.ui.submissions import (
    form_prefix,
    open_submission,
    opened_copy,
    save_or_submit,
    show_change_request,
    status_badge,
)

EDITING = "mission_report_editing"
REPORT_TEXTS = (
    ("initial_issue", N_("Initial issue")),
    ("objectives", N_("Objectives of the request")),
    ("actors", N_("Actors involved")),
    ("help_obtained", N_("Help obtained")),
    ("format", N_("In what format")),
    ("lessons", N_("Lessons learned")),
    ("contributions", N_("Contributions to solving the need")),
    ("solutions", N_("Solutions")),
    ("follow_up", N_("Follow-up")),
)


def show_obligations(user, mission: Mission) -> None:
    """The checklist followed by both sides: each item's status, date, due date (late ones
    marked) and files; the city and the Secretariat record them."""
    _ = gettext()
    found = mission_obligations.obligations(db(), user, mission)
    if not found:
        st.info(_("The obligations are followed once the mission is scheduled."))
        return
    lang = language()
    editable = service.writes(user, mission)
    for state, version in found:
        with st.container(border=True):
            row = st.container(horizontal=True, vertical_alignment="center")
            row.markdown("**" + _(OBLIGATION_LABELS[state.item]) + "**")
            row.badge(
                _(OBLIGATION_STATUS_LABELS[state.status]),
                color="green" if state.status == ObligationStatus.DONE else "gray",
            )
            due = i18n.format_day(state.due_on, lang, "medium") if state.due_on else "—"
            if state.late(today()):
                st.error(_("Late: due on {day}.", day=due), icon=":material/schedule:")
            else:
                st.caption(_("Due on {day}", day=due))
            if state.note:
                st.text(state.note)
            _show_files(user, state)
            if editable and state.item != Obligation.REPORT:
                _obligation_form(user, mission, state, version)


def _show_files(user, state: ObligationState) -> None:
    _ = gettext()
    if not state.files:
        return
    if state.item == Obligation.MEDIA:
        show_photos(
            user.id,
            state.files,
            lambda f: attachment_service.read_attachment(db(), user, f)[1],
        )
        return
    for number, file_id in enumerate(state.files, start=1):
        st.download_button(
            _("Technical dossier ({n})", n=number),
            lambda f=file_id: attachment_service.read_attachment(db(), user, f)[1],
            file_name=f"dossier-{number}.pdf",
            mime="application/pdf",
            key=f"dossier_{file_id}",
            icon=":material/download:",
        )


def _obligation_form(user, mission: Mission, state: ObligationState, version: int) -> None:
    _ = gettext()
    box = st.expander(_("Update"), key=f"obligation_open_{state.item}", on_change="rerun")
    if not box.open:
        return
    messages = FormMessages()
    with box, st.form(f"obligation_{mission.id}_{state.item}"):
        statuses = list(ObligationStatus)
        status = st.segmented_control(
            _("Status"),
            statuses,
            default=state.status,
            format_func=lambda s: _(OBLIGATION_STATUS_LABELS[s]),
        )
        done_on = st.date_input(_("Done on"), state.done_on, max_value=today(), format="YYYY-MM-DD")
        messages.field("done_on")
        note = st.text_area(_("Note"), state.note)
        uploads = []
        if state.item == Obligation.DOSSIER:
            uploads = st.file_uploader(
                _("Technical dossier (PDF)"), type=["pdf"], accept_multiple_files=True
            )
        if state.item == Obligation.MEDIA:
            uploads = st.file_uploader(
                _("Photos (PNG or JPEG)"), type=["png", "jpg", "jpeg"], accept_multiple_files=True
            )
        messages.field("files")
        messages.buttons()
        if st.form_submit_button(_("Save"), type="primary"):
            typed = ObligationState(state.item, status or state.status, done_on, note, state.files)
            messages.run(
                lambda: mission_obligations.save_obligation(
                    db(),
                    user,
                    mission,
                    typed,
                    version,
                    [(u.name, u.getvalue()) for u in uploads or []],
                ),
                _("Saved."),
            )


def show_costs(user, mission: Mission) -> None:
    """The mission's budget lines (the budget rules); the Secretariat adds the costs agreed."""
    _ = gettext()
    lines = mission_costs.costs(db(), user, mission)
    if not lines:
        st.caption(_("No cost recorded yet."))
    show_cost_lines(lines, ("mission_costs", mission.id))
    st.caption(
        _(
            "The General Secretariat pays the international experts' travel, stay and fees; "
            "the requesting city its local experts; other costs are shared by agreement. "
            "Commitments and expenses are recorded in Budget tracking."
        )
    )
    if user.role == Role.SECRETARIAT and mission.status not in mission_costs.CLOSED:
        with st.expander(_("Add a cost")):
            show_cost_form(
                f"mission_cost_{mission.id}",
                mission_costs.COST_FUNDERS,
                lambda *cost: mission_costs.add_cost(db(), user, mission.id, *cost),
            )


# --- the report --------------------------------------------------------------------------------


def show_report(user, mission: Mission) -> None:
    """The report: started once the mission is done, written by the city, reviewed by the
    Secretariat, then published; its PDF shows the photos."""
    _ = gettext()
    if mission.report_id is None:
        if mission.status == MissionStatus.DONE and service.writes(user, mission):
            st.info(_("The mission is done: the requesting city writes its report."))
            if st.button(_("Write the mission report"), type="primary"):
                run_action(
                    lambda: service.start_report(db(), user, mission.id), _("Report started.")
                )
        else:
            st.info(_("The report is written once the mission is done."))
        return
    current = submission_service.get_submission(db(), user, mission.report_id)
    status_badge(current.status)
    show_change_request(user, current)
    row = st.container(horizontal=True)
    # the revision under review or approved; the working copy while the city writes it
    frozen = current.status in (Status.SUBMITTED, Status.APPROVED)
    number = current.revision if frozen else None
    row.download_button(
        _("Download in PDF"),
        lambda: submission_service.submission_pdf(db(), user, current.id, number, language()),
        file_name=f"mission-report-{mission.id}.pdf",
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
    )
    if current.revision and row.button(_("Revisions, comments and history"), key="report_history"):
        open_submission(current.id)
    if not can_edit(user, current):
        st.write(_(NEXT_STEP[current.status]))
        show_report_content(
            MissionReport.from_dict(current.content),
            user.id,
            lambda photo: attachment_service.read_attachment(db(), user, photo)[1],
        )
        return
    photos = next(
        (
            s.files
            for s, _v in mission_obligations.obligations(db(), user, mission)
            if s.item == Obligation.MEDIA
        ),
        (),
    )
    _report_form(user, opened_copy(EDITING, current), photos)


def show_report_content(report: MissionReport, reader_id: int, read_photo) -> None:
    """The report's texts and photos (`read_photo(attachment id)` gives a photo's bytes, after
    checking that the reader may see it)."""
    _ = gettext()
    st.markdown("**" + _("Title of the practice") + "**")
    st.text(report.title or "—")
    for key, label in REPORT_TEXTS:
        st.markdown("**" + _(label) + "**")
        st.text(getattr(report, key) or "—")
    if report.photos:
        show_photos(reader_id, report.photos, read_photo)


THUMBNAIL_PX = 320


def thumbnail(data: bytes) -> bytes:
    """A photo at most THUMBNAIL_PX wide or high, as JPEG: made once, not by the browser's
    every rerun (Streamlit would resize the full image on each run)."""
    image = Image.open(io.BytesIO(data))
    image.thumbnail((THUMBNAIL_PX, THUMBNAIL_PX))
    out = io.BytesIO()
    image.convert("RGB").save(out, "JPEG", quality=85)
    return out.getvalue()


def show_photos(reader_id: int, photo_ids: tuple[int, ...], read_photo) -> None:
    """The photos side by side, kept per reader until the next write (the reading checks the
    reader's right the first time)."""
    thumbs = kept(
        ("mission_photos", reader_id, tuple(photo_ids)),
        lambda: [thumbnail(read_photo(p)) for p in photo_ids],
    )
    st.image(list(thumbs))


def _report_form(user, opened, photos: tuple[int, ...]) -> None:
    """The report's texts; its photos are those of the media coverage (uploaded there)."""
    _ = gettext()
    report = MissionReport.from_dict(opened.content)
    prefix = form_prefix(EDITING, opened)
    messages = FormMessages()
    with st.form(f"report_{prefix}"):
        title = st.text_input(_("Title of the practice"), report.title, key=f"{prefix}_title")
        messages.field("title")
        texts = {}
        for key, label in REPORT_TEXTS:
            texts[key] = st.text_area(_(label), getattr(report, key), key=f"{prefix}_{key}")
            messages.field(key)
        st.caption(_("Photos of the media coverage shown in the report: {n}", n=len(photos)))
        messages.buttons()
        row = st.container(horizontal=True)
        save = row.form_submit_button(_("Save draft"), icon=":material/save:")
        submit = row.form_submit_button(_("Submit"), type="primary", icon=":material/send:")
    if save or submit:
        typed = MissionReport(title=title, photos=tuple(photos), **texts)
        save_or_submit(user, opened, typed, submit, EDITING, messages)
