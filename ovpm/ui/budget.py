"""Widgets of the budget screen: filters, totals, the envelope, views with charts and
drill-down, the entries of a line and the form that records one, exchange rates."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ovpm import i18n, ui
from ovpm.charts import measure_bars
from ovpm.domain.budget import ENTRY_KIND_LABELS, Entry, EntryKind, MissingRates, TrackedLine
from ovpm.domain.errors import DomainError
from ovpm.domain.money import Rate
from ovpm.domain.networks import (
    BUDGET_CATEGORY_LABELS,
    CURRENCIES,
    FUNDER_LABELS,
    BudgetCategory,
    FunderKind,
    parse_amount,
)
from ovpm.services import budget as budget_service
from ovpm.services import money as money_service
from ovpm.services.budget import Filters, Report
from ovpm.ui.forms import FormMessages
from ovpm.ui.networks import label_of

MEASURES = ("planned", "committed", "spent")
MEASURE_COLOURS = ("#8c9bab", "#d9a441", "#2f6f8f")


def _amounts(frame: pd.DataFrame, columns) -> pd.DataFrame:
    """Money columns as text in the reader's language (exact, two decimals)."""
    lang = ui.language()
    shown = frame.copy()
    for column in columns:
        if column in shown:
            shown[column] = shown[column].map(lambda v: i18n.format_amount(v, lang))
    return shown


def filters_bar(lines: list[TrackedLine]) -> Filters:
    """Network, category and funder filters over the readable lines."""
    _ = ui.gettext()
    row = st.container(horizontal=True)
    networks = sorted({line.network_name for line in lines})
    categories = sorted({line.category for line in lines})
    funders = sorted({line.funder for line in lines})
    return Filters(
        tuple(
            row.multiselect(
                _("Networks"), networks, key="budget_networks", placeholder=_("All networks")
            )
        ),
        tuple(
            row.multiselect(
                _("Categories"),
                categories,
                format_func=lambda c: label_of(BUDGET_CATEGORY_LABELS, BudgetCategory, c),
                key="budget_categories",
                placeholder=_("All categories"),
            )
        ),
        tuple(
            row.multiselect(
                _("Funders"),
                funders,
                format_func=lambda f: label_of(FUNDER_LABELS, FunderKind, f),
                key="budget_funders",
                placeholder=_("All funders"),
            )
        ),
    )


def show_missing_rates(error: MissingRates) -> None:
    """Name each currency and the first date that has no rate: nothing is converted as zero."""
    _ = ui.gettext()
    lang = ui.language()
    st.error(
        _("The figures cannot be converted: an exchange rate is missing.")
        + "\n\n"
        + "\n".join(
            "- "
            + _(
                "No {currency} rate in force on {date}: the Secretariat must record one "
                "valid from that date or earlier.",
                currency=currency,
                date=i18n.format_day(on, lang, "medium"),
            )
            for currency, on in error.missing
        )
    )


def show_totals(result: Report) -> None:
    """Planned, committed, spent and variance of what is shown, in the reporting currency."""
    _ = ui.gettext()
    lang = ui.language()
    row = st.container(horizontal=True)
    for label, value in budget_service.total_figures(result, lang):
        row.metric(label, value, border=True)
    over = sum(1 for f in result.lines if f.over_plan)
    st.caption(
        _(
            "Committed is the sum of commitments; spent is expenses minus refunds; the variance "
            "of a line is planned minus the larger of the two. Every amount is converted to "
            "{currency} with the rate in force on its date (planned amounts: on the date the plan "
            "set them). Lines over plan: {count}.",
            currency=result.reporting,
            count=over,
        )
    )


def show_envelope(result: Report) -> None:
    """The Secretariat's commitment against its envelope for the cycle."""
    _ = ui.gettext()
    lang = ui.language()
    planned, committed, spent = result.secretariat
    envelope = result.envelope
    share = float(committed / envelope) if envelope else 0.0
    st.markdown("**" + _("General Secretariat: commitment against the envelope") + "**")
    st.progress(
        min(share, 1.0),
        text=_(
            "{committed} committed of an envelope of {envelope} ({percent}); planned {planned}, "
            "spent {spent}.",
            committed=i18n.format_money(committed, result.reporting, lang),
            envelope=i18n.format_money(envelope, result.reporting, lang),
            percent=i18n.format_percent(share, lang),
            planned=i18n.format_money(planned, result.reporting, lang),
            spent=i18n.format_money(spent, result.reporting, lang),
        ),
    )
    if committed > envelope:
        st.warning(_("The Secretariat's commitments exceed its envelope for the cycle."))


