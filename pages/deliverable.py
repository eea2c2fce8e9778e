"""The form of a workshop deliverable (pilot city, Secretariat): the network constitution sheet,
the priority problem sheet or the report on the initial draft of the pilot project; save a
draft, submit it for review. (The revised theme sheet is edited on the theme sheet form.)"""

import pandas as pd
import streamlit as st

from ovpm import ui
from ovpm.auth import require_role
from ovpm.domain.deliverable_rules import TEXT_MAX_WORDS
from ovpm.domain.deliverables import (
    ConstitutionSheet,
    Indicator,
    MemberRole,
    PilotDraftReport,
    PriorityProblemSheet,
    Problem,
    Step,
)
from ovpm.domain.errors import DomainError, NotFound
from ovpm.domain.networks import CURRENCIES
from ovpm.domain.submission_rules import NEXT_STEP, can_edit
from ovpm.domain.submissions import KIND_LABELS, SubmissionKind, content_of
from ovpm.services import networks as network_service
from ovpm.services import submissions as submission_service
from ovpm.services import workshops as workshop_service
from ovpm.ui.forms import FormMessages
from ovpm.ui.navigation import roles_of
from ovpm.ui.networks import open_network
from ovpm.ui.submissions import (
    form_prefix,
    open_submission,
    opened_copy,
    save_or_submit,
    show_change_request,
    status_badge,
)
from ovpm.ui.word_counter import live_word_counts

user = require_role(*roles_of("deliverable"))
_ = ui.gettext()
db = ui.db()
EDITING = "deliverable_editing"
KINDS = (
    SubmissionKind.CONSTITUTION_SHEET,
    SubmissionKind.PRIORITY_PROBLEM,
    SubmissionKind.PILOT_DRAFT,
)

try:
    network = network_service.get_network(db, user, int(st.query_params.get("network", "")))
    kind = SubmissionKind(st.query_params.get("kind", ""))
    if kind not in KINDS or not workshop_service.can_organise(user, network):
        raise NotFound(kind)
    current = submission_service.current_submission(
        db, user, kind, network.pilot_city_id, network.id
    )
except (ValueError, NotFound, DomainError):
    st.warning(_("Only the pilot city and the General Secretariat edit a workshop deliverable."))
    st.stop()

st.title(_(KIND_LABELS[kind]) + " — " + ui.literal(network.name))
st.caption(_("Pilot city: {city}", city=ui.literal(network.pilot_city_name)))
ui.show_flash()
if st.button(_("Back to the network")):
    open_network(network.id)
if current is None:
    st.info(_("This deliverable has not been started."))
    if st.button(_("Start"), type="primary"):
        submission_service.start_submission(db, user, kind, network.pilot_city_id, network.id)
        st.rerun()
    st.stop()
status_badge(current.status)
show_change_request(user, current)
if not can_edit(user, current):
    st.write(_(NEXT_STEP[current.status]))
    if st.button(_("Revisions, comments and history")):
        open_submission(current.id)
    st.stop()

opened = opened_copy(EDITING, current)
content = content_of(kind, opened.content)
prefix = form_prefix(EDITING, opened)
messages = FormMessages()
LIMIT = " " + _("(at most {n} words)", n=TEXT_MAX_WORDS)
COUNTED: list[str] = []  # the labels of the text areas whose words are counted live


def text_area(label: str, value: str, name: str) -> str:
    COUNTED.append(label + LIMIT)
    typed = st.text_area(label + LIMIT, value, height=120, key=f"{prefix}_{name}")
    messages.field(name)
    return typed


def rows(frame: pd.DataFrame, *required: str) -> list[dict]:
    """The rows of an edited table that hold something in one of the `required` columns."""
    return [r for r in frame.to_dict("records") if any(ui.cell_text(r.get(c)) for c in required)]


def constitution_form(sheet: ConstitutionSheet):
    members = st.data_editor(
        pd.DataFrame([vars(m) for m in sheet.members], columns=["city", "role"]),
        num_rows="dynamic",
        width="stretch",
        key=f"{prefix}_members",
        column_config={
            "city": st.column_config.TextColumn(_("City"), default=""),
            "role": st.column_config.TextColumn(_("Role"), default="", width="large"),
        },
    )
    messages.field("members")
    coordination = text_area(
        _("Coordination by the pilot city"), sheet.coordination, "coordination"
    )
    decisions = text_area(_("How decisions are taken"), sheet.decisions, "decisions")
    meetings = text_area(_("How often the network meets"), sheet.meetings, "meetings")
    return lambda: ConstitutionSheet(
        tuple(
            MemberRole(ui.cell_text(r["city"]), ui.cell_text(r["role"]))
            for r in rows(members, "city", "role")
        ),
        coordination,
        decisions,
        meetings,
    )


