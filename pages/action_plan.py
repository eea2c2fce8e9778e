"""The action plan editor of a network (pilot city, Secretariat): concept, challenges, calendar
and forecast budget as tables, collective work; save a draft, submit for approval."""

import pandas as pd
import streamlit as st

from ovpm import ui
from ovpm.auth import require_role
from ovpm.domain.budget import line_key, new_line_key
from ovpm.domain.errors import DomainError, NotFound
from ovpm.domain.network_rules import PLAN_MAX_WORDS
from ovpm.domain.networks import (
    ACTIVITY_STATUS_LABELS,
    ACTIVITY_TYPE_LABELS,
    BUDGET_CATEGORY_LABELS,
    CURRENCIES,
    PLAN_FUNDER_LABELS,
    ActionPlan,
    Activity,
    BudgetLine,
)
from ovpm.domain.submission_rules import NEXT_STEP, can_edit, can_start_revision
from ovpm.services import cities as city_service
from ovpm.services import networks as network_service
from ovpm.services import submissions as submission_service
from ovpm.ui.forms import FormMessages
from ovpm.ui.navigation import roles_of
from ovpm.ui.networks import open_network, show_budget
from ovpm.ui.submissions import (
    form_prefix,
    opened_copy,
    save_or_submit,
    show_change_request,
    status_badge,
)
from ovpm.ui.word_counter import live_word_counts

user = require_role(*roles_of("action_plan"))
_ = ui.gettext()
db = ui.db()
EDITING = "action_plan_editing"

try:
    network = network_service.get_network(db, user, int(st.query_params.get("network", "")))
    current = network_service.working_plan(db, user, network.id)
except (ValueError, NotFound, DomainError):
    st.warning(_("Only the pilot city and the General Secretariat edit a network's action plan."))
    st.stop()

st.title(_("Action plan") + " — " + ui.literal(network.name))
st.caption(_("Pilot city: {city}", city=ui.literal(network.pilot_city_name)))
ui.show_flash()
if st.button(_("Back to the network")):
    open_network(network.id)
if current is None:
    st.info(_("The action plan has not been started."))
    if st.button(_("Start the action plan"), type="primary"):
        network_service.start_plan(db, user, network.id)
        st.rerun()
    st.stop()
status_badge(current.status)
show_change_request(user, current)
if not can_edit(user, current):
    st.write(_(NEXT_STEP[current.status]))
    if can_start_revision(user, current) and st.button(_("Start a revised version")):
        submission_service.start_revision(db, user, current.id, current.version)
        st.rerun()
    st.stop()

opened = opened_copy(EDITING, current)
plan = ActionPlan.from_dict(opened.content)
prefix = form_prefix(EDITING, opened)
messages = FormMessages()
names = city_service.city_names(db, user)
members = [
    m.city_id for m in network_service.members(db, user, network.id) if m.status == "participating"
]


def options(labels: dict) -> dict[str, str]:
    return {str(key): _(label) for key, label in labels.items()}


TYPES, STATUSES = options(ACTIVITY_TYPE_LABELS), options(ACTIVITY_STATUS_LABELS)
CATEGORIES, FUNDERS = options(BUDGET_CATEGORY_LABELS), options(PLAN_FUNDER_LABELS)
CITY_CHOICES = {names[c]: c for c in members}
LIMIT = " " + _("(at most {n} words)", n=PLAN_MAX_WORDS)
LABELS = {
    "concept": _("Concept and objectives") + LIMIT,
    "challenges": _("Challenges the network will address") + LIMIT,
    "collective_work": _("How the collective work runs until the 17th Congress") + LIMIT,
}


def back(mapping: dict[str, str], shown: object, default: str) -> str:
    reverse = {label: key for key, label in mapping.items()}
    return reverse.get(shown, default) if isinstance(shown, str) else default


