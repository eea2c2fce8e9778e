"""Widgets of the progress overview: scope filters, key figures, stage chart and tables,
timeline and map, budget summary, what changed, the briefing pack, cycle settings."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import streamlit as st

from ovpm import i18n, ui
from ovpm.domain.budget import MissingRates
from ovpm.domain.errors import DomainError
from ovpm.domain.models import Milestone
from ovpm.domain.stages import CITY_STAGES, Stage
from ovpm.services import budget as budget_service
from ovpm.services import meetings as meeting_service
from ovpm.services import progress as service
from ovpm.services.budget import Filters
from ovpm.services.cycle import current_cycle
from ovpm.services.progress import Overview, Scope
from ovpm.ui.meetings import show_process_warnings
from ovpm.ui.networks import open_network
from ovpm.ui.submissions import axis_label


def scope_bar(current: Overview) -> Scope:
    """Filters by axis, region and network over what the reader may see."""
    _ = ui.gettext()
    row = st.container(horizontal=True)
    regions = sorted({item.region for item in current.cities + current.networks if item.region})
    networks = {n.id: n.name for n in current.networks}
    return Scope(
        tuple(
            row.multiselect(
                _("Strategic axes"),
                [1, 2, 3],
                format_func=lambda a: axis_label(a, short=True),
                key="overview_axes",
                placeholder=_("All axes"),
            )
        ),
        tuple(
            row.multiselect(
                _("Regions"), regions, key="overview_regions", placeholder=_("All regions")
            )
        ),
        tuple(
            row.multiselect(
                _("Networks"),
                list(networks),
                format_func=networks.get,
                key="overview_networks",
                placeholder=_("All networks"),
            )
        ),
    )


def key_figures(current: Overview) -> None:
    """Days left, cities, networks, late and due next: the figures the briefing pack opens
    with."""
    _ = ui.gettext()
    lang = ui.language()
    row = st.container(horizontal=True)
    for label, value in service.key_figures(current, None, lang):
        row.metric(label, value, border=True)
    st.caption(
        _(
            "Stages are computed from the data: a stage counts as reached when the stages before "
            "it are reached and its own condition holds. Today: {today}.",
            today=i18n.format_day(current.today, lang, "medium"),
        )
    )


def stages_view(user, current: Overview, kept_key: tuple) -> None:
    """The count at each stage, who is counted, then late and due-next items. `kept_key`
    names the overview shown (what is drawn of it is kept with it, see `ui.kept`)."""
    _ = ui.gettext()
    lang = ui.language()
    ui.chart(ui.kept((*kept_key, "stage_chart"), lambda: service.stage_chart(current, lang)))
    choices = [None, *CITY_STAGES]
    picked = st.selectbox(
        _("Show who is at this stage"),
        range(len(choices)),
        format_func=lambda i: service.stage_label(_, choices[i]),
        index=None,
        placeholder=_("Choose a stage"),
        key="overview_stage",
    )
    if picked is not None:
        stage = choices[picked]
        counted = [
            (_("City") if item.kind == "city" else _("Network"), item.name)
            for item in current.cities + current.networks
            if item.reached == stage and (stage is None or stage in item.stages)
        ]
        st.dataframe(
            pd.DataFrame(counted, columns=[_("Type"), _("Name")]), hide_index=True, width="stretch"
        )
    late, due = ui.kept(
        (*kept_key, "deadlines"),
        lambda: (
            _deadlines_shown(current.late, current.today),
            _deadlines_shown(current.due, current.today),
        ),
    )
    deadlines_table(_("Late"), late, _("Nothing is late."), _("Days late"))
    found = meeting_service.warnings(ui.db(), user)
    if found:
        st.markdown("**" + _("Warnings from the sources") + "**")
        show_process_warnings(found)
    deadlines_table(
        _("Due in the next 30 days"), due, _("Nothing is due in the next 30 days."), _("Days left")
    )


def _deadlines_shown(deadlines, today: date) -> pd.DataFrame | None:
    if not deadlines:
        return None
    lang = ui.language()
    frame = service.deadlines_frame(deadlines, today, lang)
    frame["target"] = frame["target"].map(lambda d: i18n.format_day(d, lang, "medium"))
    return frame


def deadlines_table(title, frame: pd.DataFrame | None, empty: str, days_label: str) -> None:
    _ = ui.gettext()
    st.markdown("**" + title + "**")
    if frame is None:
        st.info(empty)
        return
    labels = service.column_labels(_)
    st.dataframe(
        frame,
        hide_index=True,
        width="stretch",
        column_config={c: labels[c] for c in frame.columns} | {"days": days_label},
    )


def matrix_view(current: Overview, kind: str, kept_key: tuple) -> None:
    """One row per network (selecting one opens it) or per city, through the stages."""
    _ = ui.gettext()
    frame, table, columns = ui.kept(
        (*kept_key, "matrix", kind), lambda: _matrix_display(current, kind)
    )
    if frame.empty:
        st.info(_("Nothing to show with these filters."))
        return
    if kind == "network":
        picked = ui.pick_row(
            frame, table, columns, "overview_networks_table", _("Select a row to open the network.")
        )
        if picked is not None:
            open_network(picked)
    else:
        st.dataframe(table, hide_index=True, width="stretch", column_config=columns)


def _matrix_display(current: Overview, kind: str) -> tuple:
    """The rows (with their ids), the table as shown and its column labels."""
    frame = service.stage_matrix(current, kind, ui.language())
    labels = service.column_labels(ui.gettext())
    columns = {c: labels[c] for c in frame.columns if c != "id"}
    return frame, ui.arrow_table(frame[list(columns)]), columns


def timeline_and_map(db, user, current: Overview, kept_key: tuple) -> None:
    _ = ui.gettext()
    lang = ui.language()
    timeline, world = ui.kept(
        (*kept_key, "timeline_and_map"),
        lambda: (
            service.timeline_chart(db, user, current, lang),
            service.stage_map(current, lang, ui.LAND_URL),
        ),
    )
    st.markdown("**" + _("Milestones, stage targets and network activities") + "**")
    ui.chart(timeline)
    st.markdown("**" + _("Participating cities by stage") + "**")
    ui.chart(world)


def budget_summary(db, user, current: Overview) -> None:
    """Planned, committed and spent of the networks shown, and the Secretariat's envelope."""
    _ = ui.gettext()
    lang = ui.language()
    try:
        result = budget_service.report(
            db, user, Filters(networks=tuple(n.name for n in current.networks))
        )
    except MissingRates:
        st.error(_("The figures cannot be converted: an exchange rate is missing."))
        return
    if not result.lines:
        st.info(_("No budget line to show."))
        return
    row = st.container(horizontal=True)
    for label, value in service.budget_figures(result, lang):
        row.metric(label, value, border=True)
    if st.button(_("Open budget tracking"), icon=":material/open_in_new:"):
        st.switch_page("pages/budget.py")


