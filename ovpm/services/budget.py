"""Budget tracking (SPEC.md §4.10): lines follow the approved action plans; the pilot city and
the Secretariat record commitments, expenses and refunds; reports convert to the cycle's
reporting currency and say which rates they used. Every path (screen, CSV, XLSX) reads through
`report`, which applies the access rules of SPEC.md §1."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pandas as pd

from ovpm import i18n
from ovpm.clock import now_utc, today
from ovpm.domain import N_
from ovpm.domain import budget as rules
from ovpm.domain.budget import (
    ENTRY_KIND_LABELS,
    ZERO,
    Converter,
    Entry,
    EntryKind,
    LineFigures,
    LineSource,
    TrackedLine,
)
from ovpm.domain.errors import FieldError
from ovpm.domain.models import User
from ovpm.domain.money import Rate
from ovpm.domain.networks import ActionPlan, FunderKind
from ovpm.exports import csv_bytes
from ovpm.exports.spreadsheet import xlsx
from ovpm.pdf.plans import category_label, funder_text
from ovpm.services import attachments as attachment_service
from ovpm.services._common import require, validate
from ovpm.store import attachments as attachment_store
from ovpm.store import audit, cities, cycles, missions, money, pilot_projects
from ovpm.store import budget as store
from ovpm.store.db import Database

MONEY_COLUMNS = (
    "planned_in_currency",
    "committed_in_currency",
    "spent_in_currency",
    "planned",
    "committed",
    "spent",
    "variance",
    "amount",
)
LINE_COLUMNS = [
    "id",
    "network",
    "project",
    "mission",
    "category",
    "description",
    "funder",
    "currency",
    "planned_in_currency",
    "committed_in_currency",
    "spent_in_currency",
    "planned",
    "committed",
    "spent",
    "variance",
    "over_plan",
    "in_plan",
]
ENTRY_COLUMNS = [
    "id",
    "line_id",
    "network",
    "description",
    "kind",
    "entry_date",
    "currency",
    "amount",
    "reference",
    "receipt",
    "recorded_by",
    "cancelled",
]


@dataclasses.dataclass(frozen=True)
class Filters:
    """What the reader narrowed the report to (empty: everything readable)."""

    networks: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    funders: tuple[str, ...] = ()

    def keeps(self, line: TrackedLine) -> bool:
        return (
            (not self.networks or line.network_name in self.networks)
            and (not self.categories or line.category in self.categories)
            and (not self.funders or line.funder in self.funders)
        )


@dataclasses.dataclass(frozen=True)
class Report:
    """The figures an actor may read, in the reporting currency."""

    reporting: str
    lines: list[LineFigures]
    entries: list[Entry]
    months: list[tuple[str, Decimal, Decimal]]
    rates_used: list[Rate]
    envelope: Decimal | None  # the Secretariat's envelope, for those who read every line
    secretariat: tuple[Decimal, Decimal, Decimal] | None  # its planned, committed, spent

    def total(self, column: str) -> Decimal:
        """The total of 'planned', 'committed', 'spent' or 'variance' in the reporting currency."""
        if column == "variance":
            return sum((f.variance_converted for f in self.lines), ZERO)
        return sum((getattr(f, column + "_converted") for f in self.lines), ZERO)


def total_figures(result: Report, language: str) -> list[tuple[str, str]]:
    """Planned, committed, spent and variance as (label, money text) in the reader's language:
    the budget screen, the overview and the briefing pack show them alike."""
    _ = i18n.translator(language)
    return [
        (label, i18n.format_money(result.total(key), result.reporting, language))
        for key, label in (
            ("planned", _("Planned amount")),
            ("committed", _("Committed")),
            ("spent", _("Spent")),
            ("variance", _("Variance")),
        )
    ]


# --- lines from the approved action plan ---------------------------------------------------


def follow_approved_plan(
    cur, actor: User, network_id: int, owner_city_id: int, plan: ActionPlan
) -> None:
    """Bring a network's tracked lines in line with its newly approved plan (inside the
    approval's unit of work): a line keeps its entries across revisions by its key; a line the
    new plan drops stays with its entries, planned at zero and marked out of the plan."""
    existing = store.network_lines(cur, LineSource.ACTION_PLAN, network_id)
    now = now_utc()
    approved_on = now.date()
    kept = set()
    for key, line in rules.keyed_lines(plan.budget):
        kept.add(key)
        planned = line.value or ZERO
        before = existing.get(key)
        wanted = TrackedLine(
            before.id if before else 0,
            LineSource.ACTION_PLAN,
            network_id,
            owner_city_id,
            key,
            line.category,
            line.description,
            line.funder,
            line.funder_city_id if line.funder == FunderKind.PARTICIPANT else None,
            line.funder_name if line.funder == FunderKind.OTHER else "",
            line.currency,
            planned,
            before.planned_on if before and before.planned == planned else approved_on,
            True,
        )
        if before is None:
            after = store.insert_line(cur, wanted, now)
            _audit_line(cur, actor, after, "create", None)
        elif dataclasses.replace(before, network_name="") != wanted:
            store.update_line(cur, wanted, now)
            _audit_line(cur, actor, wanted, "update", before)
    for key, before in existing.items():
        if key not in kept and before.in_plan:
            after = dataclasses.replace(before, in_plan=False)
            store.update_line(cur, after, now)
            _audit_line(cur, actor, after, "out_of_plan", before)


def _line_snapshot(line: TrackedLine) -> dict:
    return {
        "network_id": line.network_id,
        "category": line.category,
        "description": line.description,
        "funder": line.funder,
        "funder_city_id": line.funder_city_id,
        "currency": line.currency,
        "planned": line.planned,
        "in_plan": line.in_plan,
    }


def _audit_line(cur, actor: User, line: TrackedLine, action: str, before) -> None:
    audit.record(
        cur,
        actor.id,
        actor.username,
        "budget_line",
        line.id,
        action,
        _line_snapshot(before) if before else None,
        _line_snapshot(line),
        line.owner_city_id,
    )


def cost_lines(db: Database, actor: User, source: LineSource, key_prefix: str) -> list[TrackedLine]:
    """The lines of one thing's costs (a pilot project's, a mission's: `source` and the key
    prefix of `add_cost_line`) that the actor may read (the budget rules)."""
    return [
        line
        for line in readable_lines(db, actor)
        if line.source == source and line.line_key.startswith(key_prefix)
    ]


def add_cost_line(
    cur,
    actor: User,
    source: LineSource,
    network_id: int,
    owner_city_id: int,
    key_prefix: str,
    cost: tuple[str, str, Decimal, str, str],
) -> TrackedLine:
    """A cost added by hand (a workshop's, a pilot project's) as a budget line of `source`
    recorded on by `owner_city_id`, its key starting with `key_prefix`; audited (inside the
    caller's unit of work, after its access check and validation). `cost`: category,
    description, amount, currency, funder."""
    category, description, amount, currency, funder = cost
    now = now_utc()
    line = store.insert_line(
        cur,
        TrackedLine(
            0,
            source,
            network_id,
            owner_city_id,
            key_prefix + rules.new_line_key(),
            category,
            description.strip(),
            funder,
            None,
            "",
            currency,
            amount.quantize(Decimal("0.01")),
            now.date(),
            True,
        ),
        now,
    )
    _audit_line(cur, actor, line, "create", None)
    return line


# --- reading -----------------------------------------------------------------------------


def readable_lines(db: Database, actor: User) -> list[TrackedLine]:
    """The lines an actor may read: all for the Secretariat and the Advisory Group; for a city,
    those of the networks it pilots and the contribution lines it funds; none otherwise. Kept
    until the next write (the budget screen and its report both ask on every rerun)."""
    if rules.reads_every_line(actor):
        scope = None
    elif actor.city_id is None:
        return []
    else:
        scope = actor.city_id

    def load() -> list[TrackedLine]:
        with db.reading() as cur:
            found = store.lines(cur, scope)
        return [line for line in found if rules.can_read_line(actor, line)]

    return db.derived(("budget_lines", scope), load)


def _readable_line(cur, actor: User, line_id: int) -> TrackedLine:
    line = store.get_line(cur, line_id)
    require(rules.can_read_line(actor, line))
    return line


def report(db: Database, actor: User, filters: Filters = Filters()) -> Report:
    """Planned, committed and spent for the lines the actor may read, converted with the rate
    in force on each amount's date; raises MissingRates rather than count an amount as zero."""
    everything = readable_lines(db, actor)
    chosen = [line for line in everything if filters.keeps(line)]
    with db.reading() as cur:
        reporting, envelope = money.settings(cur, cycles.current(cur).id)
        rates = money.rates(cur)
        entries = store.entries(cur, [line.id for line in everything])
    convert = Converter(rates, reporting)
    chosen_ids = {line.id for line in chosen}
    chosen_entries = [e for e in entries if e.line_id in chosen_ids]
    figures = rules.figures(chosen, chosen_entries, convert)
    months = rules.monthly(chosen, chosen_entries, convert)
    convert.check()
    secretariat = None
    if rules.reads_every_line(actor):  # the envelope is cycle-wide: the filters do not apply
        convert_all = Converter(rates, reporting)
        own = rules.figures(
            [line for line in everything if line.funder == FunderKind.SECRETARIAT],
            entries,
            convert_all,
        )
        convert_all.check()
        secretariat = tuple(
            sum((getattr(f, name + "_converted") for f in own), ZERO)
            for name in ("planned", "committed", "spent")
        )
    return Report(
        reporting,
        figures,
        chosen_entries,
        months,
        sorted(convert.used, key=lambda r: (r.currency, r.valid_from)),
        envelope if rules.reads_every_line(actor) else None,
        secretariat,
    )


def line_entries(db: Database, actor: User, line_id: int) -> tuple[TrackedLine, list[Entry]]:
    """One readable line and all its entries (cancelled ones included, marked)."""
    with db.reading() as cur:
        line = _readable_line(cur, actor, line_id)
        return line, store.entries(cur, [line_id])


def _receipt_record(db: Database, actor: User, entry_id: int):
    with db.reading() as cur:
        entry = store.get_entry(cur, entry_id)
        _readable_line(cur, actor, entry.line_id)
        require(entry.attachment_id is not None)
        return attachment_store.get(cur, entry.attachment_id)


def receipt_name(db: Database, actor: User, entry_id: int) -> str:
    """The file name of an entry's receipt, for those who may read its line."""
    return _receipt_record(db, actor, entry_id).original_name


def receipt(db: Database, actor: User, entry_id: int) -> tuple[str, bytes]:
    """The receipt of an entry, for those who may read its line."""
    record = _receipt_record(db, actor, entry_id)
    return record.original_name, attachment_service.file_of(db, record.id)[1]


# --- recording -----------------------------------------------------------------------------


def record_entry(
    db: Database, actor: User, entry: Entry, receipt_file: tuple[str, bytes] | None = None
) -> Entry:
    """Record a commitment, an expense or a refund on a line (its pilot city, the
    Secretariat); an optional receipt is a PDF, PNG or JPEG checked by its content."""
    with db.reading() as cur:
        line = store.get_line(cur, entry.line_id)
        expenses, refunds = store.line_figure_sums(cur, line.id)
    require(rules.can_record(actor, line))
    errors = rules.entry_errors(entry, expenses - refunds, today())
    if receipt_file is not None:
        errors += attachment_service.receipt_errors("receipt", receipt_file[1])
    validate(errors)
    attachment_id = None
    if receipt_file is not None:
        stored = attachment_service.store_receipt(db, actor, line.owner_city_id, *receipt_file)
        attachment_id = stored.id
    with db.unit_of_work() as cur:
        expenses, refunds = store.line_figure_sums(cur, line.id)
        validate(rules.entry_errors(entry, expenses - refunds, today()))  # a refund raced
        saved = store.insert_entry(
            cur,
            dataclasses.replace(
                entry,
                reference=(entry.reference or "").strip(),
                attachment_id=attachment_id,
                recorded_by=actor.username,
                recorded_at=now_utc(),
            ),
        )
        _audit_entry(cur, actor, line, saved, "create", None)
    return saved


def cancel_entry(db: Database, actor: User, entry_id: int) -> None:
    """Cancel an entry recorded by mistake: it stays listed, struck out, and counts no more."""
    with db.unit_of_work() as cur:
        entry = store.get_entry(cur, entry_id)
        line = store.get_line(cur, entry.line_id)
        require(rules.can_record(actor, line))
        if entry.kind == EntryKind.EXPENSE:
            expenses, refunds = store.line_figure_sums(cur, line.id)
            if expenses - entry.amount < refunds:
                validate(
                    [
                        FieldError(
                            "entry_kind",
                            N_("cannot cancel this expense: the refunds would exceed it."),
                        )
                    ]
                )
        if not store.cancel_entry(cur, entry_id, actor.username, now_utc()):
            validate([FieldError("entry_kind", N_("was already cancelled by someone else."))])
        _audit_entry(cur, actor, line, entry, "cancel", _entry_snapshot(entry))


def _entry_snapshot(entry: Entry) -> dict:
    return {
        "line_id": entry.line_id,
        "kind": entry.kind,
        "entry_date": entry.entry_date,
        "amount": entry.amount,
        "reference": entry.reference,
        "attachment_id": entry.attachment_id,
    }


def _audit_entry(cur, actor: User, line: TrackedLine, entry: Entry, action: str, before) -> None:
    after = None if action == "cancel" else _entry_snapshot(entry)
    audit.record(
        cur,
        actor.id,
        actor.username,
        "budget_entry",
        entry.id,
        action,
        before,
        after,
        line.owner_city_id,
    )


# --- tables and exports --------------------------------------------------------------------


def _line_row(_, names: dict[int, str], titles: dict[str, dict[int, str]], f: LineFigures) -> dict:
    line = f.line
    return {
        "id": line.id,
        "network": line.network_name or _("Mission4City"),
        "project": _titled(line, LineSource.PROJECT, titles["project"]),
        "mission": _titled(line, LineSource.MISSION, titles["mission"]),
        "category": category_label(_, line.category),
        "description": line.description,
        "funder": funder_text(_, line, names),
        "currency": line.currency,
        "planned_in_currency": f.planned,
        "committed_in_currency": f.committed,
        "spent_in_currency": f.spent,
        "planned": f.planned_converted,
        "committed": f.committed_converted,
        "spent": f.spent_converted,
        "variance": f.variance_converted,
        "over_plan": f.over_plan,
        "in_plan": line.in_plan,
    }


def _titled(line: TrackedLine, source: LineSource, titles: dict[int, str]) -> str:
    """The title of the pilot project or mission of a line of theirs ('project-<id>-…',
    'mission-<id>-…'), else ''."""
    if line.source != source:
        return ""
    return titles.get(int(line.line_key.split("-")[1]), "")


def _grouped(lines: pd.DataFrame, key: str) -> pd.DataFrame:
    """Totals of the lines by one column, in sorted order (exact decimals summed in Python:
    pandas' groupby on decimal objects costs ten times more)."""
    columns = [key, "planned", "committed", "spent", "variance", "over_plan"]
    totals: dict = {}
    for row in lines[columns].itertuples(index=False, name=None):
        group = totals.setdefault(row[0], [ZERO, ZERO, ZERO, ZERO, 0])
        for index, value in enumerate(row[1:]):
            group[index] += value
    return pd.DataFrame(
        [[group, *values] for group, values in sorted(totals.items())], columns=columns
    )


def tables(db: Database, result: Report, language: str) -> dict[str, pd.DataFrame]:
    """The report's views with internal column names: by network, category, funder and month,
    the lines, the entries and the rates used. Money columns hold exact decimals."""
    _ = i18n.translator(language)
    with db.reading() as cur:
        names = cities.names(cur)
        titles = {"project": pilot_projects.titles(cur), "mission": missions.titles(cur)}
    lines = pd.DataFrame(
        [_line_row(_, names, titles, f) for f in result.lines], columns=LINE_COLUMNS
    )
    by_line = {f.line.id: f.line for f in result.lines}
    entries = pd.DataFrame(
        [_entry_row(_, by_line[e.line_id], e) for e in result.entries],
        columns=ENTRY_COLUMNS,
    )
    months = pd.DataFrame(result.months, columns=["month", "committed", "spent"])
    rates = pd.DataFrame(
        [(r.currency, r.valid_from, r.rate) for r in result.rates_used],
        columns=["currency", "valid_from", "rate"],
    )
    return {
        "by_network": _grouped(lines, "network"),
        "by_project": _grouped(lines[lines["project"] != ""], "project"),
        "by_mission": _grouped(lines[lines["mission"] != ""], "mission"),
        "by_category": _grouped(lines, "category"),
        "by_funder": _grouped(lines, "funder"),
        "by_month": months,
        "lines": lines,
        "entries": entries,
        "rates": rates,
    }


def _entry_row(_, line: TrackedLine, entry: Entry) -> dict:
    return {
        "id": entry.id,
        "line_id": entry.line_id,
        "network": line.network_name,
        "description": line.description,
        "kind": _(ENTRY_KIND_LABELS.get(entry.kind, entry.kind)),
        "entry_date": entry.entry_date,
        "currency": line.currency,
        "amount": entry.amount,
        "reference": entry.reference,
        "receipt": entry.attachment_id is not None,
        "recorded_by": entry.recorded_by,
        "cancelled": not entry.active,
    }


def column_labels(_, reporting: str) -> dict[str, str]:
    """Column name → heading in the reader's language (money headings name their currency)."""
    in_reporting = " (" + reporting + ")"
    return {
        "id": _("No."),
        "line_id": _("Line"),
        "network": _("Network"),
        "project": _("Pilot project"),
        "mission": _("Mission"),
        "category": _("Category"),
        "description": _("Description"),
        "funder": _("Funder"),
        "currency": _("Currency"),
        "planned_in_currency": _("Planned amount"),
        "committed_in_currency": _("Committed"),
        "spent_in_currency": _("Spent"),
        "planned": _("Planned amount") + in_reporting,
        "committed": _("Committed") + in_reporting,
        "spent": _("Spent") + in_reporting,
        "variance": _("Variance") + in_reporting,
        "over_plan": _("Over plan"),
        "in_plan": _("In the approved plan"),
        "month": _("Month"),
        "kind": _("Type of entry"),
        "entry_date": _("Date"),
        "amount": _("Amount"),
        "reference": _("Reference"),
        "receipt": _("Receipt"),
        "recorded_by": _("Recorded by"),
        "cancelled": _("Cancelled"),
        "valid_from": _("Valid from"),
        "rate": _("Exchange rate"),
    }


def sheet_titles(_) -> dict[str, str]:
    """View name → its title (tabs on screen, sheets of the workbook)."""
    return {
        "by_network": _("By network"),
        "by_project": _("By project"),
        "by_mission": _("By mission"),
        "by_category": _("By category"),
        "by_funder": _("By funder"),
        "by_month": _("By month"),
        "lines": _("Budget lines"),
        "entries": _("Entries"),
        "rates": _("Rates used"),
    }


def _labelled(frame: pd.DataFrame, _, reporting: str) -> pd.DataFrame:
    labels = column_labels(_, reporting)
    yes_no = {True: _("Yes"), False: _("No")}
    frame = frame.copy()
    for column in ("over_plan", "in_plan", "receipt", "cancelled"):
        if column in frame and frame[column].dtype == bool:
            frame[column] = frame[column].map(yes_no)
    return frame.rename(columns=labels)


def report_xlsx(db: Database, actor: User, language: str, filters: Filters = Filters()) -> bytes:
    """The report as a workbook: one sheet per view, money in currency format with totals."""
    _ = i18n.translator(language)
    result = report(db, actor, filters)
    labels = column_labels(_, result.reporting)
    titles = sheet_titles(_)
    sheets = {
        titles[name]: _labelled(frame, _, result.reporting)
        for name, frame in tables(db, result, language).items()
    }
    return xlsx(sheets, {labels[c] for c in MONEY_COLUMNS}, _("Total"))


def lines_csv(db: Database, actor: User, language: str, filters: Filters = Filters()) -> bytes:
    """The readable lines with their figures, in their currency and converted, as CSV."""
    return _view_csv(db, actor, language, filters, "lines")


def entries_csv(db: Database, actor: User, language: str, filters: Filters = Filters()) -> bytes:
    """The entries of the readable lines as CSV."""
    return _view_csv(db, actor, language, filters, "entries")


def _view_csv(db: Database, actor: User, language: str, filters: Filters, view: str) -> bytes:
    _ = i18n.translator(language)
    result = report(db, actor, filters)
    return csv_bytes(_labelled(tables(db, result, language)[view], _, result.reporting))