def _chart(frame: pd.DataFrame, column: str, title: str, measures=MEASURES) -> dict:
    _ = ui.gettext()
    names = {"planned": _("Planned amount"), "committed": _("Committed"), "spent": _("Spent")}
    long = pd.DataFrame(
        [
            (group, names[measure], float(value))
            for group, *values in frame[[column, *measures]].itertuples(index=False, name=None)
            for measure, value in zip(measures, values)
        ],
        columns=["group", "measure", "value"],
    )
    colours = [c for m, c in zip(MEASURES, MEASURE_COLOURS) if m in measures]
    return measure_bars(long, title, [names[m] for m in measures], colours)


def group_view(
    db, user, views: dict, name: str, column: str, title: str, reporting: str, kept_key: tuple
) -> None:
    """A view by network, category or funder: chart, table with a total; selecting a row shows
    its lines, and selecting a line its entries. `kept_key` names the report the views are of
    (what is drawn is kept with it, see `ui.kept`)."""
    _ = ui.gettext()
    frame = views[name]
    if frame.empty:
        st.info(_("No budget line matches the filters."))
        return
    chart, shown, columns = ui.kept(
        (*kept_key, name), lambda: _group_display(frame, column, title, reporting)
    )
    ui.chart(chart)
    event = st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        column_config=columns,
        on_select="rerun",
        selection_mode="single-row",
        key=f"budget_{name}_table",
    )
    st.caption(_("Select a row to see its lines."))
    if not event.selection.rows:
        return
    lines = views["lines"]
    picked = event.selection.rows[0]
    if picked < len(frame):  # a group; the last row is the total: every line
        group = frame.iloc[picked][column]
        lines = lines[lines[column] == group]
        st.markdown("**" + _("Lines of {group}", group=ui.literal(group)) + "**")
    picked_line = lines_table(lines, reporting, f"drill_{name}", selectable=True)
    if picked_line is not None:
        line, entries = budget_service.line_entries(db, user, picked_line)
        st.markdown("**" + _("Entries of {line}", line=ui.literal(line.description)) + "**")
        entries_table(db, user, line, entries, may_record=False)


def _group_display(frame: pd.DataFrame, column: str, title: str, reporting: str) -> tuple:
    """The chart, the shown table with its total row, and the table's column labels."""
    _ = ui.gettext()
    labels = budget_service.column_labels(_, reporting)
    total = {column: _("Total")} | {
        key: frame[key].sum() for key in ("planned", "committed", "spent", "variance", "over_plan")
    }
    shown = _amounts(
        pd.concat([frame, pd.DataFrame([total])], ignore_index=True),
        ("planned", "committed", "spent", "variance"),
    )
    shown["over_plan"] = shown["over_plan"].map(lambda n: f"⚠ {n}" if n else "")
    columns = {c: labels.get(c, title) for c in shown.columns} | {column: title}
    return _chart(frame, column, title), shown, columns


def lines_table(
    frame: pd.DataFrame, reporting: str, key: str, selectable: bool = False
) -> int | None:
    """Lines with their figures in their own currency and converted, over-plan flagged; when
    `selectable`, returns the id of the line the reader selects."""
    _ = ui.gettext()
    labels = budget_service.column_labels(_, reporting)
    shown = _amounts(frame, budget_service.MONEY_COLUMNS)
    shown["over_plan"] = frame["over_plan"].map(lambda over: "⚠ " + _("Over plan") if over else "")
    shown["in_plan"] = frame["in_plan"].map(lambda kept: "" if kept else _("No longer in the plan"))
    event = st.dataframe(
        shown.drop(columns=["id"]),
        hide_index=True,
        width="stretch",
        column_config={c: labels[c] for c in shown.columns if c != "id"},
        key=f"budget_lines_{key}",
        on_select="rerun" if selectable else "ignore",
        selection_mode="single-row",
    )
    if not selectable:
        return None
    st.caption(_("Select a line to see its entries."))
    rows = event.selection.rows
    return int(frame.iloc[rows[0]]["id"]) if rows else None


def month_view(frame: pd.DataFrame, reporting: str, kept_key: tuple) -> None:
    """Commitments and spending month by month, with the running totals."""
    _ = ui.gettext()
    if frame.empty:
        st.info(_("Nothing was committed or spent yet on these lines."))
        return
    chart, shown, columns = ui.kept(
        (*kept_key, "by_month"), lambda: _month_display(frame, reporting)
    )
    ui.chart(chart)
    st.dataframe(shown, hide_index=True, width="stretch", column_config=columns)