def priority_problem_form(sheet: PriorityProblemSheet):
    st.caption(_("The common problems identified during the workshop; tick the priority one."))
    problems = st.data_editor(
        pd.DataFrame(
            [
                {"priority": i == sheet.priority, "title": p.title, "description": p.description}
                for i, p in enumerate(sheet.problems)
            ],
            columns=["priority", "title", "description"],
        ),
        num_rows="dynamic",
        width="stretch",
        key=f"{prefix}_problems",
        column_config={
            "priority": st.column_config.CheckboxColumn(_("Priority problem"), default=False),
            "title": st.column_config.TextColumn(_("Short title"), default=""),
            "description": st.column_config.TextColumn(_("Description"), default="", width="large"),
        },
    )
    messages.field("problems", "priority_problem")
    questions = text_area(_("Questions the network must answer"), sheet.questions, "questions")

    def typed() -> PriorityProblemSheet:
        kept = rows(problems, "title", "description")
        ticked = [i for i, r in enumerate(kept) if r.get("priority") is True]
        return PriorityProblemSheet(
            tuple(Problem(ui.cell_text(r["title"]), ui.cell_text(r["description"])) for r in kept),
            ticked[0] if len(ticked) == 1 else None,
            questions,
        )

    return typed


def pilot_draft_form(report: PilotDraftReport):
    title = st.text_input(
        _("Project title"), report.project_title, max_chars=200, key=f"{prefix}_title"
    )
    messages.field("project_title")
    objectives = text_area(_("Objectives"), report.objectives, "objectives")
    results = text_area(_("Expected results"), report.expected_results, "expected_results")
    st.markdown("##### " + _("First indicators"))
    indicators = st.data_editor(
        pd.DataFrame([vars(i) for i in report.indicators], columns=["name", "unit", "target"]),
        num_rows="dynamic",
        width="stretch",
        key=f"{prefix}_indicators",
        column_config={
            "name": st.column_config.TextColumn(_("Name"), default="", width="large"),
            "unit": st.column_config.TextColumn(_("Unit"), default=""),
            "target": st.column_config.TextColumn(_("Target"), default=""),
        },
    )
    messages.field("indicators")
    partners = text_area(_("Partners"), report.partners, "partners")
    st.markdown("##### " + _("Rough timeline"))
    timeline = st.data_editor(
        pd.DataFrame([vars(s) for s in report.timeline], columns=["what", "by"]),
        num_rows="dynamic",
        width="stretch",
        key=f"{prefix}_timeline",
        column_config={
            "what": st.column_config.TextColumn(_("What"), default="", width="large"),
            "by": st.column_config.DateColumn(_("By"), format="YYYY-MM-DD"),
        },
    )
    messages.field("timeline")
    left, right = st.columns([3, 1])
    cost = left.text_input(
        _("Cost estimate"), report.cost_estimate, placeholder="120000.00", key=f"{prefix}_cost"
    )
    currency = right.selectbox(
        _("Currency"),
        CURRENCIES,
        index=CURRENCIES.index(report.currency) if report.currency in CURRENCIES else 0,
        key=f"{prefix}_currency",
    )
    messages.field("cost_estimate", "currency")
    return lambda: PilotDraftReport(
        title,
        objectives,
        results,
        tuple(
            Indicator(ui.cell_text(r["name"]), ui.cell_text(r["unit"]), ui.cell_text(r["target"]))
            for r in rows(indicators, "name", "unit", "target")
        ),
        partners,
        tuple(
            Step(ui.cell_text(r["what"]), ui.cell_date(r["by"]))
            for r in timeline.to_dict("records")
            if ui.cell_text(r.get("what")) or ui.cell_date(r.get("by"))
        ),
        cost,
        currency,
    )


FORMS = {
    SubmissionKind.CONSTITUTION_SHEET: constitution_form,
    SubmissionKind.PRIORITY_PROBLEM: priority_problem_form,
    SubmissionKind.PILOT_DRAFT: pilot_draft_form,
}

with st.form(f"deliverable_{prefix}"):
    typed_content = FORMS[kind](content)
    messages.buttons()
    row = st.container(horizontal=True)
    save_clicked = row.form_submit_button(_("Save draft"), icon=":material/save:")
    submit_clicked = row.form_submit_button(_("Submit"), type="primary", icon=":material/send:")

if kind == SubmissionKind.CONSTITUTION_SHEET:
    st.info(
        _(
            "The constitution sheet includes the updated action plan: a new revision of the "
            "network's action plan, edited on its own form."
        )
    )
    if st.button(_("Edit the action plan")):
        st.switch_page("pages/action_plan.py", query_params={"network": str(network.id)})

live_word_counts(
    {label: TEXT_MAX_WORDS for label in COUNTED},
    _("{count} / {limit} words"),
    key="deliverable_words",
)

if save_clicked or submit_clicked:
    save_or_submit(user, opened, typed_content(), submit_clicked, EDITING, messages)
