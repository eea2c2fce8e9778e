"""Screen parts of a pilot project's indicators: the table of all indicators with their
progress, a chart per indicator, adding an indicator or a value, importing values, exports."""

from __future__ import annotations

import streamlit as st

from ovpm import clock
from ovpm.domain.errors import DomainError, ImportRefused
from ovpm.domain.indicators import DIRECTION_LABELS, Direction, Indicator
from ovpm.domain.networks import parse_amount
from ovpm.domain.pilot_projects import Project, ProjectAccess
from ovpm.services import indicators as service
from ovpm.ui import chart, db, form_key, gettext, kept, language, literal, saved_and_reset
from ovpm.ui.forms import FormMessages, show_refused_rows


def show_indicators(user, project: Project, rights: ProjectAccess) -> None:
    """The table of the project's indicators with their progress, then a chart each; those
    who edit the project add indicators and values and import them; the exports."""
    _ = gettext()
    lang = language()
    found = service.states(db(), user, project)
    if not found:
        st.info(_("No indicator yet."))
    else:
        table = kept(
            ("indicator_table", project.id),
            lambda: service.summary_frame(db(), user, project, lang),
        )
        st.dataframe(
            table,
            hide_index=True,
            width="stretch",
            column_config={
                _("Progress"): st.column_config.ProgressColumn(
                    _("Progress"), min_value=0.0, max_value=1.0, format="percent"
                )
            },
        )
        st.caption(
            _(
                "Progress goes from 0 % at the baseline to 100 % at the target, computed from "
                "the latest value; it is never typed."
            )
        )
    if rights.read and found:
        row = st.container(horizontal=True)
        row.download_button(
            _("Values as CSV"),
            lambda: service.values_csv(db(), user, project, lang),
            file_name=f"indicators-{project.id}.csv",
            mime="text/csv",
            icon=":material/download:",
        )
        row.download_button(
            _("Values as XLSX"),
            lambda: service.values_xlsx(db(), user, project, lang),
            file_name=f"indicators-{project.id}.xlsx",
            icon=":material/download:",
        )
    for state in found:
        box = st.expander(
            _("Chart: {name}", name=literal(state.indicator.name)),
            key=f"chart_{state.indicator.id}",
            on_change="rerun",
        )
        if box.open:  # built only when opened
            with box:
                chart(
                    kept(
                        ("indicator_chart", state.indicator.id),
                        lambda s=state: service.chart(s, lang),
                    )
                )
    if rights.edit:
        _editing(user, project, found)


def _editing(user, project: Project, found) -> None:
    _ = gettext()
    add_value, add_indicator, import_file = st.tabs(
        [_("Add a value"), _("Add an indicator"), _("Import values")],
        key="indicator_edit_view",
        on_change="rerun",
    )
    if add_value.open:
        with add_value:
            if found:
                _value_form(user, project, found)
            else:
                st.info(_("Add an indicator first."))
    if add_indicator.open:
        with add_indicator:
            _indicator_form(user, project)
    if import_file.open:
        with import_file:
            _import_form(user, project)


def _value_form(user, project: Project, found) -> None:
    _ = gettext()
    names = {s.indicator.id: s.indicator for s in found}
    messages = FormMessages()
    with st.form(form_key("indicator_value")):
        chosen = st.selectbox(
            _("Indicator"),
            list(names),
            format_func=lambda i: names[i].name + (f" ({names[i].unit})" if names[i].unit else ""),
        )
        left, right = st.columns(2)
        measured_on = left.date_input(
            _("Date measured"), value=clock.today(), max_value=clock.today(), format="YYYY-MM-DD"
        )
        value = right.text_input(_("Value"))
        messages.field("measured_on", "value")
        source = st.text_input(_("Source"))
        messages.field("source")
        messages.buttons()
        pressed = st.form_submit_button(_("Add the value"), type="primary")
    if pressed:
        try:
            measure = service.new_measure(chosen, measured_on, value, source)
            service.add_measures(db(), user, project, [measure])
        except DomainError as error:
            messages.show(error)
        else:
            saved_and_reset("indicator_value", _("Value added."))


def _indicator_form(user, project: Project) -> None:
    _ = gettext()
    messages = FormMessages()
    with st.form(form_key("new_indicator")):
        left, right = st.columns([3, 1])
        name = left.text_input(_("Name"))
        unit = right.text_input(_("Unit"))
        messages.field("indicator_name", "unit")
        one, two, three = st.columns(3)
        baseline = one.text_input(_("Baseline"))
        target = two.text_input(_("Target"))
        direction = three.radio(
            _("Direction"),
            list(Direction),
            format_func=lambda d: _(DIRECTION_LABELS[d]),
        )
        messages.field("baseline", "target", "direction")
        messages.buttons()
        pressed = st.form_submit_button(_("Add the indicator"), type="primary")
    if pressed:
        typed = Indicator(
            None,
            project.id,
            name.strip(),
            unit.strip(),
            parse_amount(baseline) if baseline.strip() else None,
            parse_amount(target) if target.strip() else None,
            direction,
        )
        try:
            service.save_indicator(db(), user, project, typed)
        except DomainError as error:
            messages.show(error)
        else:
            saved_and_reset("new_indicator", _("Indicator added."))


def _import_form(user, project: Project) -> None:
    _ = gettext()
    st.caption(
        _(
            "A CSV or XLSX table with the columns indicator, date (YYYY-MM-DD), value and "
            "source (headings in French, English or Spanish). If one row is wrong, nothing is "
            "saved and each wrong row is named."
        )
    )
    with st.form(form_key("import_values")):
        upload = st.file_uploader(_("File"), type=["csv", "xlsx"])
        messages = FormMessages()
        messages.buttons()
        pressed = st.form_submit_button(_("Import"), type="primary")
    if not pressed:
        return
    if upload is None:
        st.error(_("Choose a file first."))
        return
    try:
        count = service.import_measures(db(), user, project, upload.name, upload.getvalue())
    except ImportRefused as refused:
        show_refused_rows(refused.rows)
    except DomainError as error:
        messages.show(error)
    else:
        saved_and_reset("import_values", _("{n} values imported.", n=count))