def _month_display(frame: pd.DataFrame, reporting: str) -> tuple:
    _ = ui.gettext()
    labels = budget_service.column_labels(_, reporting)
    running = frame.assign(
        committed_to_date=frame["committed"].cumsum(), spent_to_date=frame["spent"].cumsum()
    )
    shown = _amounts(running, ("committed", "spent", "committed_to_date", "spent_to_date"))
    columns = {
        "month": labels["month"],
        "committed": labels["committed"],
        "spent": labels["spent"],
        "committed_to_date": _("Committed to date"),
        "spent_to_date": _("Spent to date"),
    }
    return _chart(frame, "month", _("Month"), ("committed", "spent")), shown, columns


def entries_table(db, user, line: TrackedLine, entries: list[Entry], may_record: bool) -> None:
    """A line's entries; cancelled ones stay listed. Receipts can be downloaded; the
    recorders can cancel an entry made by mistake."""
    _ = ui.gettext()
    lang = ui.language()
    if not entries:
        st.info(_("No entry on this line yet."))
        return
    for entry in entries:
        row = st.container(horizontal=True, vertical_alignment="center")
        text = " · ".join(
            ui.literal(part)
            for part in (
                i18n.format_day(entry.entry_date, lang, "medium"),
                _(ENTRY_KIND_LABELS.get(entry.kind, entry.kind)),
                i18n.format_money(entry.amount, line.currency, lang),
                entry.reference,
                _("recorded by {user}", user=entry.recorded_by),
            )
            if part
        )
        if entry.active:
            row.markdown(text)
        else:
            row.markdown("~~" + text + "~~ " + _("(cancelled by {user})", user=entry.cancelled_by))
        if entry.attachment_id is not None:
            try:
                name = budget_service.receipt_name(db, user, entry.id)
            except DomainError:
                row.caption(_("Receipt unavailable"))
            else:
                row.download_button(
                    _("Receipt"),
                    lambda e=entry: budget_service.receipt(db, user, e.id)[1],
                    name,
                    key=f"receipt_{entry.id}",
                    icon=":material/receipt:",
                )
        if may_record and entry.active:
            if row.button(_("Cancel entry"), key=f"cancel_entry_{entry.id}"):
                ui.run_action(
                    lambda e=entry: budget_service.cancel_entry(db, user, e.id),
                    _("Entry cancelled."),
                )


def record_form(db, user, line: TrackedLine) -> None:
    """Record a commitment, an expense or a refund on a line."""
    _ = ui.gettext()
    kinds = {kind: _(label) for kind, label in ENTRY_KIND_LABELS.items()}
    with st.form(ui.form_key(f"entry_{line.id}")):
        st.markdown("**" + _("Record an entry in {currency}", currency=line.currency) + "**")
        row = st.container(horizontal=True)
        kind = row.selectbox(_("Type of entry"), list(kinds), format_func=kinds.get)
        day = row.date_input(_("Date"), value=None, format="YYYY-MM-DD")
        amount = row.text_input(_("Amount"), placeholder="1234.56")
        reference = st.text_input(
            _("Reference"), placeholder=_("Invoice, order or contract number")
        )
        upload = st.file_uploader(_("Receipt (PDF, PNG or JPEG, optional)"))
        clicked = st.form_submit_button(
            _("Record the entry"), type="primary", icon=":material/add:"
        )
    if clicked:
        entry = Entry(
            None, line.id, EntryKind(kind), day, parse_amount(amount) if amount else None, reference
        )
        receipt = (upload.name, upload.getvalue()) if upload is not None else None
        try:
            budget_service.record_entry(db, user, entry, receipt)
        except DomainError as error:
            ui.show_error(error)
        else:
            ui.saved_and_reset(f"entry_{line.id}", _("Entry recorded."))


def rates_view(db, user, rates_used: list[Rate], reporting: str, editable: bool) -> None:
    """The rates this report used and, for the Secretariat, every rate and the cycle settings."""
    _ = ui.gettext()
    lang = ui.language()
    st.markdown("**" + _("Rates used by these figures") + "**")
    if rates_used:
        st.dataframe(
            pd.DataFrame(
                [
                    (
                        r.currency,
                        i18n.format_day(r.valid_from, lang, "medium"),
                        _(
                            "1 {currency} = {rate} {reporting}",
                            currency=r.currency,
                            rate=i18n.format_number(r.rate.normalize(), lang),
                            reporting=reporting,
                        ),
                    )
                    for r in rates_used
                ],
                columns=[_("Currency"), _("Valid from"), _("Exchange rate")],
            ),
            hide_index=True,
        )
    else:
        st.caption(_("Every amount shown is already in {currency}.", currency=reporting))
    if editable:
        settings_forms(db, user)