def changes_view(db, user, since: date) -> None:
    _ = ui.gettext()
    lang = ui.language()
    frame = service.changes_since(db, user, since, lang)
    if frame.empty:
        st.info(_("Nothing changed since {date}.", date=i18n.format_day(since, lang, "medium")))
        return
    shown = frame.assign(happened=frame["happened"].map(lambda t: i18n.format_moment(t, lang)))
    labels = service.column_labels(_)
    st.dataframe(
        shown, hide_index=True, width="stretch", column_config={c: labels[c] for c in shown}
    )


def since_picker(current: Overview) -> date:
    _ = ui.gettext()
    default = current.last_advisory_meeting or current.today - timedelta(days=30)
    chosen = st.date_input(
        _("Changes since"),
        value=default,
        max_value=current.today,
        format="YYYY-MM-DD",
        key="overview_since",
        help=_("By default, the last Advisory Group meeting recorded in the cycle settings."),
    )
    return chosen or default


def settings_form(db, user, current: Overview) -> None:
    """Target date of every stage and the last Advisory Group meeting (Secretariat)."""
    _ = ui.gettext()
    with st.form(ui.form_key("overview_settings")):
        st.markdown("**" + _("Target date of each stage") + "**")
        cells = [column for _row in range(2) for column in st.columns(4)]
        targets = {
            stage: cell.date_input(
                service.stage_label(_, stage),
                value=current.targets.get(stage),
                format="YYYY-MM-DD",
            )
            for stage, cell in zip(Stage, cells)
        }
        meeting = cells[len(targets)].date_input(
            _("Last Advisory Group meeting"),
            value=current.last_advisory_meeting,
            format="YYYY-MM-DD",
        )
        if st.form_submit_button(_("Save settings"), icon=":material/save:"):
            try:
                service.save_settings(db, user, targets, meeting)
            except DomainError as error:
                ui.show_error(error)
            else:
                ui.saved_and_reset("overview_settings", _("Settings saved."))