with st.form(f"plan_{prefix}"):
    concept = st.text_area(LABELS["concept"], plan.concept, height=150, key=f"{prefix}_concept")
    messages.field("concept")
    challenges = st.text_area(
        LABELS["challenges"], plan.challenges, height=120, key=f"{prefix}_challenges"
    )
    messages.field("network_challenges")
    st.subheader(_("Calendar"))
    activities = st.data_editor(
        pd.DataFrame(
            [
                {
                    "kind": TYPES.get(a.kind),
                    "title": a.title,
                    "starts": a.starts,
                    "ends": a.ends,
                    "place": a.place,
                    "status": STATUSES.get(a.status),
                }
                for a in plan.activities
            ],
            columns=["kind", "title", "starts", "ends", "place", "status"],
        ),
        num_rows="dynamic",
        width="stretch",
        key=f"{prefix}_activities",
        column_config={
            "kind": st.column_config.SelectboxColumn(
                _("Type"), options=list(TYPES.values()), default=TYPES["other"]
            ),
            "title": st.column_config.TextColumn(_("Short title"), default=""),
            "starts": st.column_config.DateColumn(_("Start"), format="YYYY-MM-DD"),
            "ends": st.column_config.DateColumn(_("End"), format="YYYY-MM-DD"),
            "place": st.column_config.TextColumn(_("Place"), default=""),
            "status": st.column_config.SelectboxColumn(
                _("Status"), options=list(STATUSES.values()), default=STATUSES["planned"]
            ),
        },
    )
    messages.field("activities")
    st.subheader(_("Forecast budget"))
    st.caption(
        _(
            "Amounts are exact and never negative, e.g. 12345.67. For a participating "
            "city, choose which one; for another source, give its name."
        )
    )
    budget = st.data_editor(
        pd.DataFrame(
            [
                {
                    "category": CATEGORIES.get(line.category),
                    "description": line.description,
                    "amount": line.amount,
                    "currency": line.currency,
                    "funder": FUNDERS.get(line.funder),
                    "city": names.get(line.funder_city_id),
                    "other": line.funder_name,
                    "key": line_key(line),
                }
                for line in plan.budget
            ],
            columns=[
                "category",
                "description",
                "amount",
                "currency",
                "funder",
                "city",
                "other",
                "key",
            ],
        ),
        column_order=["category", "description", "amount", "currency", "funder", "city", "other"],
        num_rows="dynamic",
        width="stretch",
        key=f"{prefix}_budget",
        column_config={
            "category": st.column_config.SelectboxColumn(
                _("Category"), options=list(CATEGORIES.values()), default=CATEGORIES["other"]
            ),
            "description": st.column_config.TextColumn(_("Description"), default=""),
            "amount": st.column_config.TextColumn(_("Amount"), default=""),
            "currency": st.column_config.SelectboxColumn(
                _("Currency"), options=list(CURRENCIES), default="EUR"
            ),
            "funder": st.column_config.SelectboxColumn(
                _("Funder"), options=list(FUNDERS.values()), default=FUNDERS["pilot_city"]
            ),
            "city": st.column_config.SelectboxColumn(
                _("Participating city"), options=list(CITY_CHOICES)
            ),
            "other": st.column_config.TextColumn(_("Other source (name)"), default=""),
        },
    )
    messages.field("budget")
    collective = st.text_area(
        LABELS["collective_work"], plan.collective_work, height=120, key=f"{prefix}_collective"
    )
    messages.field("collective_work")
    messages.buttons()
    row = st.container(horizontal=True)
    save_clicked = row.form_submit_button(_("Save draft"), icon=":material/save:")
    submit_clicked = row.form_submit_button(_("Submit"), type="primary", icon=":material/send:")

live_word_counts(
    {label: PLAN_MAX_WORDS for label in LABELS.values()},
    _("{count} / {limit} words"),
    key="plan_words",
)
st.markdown("#### " + _("Totals of the saved draft"))
show_budget(plan.budget, names)

if save_clicked or submit_clicked:
    typed = ActionPlan(
        concept,
        challenges,
        tuple(
            Activity(
                back(TYPES, r["kind"], "other"),
                ui.cell_text(r["title"]),
                ui.cell_date(r["starts"]),
                ui.cell_date(r["ends"]),
                ui.cell_text(r["place"]),
                back(STATUSES, r["status"], "planned"),
            )
            for r in activities.to_dict("records")
            if ui.cell_text(r["title"]) or ui.cell_date(r["starts"])
        ),
        tuple(
            BudgetLine(
                back(CATEGORIES, r["category"], "other"),
                ui.cell_text(r["description"]),
                ui.cell_text(r["amount"]),
                ui.cell_text(r["currency"]) or "EUR",
                back(FUNDERS, r["funder"], "pilot_city"),
                CITY_CHOICES.get(r["city"]),
                ui.cell_text(r["other"]),
                ui.cell_text(r.get("key")) or new_line_key(),
            )
            for r in budget.to_dict("records")
            if ui.cell_text(r["description"]) or ui.cell_text(r["amount"])
        ),
        collective,
    )
    save_or_submit(user, opened, typed, submit_clicked, EDITING, messages)