def settings_forms(db, user) -> None:
    """Reporting currency and envelope of the cycle; a dated exchange rate (Secretariat)."""
    _ = ui.gettext()
    currency, envelope = money_service.reporting(db, user)
    left, right = st.columns(2)
    with left.form(ui.form_key("budget_settings")):
        st.markdown("**" + _("Cycle settings") + "**")
        chosen = st.selectbox(_("Reporting currency"), CURRENCIES, index=CURRENCIES.index(currency))
        typed = st.text_input(_("Envelope of the General Secretariat"), str(envelope))
        if st.form_submit_button(_("Save settings"), icon=":material/save:"):
            amount = parse_amount(typed)
            try:
                money_service.save_reporting(db, user, chosen, amount)
            except DomainError as error:
                ui.show_error(error)
            else:
                ui.saved_and_reset("budget_settings", _("Settings saved."))
    with right.form(ui.form_key("budget_rate")):
        st.markdown("**" + _("Record an exchange rate") + "**")
        others = [c for c in CURRENCIES if c != currency]
        rate_currency = st.selectbox(_("Currency"), others)
        valid_from = st.date_input(_("Valid from"), value=None, format="YYYY-MM-DD")
        rate_text = st.text_input(
            _("1 unit in {currency}", currency=currency), placeholder="0.6850"
        )
        if st.form_submit_button(_("Save rate"), icon=":material/currency_exchange:"):
            save_rate(db, user, rate_currency, valid_from, rate_text)
    all_rates = money_service.rates(db, user)
    if all_rates:
        st.markdown("**" + _("Every recorded rate") + "**")
        st.dataframe(
            pd.DataFrame(
                [(r.currency, r.valid_from, r.rate.normalize()) for r in all_rates],
                columns=[_("Currency"), _("Valid from"), _("Exchange rate")],
            ),
            hide_index=True,
        )


def save_rate(db, user, currency: str, valid_from, rate_text: str) -> None:
    _ = ui.gettext()
    try:
        money_service.save_rate(db, user, Rate(currency, valid_from, parse_amount(rate_text)))
    except DomainError as error:
        ui.show_error(error)
    else:
        ui.saved_and_reset("budget_rate", _("Rate saved."))


def show_cost_lines(lines: list[TrackedLine], key: tuple) -> None:
    """Cost lines added by hand (a workshop's, a pilot project's): category, description,
    funder and planned amount; their entries are recorded in Budget tracking."""
    _ = ui.gettext()
    lang = ui.language()
    if not lines:
        return
    st.dataframe(
        ui.kept(
            (*key, tuple(lines)),
            lambda: ui.rows_table(
                [
                    {
                        "category": _(BUDGET_CATEGORY_LABELS[line.category]),
                        "description": line.description,
                        "funder": _(FUNDER_LABELS[line.funder]),
                        "planned": i18n.format_money(line.planned, line.currency, lang),
                    }
                    for line in lines
                ],
                ["category", "description", "funder", "planned"],
            ),
        ),
        hide_index=True,
        width="stretch",
        column_config={
            "category": _("Category"),
            "description": _("Description"),
            "funder": _("Funder"),
            "planned": _("Planned"),
        },
    )
    st.caption(_("Commitments and expenses are recorded on these lines in Budget tracking."))


def show_cost_form(key: str, funders, add) -> None:
    """The form of a new cost line; `add(category, description, amount, currency, funder)`
    saves it through its service."""
    _ = ui.gettext()
    messages = FormMessages()
    with st.form(key):
        left, middle, right = st.columns([2, 1, 1])
        category = left.selectbox(
            _("Category"),
            list(BUDGET_CATEGORY_LABELS),
            format_func=lambda c: _(BUDGET_CATEGORY_LABELS[c]),
        )
        amount = middle.text_input(_("Amount"), placeholder="2400.00")
        currency = right.selectbox(_("Currency"), CURRENCIES)
        messages.field("category", "amount", "currency")
        description = st.text_input(_("Description"), max_chars=200)
        messages.field("description")
        funder = st.selectbox(_("Funder"), list(funders), format_func=lambda f: _(FUNDER_LABELS[f]))
        messages.field("funder")
        messages.buttons()
        if st.form_submit_button(_("Add the cost"), type="primary"):
            messages.run(lambda: add(category, description, amount, currency, funder), _("Saved."))
