"""Submissions: a city's own (with the next step), the review queue of the Secretariat, the
Advisory Group's reading list."""

import pandas as pd
import streamlit as st

from ovpm import clock, i18n, ui
from ovpm.auth import require_role
from ovpm.domain.models import Role
from ovpm.domain.submission_rules import NEXT_STEP
from ovpm.domain.submissions import (
    KIND_LABELS,
    NETWORK_KINDS,
    STATUS_LABELS,
    Status,
    SubmissionKind,
)
from ovpm.services import cities as city_service
from ovpm.services import networks as network_service
from ovpm.services import submissions as submission_service
from ovpm.ui.navigation import roles_of
from ovpm.ui.submissions import open_submission, show_change_request, status_badge

user = require_role(*roles_of("submissions"))
_ = ui.gettext()
lang = ui.language()
db = ui.db()
FORM_PAGES = {
    SubmissionKind.EXPRESSION_OF_INTEREST: "pages/expression.py",
    SubmissionKind.THEME_SHEET: "pages/theme_sheet.py",
}


def city_overview() -> None:
    """One card per kind of submission, with its status and next step."""
    st.title(_("My submissions"))
    st.caption(_("Step 1 of the Quebec Roadmap for {city}.", city=ui.literal(user.city_name)))
    currents = ui.kept(
        ("my_submissions", user.id),
        lambda: {
            kind: submission_service.current_submission(db, user, str(kind), user.city_id)
            for kind in FORM_PAGES  # the step-1 forms; action plans live on their network
        },
    )
    for kind, current in currents.items():
        with st.container(border=True):
            left, right = st.columns([3, 2])
            left.markdown("#### " + _(KIND_LABELS[kind]))
            with left:
                if current is None:
                    st.write(_("Not started yet."))
                else:
                    status_badge(current.status)
                    st.write(_(NEXT_STEP[current.status]))
                    show_change_request(user, current)
                    if current.revision:
                        st.caption(_("Revision {n}", n=current.revision))
            with right:
                if st.button(_("Open the form"), key=f"form_{kind}", type="primary"):
                    st.switch_page(FORM_PAGES[kind])
                if (
                    current is not None
                    and current.revision
                    and st.button(_("Revisions, comments and history"), key=f"detail_{kind}")
                ):
                    open_submission(current.id)
    network_documents()


def network_documents() -> None:
    """The documents of the networks the city pilots: action plans and workshop deliverables."""
    frame, shown = ui.kept(("my_network_documents", user.id), network_documents_display)
    if frame.empty:
        return
    st.subheader(_("Documents of the networks you pilot"))
    chosen = ui.pick_row(
        frame,
        shown,
        {"network": _("Network"), "kind": _("Document"), "status": _("Status")},
        "my_network_documents",
        _("Select a row to open the document."),
    )
    if chosen is not None:
        open_submission(chosen)


def network_documents_display() -> tuple[pd.DataFrame, pd.DataFrame]:
    frame = submission_service.listing(db, user, [str(k) for k in NETWORK_KINDS])
    frame = frame[frame["status"] != "withdrawn"].reset_index(drop=True)
    labelled = pd.DataFrame(
        {
            "network": [
                network_service.get_network(db, user, int(n)).name for n in frame["network_id"]
            ],
            "kind": [_(KIND_LABELS[SubmissionKind(k)]) for k in frame["kind"]],
            "status": [_(STATUS_LABELS[Status(s)]) for s in frame["status"]],
        },
        columns=["network", "kind", "status"],
    )
    return frame, labelled


def queue() -> None:
    """All submissions, filterable, oldest change first (the review queue)."""
    is_secretariat = user.role == Role.SECRETARIAT
    st.title(_("Review queue") if is_secretariat else _("Submissions"))
    names = city_service.city_names(db, user)
    with st.container(border=True):
        c1, c2, c3, c4 = st.columns(4)
        statuses = c1.multiselect(
            _("Status"),
            [str(s) for s in Status],
            key="queue_status",
            default=[str(Status.SUBMITTED)],
            format_func=lambda s: _(STATUS_LABELS[Status(s)]),
            placeholder=_("Choose one or more"),
        )
        kinds = c2.multiselect(
            _("Type"),
            [str(k) for k in SubmissionKind],
            key="queue_kind",
            format_func=lambda k: _(KIND_LABELS[SubmissionKind(k)]),
            placeholder=_("Choose one or more"),
        )
        city_ids = c3.multiselect(
            _("City"),
            list(names),
            format_func=names.get,
            key="queue_city",
            placeholder=_("Choose one or more"),
        )
        min_age = c4.number_input(
            _("Waiting at least (days)"),
            min_value=0,
            max_value=3650,
            value=0,
            step=1,
            key="queue_age",
        )
    filters = (tuple(kinds), tuple(statuses), tuple(city_ids), min_age)
    frame, shown, columns = ui.kept(("queue", user.id, filters), lambda: queue_display(*filters))
    st.markdown(_("Submissions: {count}", count=i18n.format_number(len(frame), lang)))
    picked = ui.pick_row(
        frame, shown, columns, "queue_table", _("Select a row to open the submission.")
    )
    if picked is not None:
        open_submission(picked)
    if is_secretariat:
        on_behalf(names)


def queue_display(kinds, statuses, city_ids, min_age: int) -> tuple:
    """The matching submissions (ids), as shown, with the table's labels; days waiting are
    calendar days since the last change (what is kept is kept for the day)."""
    frame = submission_service.listing(db, user, list(kinds), list(statuses), list(city_ids))
    today = pd.Timestamp(clock.today())
    frame["age"] = (today - frame["updated_at"].dt.normalize()).dt.days
    frame = frame[frame["age"] >= min_age]
    shown = frame.assign(
        kind=frame["kind"].map(lambda k: _(KIND_LABELS[SubmissionKind(k)])),
        status=frame["status"].map(lambda s: _(STATUS_LABELS[Status(s)])),
        updated=frame["updated_at"].map(lambda t: i18n.format_moment(t, lang)),
    )
    columns = {
        "city": _("City"),
        "kind": _("Type"),
        "status": _("Status"),
        "revision": _("Revision"),
        "updated": _("Last change (UTC)"),
        "age": _("Days waiting"),
        "comments": _("Comments"),
    }
    return frame, shown[list(columns)], columns


def on_behalf(names: dict[int, str]) -> None:
    """The Secretariat fills a form for a city."""
    box = st.expander(_("Fill a form on behalf of a city"), key="behalf_open", on_change="rerun")
    if box.open:  # what it holds is built only when it is opened
        with box:
            city_id = st.selectbox(
                _("City"),
                list(names),
                format_func=names.get,
                index=None,
                placeholder=_("Choose a city"),
                key="behalf_city",
            )
            left, right = st.columns(2)
            for column, kind in zip((left, right), FORM_PAGES):
                if column.button(
                    _(KIND_LABELS[kind]), key=f"behalf_{kind}", disabled=city_id is None
                ):
                    st.switch_page(FORM_PAGES[kind], query_params={"city": str(city_id)})


if user.role == Role.CITY:
    city_overview()
else:
    queue()