def briefing_pack(db, user, scope: Scope, since: date) -> None:
    """Build the briefing pack on request, with a progress indicator, then offer it."""
    _ = ui.gettext()
    lang = ui.language()
    st.caption(
        _(
            "A PDF in your language: cover, key figures, charts, late and due-next items, one page "
            "per network and what changed since {date}.",
            date=i18n.format_day(since, lang, "medium"),
        )
    )
    if st.button(_("Prepare the briefing pack"), type="primary", icon=":material/picture_as_pdf:"):
        bar = st.progress(0.0, text=_("Preparing the briefing pack…"))

        def report(share: float, step: str) -> None:
            bar.progress(min(share, 1.0), text=step)

        wanted = (scope, since, lang)
        pdf = service.briefing_pdf(db, user, scope, since, lang, report)
        st.session_state["overview_pack"] = (wanted, pdf)
        bar.progress(1.0, text=_("The briefing pack is ready."))
    made_for, pack = st.session_state.get("overview_pack", (None, None))
    if pack and made_for == (scope, since, lang):  # never offer a pack of other choices
        st.download_button(
            _("Download the briefing pack (PDF)"),
            pack,
            f"briefing-{since.isoformat()}.pdf",
            mime="application/pdf",
            icon=":material/download:",
        )
    st.download_button(
        _("Overview tables (XLSX)"),
        lambda: service.overview_xlsx(db, user, scope, since, lang),
        "overview.xlsx",
        icon=":material/table_view:",
    )


def milestones_form(db, user) -> None:
    """The cycle's milestones as an editable table (Secretariat)."""
    _ = ui.gettext()
    cycle = current_cycle(db)
    with st.form(ui.form_key("overview_milestones")):
        st.markdown("**" + _("Milestones of the cycle") + "**")
        edited = st.data_editor(
            pd.DataFrame(
                [
                    {
                        "key": m.key,
                        "label_fr": m.labels.get("fr", ""),
                        "label_en": m.labels.get("en", ""),
                        "label_es": m.labels.get("es", ""),
                        "starts": m.starts,
                        "ends": m.ends,
                    }
                    for m in cycle.milestones
                ],
                columns=["key", "label_fr", "label_en", "label_es", "starts", "ends"],
            ),
            num_rows="dynamic",
            width="stretch",
            column_order=["label_fr", "label_en", "label_es", "starts", "ends"],
            column_config={
                "label_fr": st.column_config.TextColumn(_("Label (French)")),
                "label_en": st.column_config.TextColumn(_("Label (English)")),
                "label_es": st.column_config.TextColumn(_("Label (Spanish)")),
                "starts": st.column_config.DateColumn(_("Starts"), format="YYYY-MM-DD"),
                "ends": st.column_config.DateColumn(_("Ends"), format="YYYY-MM-DD"),
            },
        )
        if st.form_submit_button(_("Save the milestones"), icon=":material/save:"):
            milestones = [
                Milestone(
                    ui.cell_text(row["key"]) or f"milestone-{index + 1}",
                    ui.cell_date(row["starts"]),
                    ui.cell_date(row["ends"]),
                    {lang: ui.cell_text(row[f"label_{lang}"]) for lang in ("fr", "en", "es")},
                )
                for index, row in enumerate(edited.to_dict("records"))
                if any(ui.cell_text(row[f"label_{lang}"]) for lang in ("fr", "en", "es"))
                or ui.cell_date(row["starts"])
            ]
            try:
                service.save_milestones(db, user, milestones)
            except DomainError as error:
                ui.show_error(error)
            else:
                ui.saved_and_reset("overview_milestones", _("Milestones saved."))
