"""Progress toward the 17th World Congress (SPEC.md §3, §4.11): the stage of every city and
network computed from the data, targets, late and due-next items, what changed since a date.

The Secretariat and the Advisory Group read everything; a city user reads its own city and the
networks it pilots or takes part in."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, datetime, time

import pandas as pd

from ovpm import i18n
from ovpm.charts import localised, programme_timeline, stage_bars, world_map
from ovpm.clock import today
from ovpm.domain import N_, access
from ovpm.domain.budget import ENTRY_KIND_LABELS, ZERO, MissingRates, reads_every_line
from ovpm.domain.errors import FieldError
from ovpm.domain.meetings import MeetingKind
from ovpm.domain.models import Milestone, Role, User
from ovpm.domain.networks import MEMBER_STATUS_LABELS, MemberStatus
from ovpm.domain.stages import (
    CITY_STAGES,
    LEADERS_STAGES,
    NETWORK_STAGES,
    STAGE_LABELS,
    Deadline,
    Progress,
    Stage,
    late_and_due,
    milestone_errors,
    network_progress_dates,
)
from ovpm.domain.submissions import KIND_LABELS, STATUS_LABELS, Status, SubmissionKind
from ovpm.exports.spreadsheet import xlsx
from ovpm.pdf import DocumentInfo
from ovpm.pdf.briefing import Briefing, NetworkPage
from ovpm.pdf.briefing import briefing_pdf as render_briefing
from ovpm.services import assembled, mission_exports, progress_reports, workshop_deliverables
from ovpm.services import budget as budget_service
from ovpm.services import meetings as meeting_service
from ovpm.services import networks as network_service
from ovpm.services import submissions as submission_service
from ovpm.services._common import require, validate
from ovpm.services.cycle import days_to_congress
from ovpm.services.progress_reports import NetworkReports
from ovpm.store import audit, cities, cycles
from ovpm.store import pilot_projects as project_store
from ovpm.store import progress as store
from ovpm.store.db import Database

EXPRESSION, THEME, PLAN = (
    str(SubmissionKind.EXPRESSION_OF_INTEREST),
    str(SubmissionKind.THEME_SHEET),
    str(SubmissionKind.ACTION_PLAN),
)


@dataclasses.dataclass(frozen=True)
class Scope:
    """What the reader narrowed the overview to (empty: everything readable)."""

    axes: tuple[int, ...] = ()
    regions: tuple[str, ...] = ()
    networks: tuple[int, ...] = ()

    def keeps(self, item: Progress) -> bool:
        return (
            (not self.axes or item.axis in self.axes)
            and (not self.regions or item.region in self.regions)
            and (not self.networks or bool(set(item.networks) & set(self.networks)))
        )


@dataclasses.dataclass(frozen=True)
class Overview:
    today: date
    days_left: int
    cities: list[Progress]
    networks: list[Progress]
    targets: dict[Stage, date]
    late: list[Deadline]
    due: list[Deadline]
    last_advisory_meeting: date | None
    city_places: pd.DataFrame  # id, name, country, lat, lon of the cities shown

    def count_by_stage(self, kind: str) -> dict[Stage | None, int]:
        """How many cities or networks have reached each stage as their latest."""
        items = self.cities if kind == "city" else self.networks
        counts: dict[Stage | None, int] = {}
        for item in items:
            counts[item.reached] = counts.get(item.reached, 0) + 1
        return counts


def _day(moment) -> date | None:
    if moment is None or pd.isna(moment):
        return None
    return pd.Timestamp(moment).date()


def _first_by(frame: pd.DataFrame, kind: str, column: str) -> dict[int, date]:
    chosen = frame[frame["kind"] == kind].dropna(subset=[column])
    result: dict[int, date] = {}
    for key, moment in zip(chosen[column], chosen["approved_at"]):
        day = _day(moment)
        result[int(key)] = min(day, result.get(int(key), day))
    return result


def _all_progress(
    cur, on: date, projects: dict[int, NetworkReports]
) -> tuple[list[Progress], list[Progress], pd.DataFrame]:
    """Every city taking part and every network, with the dates of the stages they reached.
    The stages of step 2 on are reached by a network's pilot city and the cities carrying one
    of its projects, not by every city taking part."""
    approvals = store.first_approvals(cur)
    networks = store.network_rows(cur)
    meetings = store.meetings(cur)
    plans = _first_by(approvals, PLAN, "network_id")
    evaluations = _first_by(approvals, SubmissionKind.NETWORK_EVALUATION, "network_id")
    contributions = _first_by(approvals, SubmissionKind.CONTRIBUTION, "network_id")
    workshops = workshop_deliverables.held_progress(cur)
    network_items = []
    for row in networks.itertuples():
        done = network_progress_dates(_day(meetings.get(row.id)), plans.get(row.id), on)
        reached, pending = workshops.get(row.id, (None, ()))
        if reached is not None:
            done[Stage.WORKSHOP] = reached
        reports = projects.get(row.id)
        if reports is not None and reports.reached is not None:
            done[Stage.PILOT_PROJECT] = reports.reached
        for stage, approved in (
            (Stage.EVALUATION, evaluations),
            (Stage.CONTRIBUTION, contributions),
        ):
            if row.id in approved:
                done[stage] = approved[row.id]
        pending += reports.overdue if reports else ()
        network_items.append(
            Progress(
                "network",
                int(row.id),
                row.name,
                NETWORK_STAGES,
                done,
                int(row.axis),
                row.region,
                (int(row.id),),
                pending,
            )
        )
    by_network = {item.id: item for item in network_items}
    leaders = {
        int(row.id): {int(row.pilot_city_id)}
        | set(projects[row.id].carriers if row.id in projects else ())
        for row in networks.itertuples()
    }
    places = store.programme_cities(cur)
    expressions = _first_by(approvals, EXPRESSION, "city_id")
    themes = _first_by(approvals, THEME, "city_id")
    joined: dict[int, list[tuple[int, date]]] = {}
    for row in store.participations(cur).itertuples():
        joined.setdefault(int(row.city_id), []).append((int(row.network_id), _day(row.since)))
    city_items = []
    for row in places.itertuples():
        done = {}
        if row.id in expressions:
            done[Stage.EXPRESSION] = expressions[row.id]
        if row.id in themes:
            done[Stage.PRIORITY_THEME] = themes[row.id]
        for network_id, since in joined.get(int(row.id), []):
            leads = int(row.id) in leaders.get(network_id, ())
            for stage, day in by_network[network_id].done.items():
                if stage in LEADERS_STAGES and not leads:
                    continue
                reached = max(day, since)
                done[stage] = min(reached, done.get(stage, reached))
        city_items.append(
            Progress(
                "city",
                int(row.id),
                row.name,
                CITY_STAGES,
                done,
                None,
                row.region,
                tuple(sorted({n for n, _since in joined.get(int(row.id), [])})),
            )
        )
    return city_items, network_items, places


def _progress_of_everyone(db: Database, actor: User, on: date):
    """Every city's and network's progress, computed once per state of the data and day."""

    def compute():
        projects = progress_reports.network_inputs(db, on)
        with db.reading() as cur:
            cities, networks, places = _all_progress(cur, on, projects)
        return _with_axes(db, actor, cities), networks, places

    return db.derived(("progress", on), compute)


def _with_axes(db: Database, actor: User, items: list[Progress]) -> list[Progress]:
    """A city's axis is the axis of its approved priority theme."""
    themes = submission_service.approved_themes(db, actor)
    priority = themes[themes["priority"]]
    axes = dict(zip(priority["city_id"].astype(int), priority["axis"].astype(int)))
    return [dataclasses.replace(item, axis=axes.get(item.id)) for item in items]


def _readable(actor: User, cities: list[Progress], networks: list[Progress]):
    if reads_every_line(actor):
        return cities, networks
    if actor.role != Role.CITY:
        return [], []
    own = [c for c in cities if c.id == actor.city_id]
    mine = set(own[0].networks) if own else set()
    return own, [n for n in networks if n.id in mine]


def overview(db: Database, actor: User, scope: Scope = Scope()) -> Overview:
    """Stages, targets, late and due-next items of what the actor may read, narrowed to the
    scope."""
    on = today()
    with db.reading() as cur:
        cycle = cycles.current(cur)
        targets = {Stage(k): v for k, v in store.targets(cur, cycle.id).items() if k in set(Stage)}
        last_meeting = store.last_advisory_meeting(cur, cycle.id)
    all_cities, all_networks, places = _progress_of_everyone(db, actor, on)
    city_items, network_items = _readable(actor, all_cities, all_networks)
    readable = Overview(
        on,
        days_to_congress(cycle, on),
        city_items,
        network_items,
        targets,
        [],
        [],
        last_meeting,
        places,
    )
    return narrowed(readable, scope)


def narrowed(current: Overview, scope: Scope) -> Overview:
    """The same overview limited to a scope, with its late and due-next items."""
    city_items = [c for c in current.cities if scope.keeps(c)]
    network_items = [n for n in current.networks if scope.keeps(n)]
    late, due = late_and_due(city_items + network_items, current.targets, current.today)
    shown = {c.id for c in city_items}
    places = current.city_places
    return dataclasses.replace(
        current,
        cities=city_items,
        networks=network_items,
        late=late,
        due=due,
        city_places=places[places["id"].isin(shown)].reset_index(drop=True),
    )


# --- cycle settings --------------------------------------------------------------------------


def save_settings(
    db: Database, actor: User, targets: dict[Stage, date | None], last_meeting: date | None
) -> None:
    """The target date of each stage and the date of the Advisory Group's last meeting
    (Secretariat); a meeting cannot be in the future."""
    require(access.is_secretariat(actor))
    if last_meeting is not None and last_meeting > today():
        validate([FieldError("last_advisory_meeting", N_("cannot be in the future."))])
    with db.unit_of_work() as cur:
        cycle_id = cycles.current(cur).id
        before = {
            "targets": store.targets(cur, cycle_id),
            "last_advisory_meeting": store.last_advisory_meeting(cur, cycle_id),
        }
        store.save_targets(cur, cycle_id, {str(k): v for k, v in targets.items()})
        store.save_last_advisory_meeting(cur, cycle_id, last_meeting)
        audit.record(
            cur,
            actor.id,
            actor.username,
            "cycle",
            cycle_id,
            "progress_settings",
            before,
            {
                "targets": {str(k): v for k, v in targets.items() if v},
                "last_advisory_meeting": last_meeting,
            },
            None,
        )


def save_milestones(db: Database, actor: User, milestones: list[Milestone]) -> None:
    """The cycle's milestones (Secretariat): labels in the three languages, dated periods."""
    require(access.is_secretariat(actor))
    validate(milestone_errors(milestones))
    with db.unit_of_work() as cur:
        cycle = cycles.current(cur)
        cycles.replace_milestones(cur, cycle.id, milestones)
        audit.record(
            cur,
            actor.id,
            actor.username,
            "cycle",
            cycle.id,
            "milestones",
            {"milestones": [dataclasses.asdict(m) for m in cycle.milestones]},
            {"milestones": [dataclasses.asdict(m) for m in milestones]},
            None,
        )


# --- what changed since a date ---------------------------------------------------------------


def changes_since(db: Database, actor: User, since: date, language: str) -> pd.DataFrame:
    """Every submission step, network change and budget movement since a date that the actor
    may read, oldest first: at, area, what, city, network."""
    _ = i18n.translator(language)
    start = datetime.combine(since, time.min)
    readable = overview(db, actor)
    city_ids = None if reads_every_line(actor) else {c.id for c in readable.cities}
    network_ids = None if reads_every_line(actor) else {n.id for n in readable.networks}
    lines = {line.id: line for line in budget_service.readable_lines(db, actor)}
    with db.reading() as cur:
        names = cities.names(cur)
        network_names = store.network_names(cur)
        steps = store.submission_steps(cur, start)
        movements = store.budget_movements(cur, start)
        network_events = store.network_events(cur, start)
    rows = []
    for row in steps.itertuples():
        if city_ids is not None and int(row.city_id) not in city_ids:
            continue
        network_id = None if pd.isna(row.network_id) else int(row.network_id)
        rows.append(
            (
                row.happened,
                _("Submissions"),
                _(KIND_LABELS[SubmissionKind(row.kind)])
                + " — "
                + _step_text(_, row.action)
                + " · "
                + _("Revision {n}", n=int(row.revision)),
                names.get(int(row.city_id), ""),
                network_names.get(network_id, ""),
            )
        )
    for row in network_events.itertuples():
        if network_ids is not None and int(row.network_id) not in network_ids:
            continue
        rows.append(
            (
                row.happened,
                _("Networks"),
                _("Network created") if row.what == "created" else _member_text(_, row.what),
                names.get(int(row.city_id), ""),
                network_names.get(int(row.network_id), ""),
            )
        )
    for row in movements.itertuples():
        line = lines.get(int(row.line_id))
        if line is None:
            continue
        kind = _(ENTRY_KIND_LABELS.get(row.kind, row.kind))
        money = i18n.format_money(row.amount, line.currency, language)
        text = kind + " " + money + " — " + line.description
        rows.append(
            (
                row.happened,
                _("Budget"),
                text + (" · " + _("Cancelled") if row.cancelled else ""),
                names.get(line.owner_city_id, ""),
                line.network_name,
            )
        )
    frame = pd.DataFrame(rows, columns=["happened", "area", "what", "city", "network"])
    return frame.sort_values("happened", kind="stable").reset_index(drop=True)


def _step_text(_, action: str) -> str:
    labels = {
        "create": N_("Draft started"),
        "submit": N_("Submitted"),
        "start_revision": N_("Revision started"),
        "withdraw": N_("Withdrawn"),
    }
    if action in labels:
        return _(labels[action])
    try:
        return _(STATUS_LABELS[Status(action)])
    except ValueError:
        return action


def _member_text(_, status: str) -> str:
    try:
        return _("Membership: {status}", status=_(MEMBER_STATUS_LABELS[MemberStatus(status)]))
    except ValueError:
        return status


def stage_label(_, stage: Stage | None) -> str:
    """A stage in the reader's language ('Not started' before the first)."""
    return _(STAGE_LABELS[stage]) if stage else _("Not started")


# --- tables and exports ----------------------------------------------------------------------


def stage_cell(_, item: Progress, stage: Stage, targets: dict[Stage, date], on: date, lang) -> str:
    """'✓ 15 Sept 2023', 'late — target 31 Oct 2023', 'target 29 Mar 2024' or ''. A stage done
    beyond the stage reached (a city's network went ahead while its theme sheet waits) is not
    ticked: it counts once the stages before it are done, as the stage reached says."""
    day = i18n.format_day
    if stage in item.done and item.counts(stage):
        return "✓ " + day(item.done[stage], lang, "medium")
    if stage in item.done:
        return _(
            "done {date}; counts once {stage} is done",
            date=day(item.done[stage], lang, "medium"),
            stage=stage_label(_, item.next_stage),
        )
    target = targets.get(stage)
    if target is None:
        return ""
    if target < on:
        return _("late — target {date}", date=day(target, lang, "medium"))
    return _("target {date}", date=day(target, lang, "medium"))


def stage_matrix(overview_: Overview, kind: str, language: str) -> pd.DataFrame:
    """One row per city or network: its stage reached and, per stage, done / late / target."""
    _ = i18n.translator(language)
    items = overview_.cities if kind == "city" else overview_.networks
    stages = CITY_STAGES if kind == "city" else NETWORK_STAGES
    rows = [
        {
            "id": item.id,
            "name": item.name,
            "reached": stage_label(_, item.reached),
            **{
                str(stage): stage_cell(_, item, stage, overview_.targets, overview_.today, language)
                for stage in stages
            },
        }
        for item in items
    ]
    return pd.DataFrame(rows, columns=["id", "name", "reached", *map(str, stages)])


def deadlines_frame(deadlines: list[Deadline], on: date, language: str) -> pd.DataFrame:
    """Late or due-next items: who, what kind, which stage, target and days from today."""
    _ = i18n.translator(language)
    return pd.DataFrame(
        [
            {
                "kind": _("City") if d.progress.kind == "city" else _("Network"),
                "name": d.progress.name,
                "stage": stage_label(_, d.stage)
                + (" — " + _(KIND_LABELS[SubmissionKind(d.what)]) if d.what else ""),
                "target": d.target,
                "days": abs(d.days_late(on)),
            }
            for d in deadlines
        ],
        columns=["kind", "name", "stage", "target", "days"],
    )


def stage_counts(overview_: Overview, language: str) -> pd.DataFrame:
    """How many cities and networks are at each stage (their latest reached), in stage order."""
    _ = i18n.translator(language)
    rows = []
    for kind, label, stages in (
        ("city", _("Cities"), CITY_STAGES),
        ("network", _("Networks"), NETWORK_STAGES),
    ):
        counts = overview_.count_by_stage(kind)
        for order, stage in enumerate((None, *stages)):
            rows.append(
                {
                    "order": order,
                    "stage": stage_label(_, stage),
                    "kind": label,
                    "count": counts.get(stage, 0),
                }
            )
    return pd.DataFrame(rows, columns=["order", "stage", "kind", "count"])


def column_labels(_) -> dict[str, str]:
    """Column name → heading in the reader's language."""
    return {
        "name": _("Name"),
        "reached": _("Stage reached"),
        "kind": _("Type"),
        "stage": _("Stage"),
        "target": _("Target date"),
        "days": _("Days"),
        "count": _("Count"),
        "happened": _("When (UTC)"),
        "area": _("Area"),
        "what": _("What"),
        "city": _("City"),
        "network": _("Network"),
        **{str(stage): stage_label(_, stage) for stage in Stage},
    }


def overview_xlsx(db: Database, actor: User, scope: Scope, since: date, language: str) -> bytes:
    """The overview's tables as a workbook: stages, networks, cities, late, due next and what
    changed since `since`."""
    _ = i18n.translator(language)
    current = overview(db, actor, scope)
    labels = column_labels(_)
    frames = {
        _("By stage"): stage_counts(current, language).drop(columns=["order"]),
        _("Networks"): stage_matrix(current, "network", language).drop(columns=["id"]),
        _("Cities"): stage_matrix(current, "city", language).drop(columns=["id"]),
        _("Late"): deadlines_frame(current.late, current.today, language),
        _("Due in the next 30 days"): deadlines_frame(current.due, current.today, language),
        _("Changes since {date}", date=since.isoformat()): changes_since(
            db, actor, since, language
        ),
    }
    return xlsx({title: frame.rename(columns=labels) for title, frame in frames.items()}, set(), "")


def timeline(db: Database, actor: User, current: Overview, language: str) -> pd.DataFrame:
    """The cycle's milestones, the stage targets and the activities of the networks shown:
    label, kind, starts, ends (exclusive)."""
    _ = i18n.translator(language)
    day = pd.Timedelta(days=1)
    with db.reading() as cur:
        cycle = cycles.current(cur)
    rows = [
        (m.label(language), _("Milestone"), pd.Timestamp(m.starts), pd.Timestamp(m.ends) + day)
        for m in cycle.milestones
    ]
    rows += [
        (
            _("Target: {stage}", stage=stage_label(_, stage)),
            _("Stage target"),
            pd.Timestamp(target),
            pd.Timestamp(target) + day,
        )
        for stage, target in sorted(current.targets.items(), key=lambda t: t[1])
    ]
    for network in current.networks:
        for activity in network_service.plan_view(db, actor, network.id).plan.activities:
            if activity.starts is None:
                continue
            rows.append(
                (
                    network.name + " — " + activity.title,
                    _("Network activity"),
                    pd.Timestamp(activity.starts),
                    pd.Timestamp(activity.ends or activity.starts) + day,
                )
            )
    return pd.DataFrame(rows, columns=["label", "kind", "starts", "ends"])


# --- the briefing pack -----------------------------------------------------------------------


def chart_png(spec: dict, language: str, width: int = 640) -> bytes:
    """A Vega-Lite spec rendered to PNG (vl-convert, no browser), at a fixed width, with the
    language's number and date formats."""
    import vl_convert

    return vl_convert.vegalite_to_png({**localised(spec, language), "width": width}, scale=2)


def briefing_pdf(
    db: Database,
    actor: User,
    scope: Scope,
    since: date,
    language: str,
    progress: Callable[[float, str], None] = lambda share, step: None,
) -> bytes:
    """The Advisory Group briefing pack in the reader's language, from the same figures as the
    overview screen; `progress(share, step)` follows its making."""
    _ = i18n.translator(language)
    progress(0.05, _("Reading the figures…"))
    current = overview(db, actor, scope)
    networks_frame = network_service.overview(db, actor).set_index("id")
    try:
        money = budget_service.report(
            db, actor, budget_service.Filters(networks=tuple(n.name for n in current.networks))
        )
    except MissingRates:
        money = None
    changes = changes_since(db, actor, since, language)
    progress(0.2, _("Drawing the charts…"))
    charts = _briefing_charts(db, actor, current, language)
    progress(0.6, _("Writing the pages…"))
    return render_briefing(
        _briefing(db, actor, current, networks_frame, money, changes, since, language, charts),
        progress,
    )


def stage_chart(current: Overview, language: str) -> dict:
    """Cities and networks by stage (Vega-Lite), as on screen and in the pack."""
    _ = i18n.translator(language)
    labels = {"count": _("Count"), "stage": _("Stage"), "kinds": [_("Cities"), _("Networks")]}
    return stage_bars(stage_counts(current, language), labels)


def timeline_chart(db: Database, actor: User, current: Overview, language: str) -> dict:
    """Milestones, stage targets and network activities (Vega-Lite)."""
    _ = i18n.translator(language)
    return programme_timeline(
        timeline(db, actor, current, language),
        pd.Timestamp(current.today),
        {
            "what": _("What"),
            "starts": _("Starts"),
            "ends": _("Ends"),
            "kinds": [_("Milestone"), _("Network activity"), _("Stage target")],
        },
    )


def stage_map(current: Overview, language: str, land_url: str | None = None) -> dict:
    """The participating cities on the world map, coloured by stage (Vega-Lite); the outline
    from `land_url` when given (see `charts.world_map`)."""
    _ = i18n.translator(language)
    places = current.city_places.assign(
        stage=current.city_places["id"].map(
            {c.id: stage_label(_, c.reached) for c in current.cities}
        )
    )
    order = [stage_label(_, stage) for stage in (None, *CITY_STAGES)]
    labels = {"name": _("City"), "country": _("Country"), "order": order}
    return world_map(places, labels, "stage", _("Stage"), land_url)


def _briefing_charts(db, actor, current: Overview, language: str) -> list[tuple[str, bytes]]:
    _ = i18n.translator(language)
    return [
        (_("Cities and networks by stage"), chart_png(stage_chart(current, language), language)),
        (
            _("Milestones, stage targets and network activities"),
            chart_png(timeline_chart(db, actor, current, language), language),
        ),
        (_("Participating cities by stage"), chart_png(stage_map(current, language), language)),
    ]


def key_figures(current: Overview, money, language: str) -> list[tuple[str, str]]:
    """The figures on top of the overview and of the pack, formatted alike."""
    _ = i18n.translator(language)
    number = lambda value: i18n.format_number(value, language)  # noqa: E731
    figures = [
        (_("Days left to the 17th World Congress"), number(max(current.days_left, 0))),
        (_("Cities"), number(len(current.cities))),
        (_("Networks"), number(len(current.networks))),
        (_("Late"), number(len(current.late))),
        (_("Due in the next 30 days"), number(len(current.due))),
    ]
    return figures + budget_figures(money, language)


def budget_figures(money, language: str) -> list[tuple[str, str]]:
    """Planned, committed, spent, variance and (for full readers) the Secretariat's envelope
    and commitment, formatted for the screen and the pack alike."""
    _ = i18n.translator(language)
    if money is None or not money.lines:
        return []
    figures = budget_service.total_figures(money, language)
    if money.envelope is not None:
        figures += [
            (
                _("Envelope of the General Secretariat"),
                i18n.format_money(money.envelope, money.reporting, language),
            ),
            (
                _("Committed by the General Secretariat"),
                i18n.format_money(money.secretariat[1], money.reporting, language),
            ),
        ]
    return figures


def _briefing(db, actor, current, networks_frame, money, changes, since, language, charts):
    _ = i18n.translator(language)
    fmt_day = lambda d: i18n.format_day(d, language, "medium")  # noqa: E731
    with db.reading() as cur:
        cycle = cycles.current(cur)
    deadline_rows = lambda items: [  # noqa: E731
        [
            _("City") if d.progress.kind == "city" else _("Network"),
            d.progress.name,
            stage_label(_, d.stage),
            fmt_day(d.target),
            str(abs(d.days_late(current.today))),
        ]
        for d in items
    ]
    info = DocumentInfo(
        organisation=_("Organization of World Heritage Cities"),
        programme=_("Quebec Roadmap") + " · " + _("17th World Congress"),
        title=_("Briefing pack of the Advisory Group"),
        subtitle=cycle.name(language) + " · " + fmt_day(current.today),
        status_line=_("Changes since {date}", date=fmt_day(since)),
        draft_mark=None,
        page_label=_("Page {page} of {pages}"),
        footer_left=_("Briefing pack of the Advisory Group"),
    )
    return Briefing(
        info=info,
        cover_lines=[
            _(
                "{days} days left to the 17th World Congress ({period}).",
                days=max(current.days_left, 0),
                period=i18n.format_period(cycle.congress_starts, cycle.congress_ends, language),
            ),
            _("Prepared on {date} for the Advisory Group.", date=fmt_day(current.today)),
        ],
        key_figures=key_figures(current, money, language),
        charts=charts,
        deadline_headings=[_("Type"), _("Name"), _("Stage"), _("Target date"), _("Days")],
        late_title=_("Late"),
        late=deadline_rows(current.late),
        due_title=_("Due in the next 30 days"),
        due=deadline_rows(current.due),
        nothing=_("Nothing to report."),
        networks_title=_("Network"),
        network_pages=[
            _network_page(db, actor, current, n, networks_frame, money, language)
            for n in current.networks
        ],
        changes_title=_("What changed since {date}", date=fmt_day(since)),
        change_headings=[_("When (UTC)"), _("Area"), _("What"), _("City"), _("Network")],
        changes=[
            [i18n.format_moment(r.happened, language), r.area, r.what, r.city, r.network]
            for r in changes.itertuples()
        ],
        labels={
            "key_figures": _("Key figures"),
            "figure": _("Figure"),
            "value": _("Value"),
            "stage": _("Stage"),
            "state": _("Done, late or target"),
            "questions": _("Open questions"),
            "no_questions": _("No open question."),
            "step_tables": _("Listing late and due items…"),
            "step_changes": _("Listing what changed…"),
            "indicators": _("Indicator progress of the pilot projects"),
            "missions": _("Mission4City"),
            "missions_late": _("Obligations of the requesting cities not done when due"),
        },
        indicator_headings=[
            _("Network"),
            _("Pilot project"),
            _("Indicator"),
            _("Baseline"),
            _("Target"),
            _("Latest value"),
            _("Progress"),
        ],
        indicators=_indicator_rows(db, current, language),
        **_mission_page(db, actor, language),
    )


def _mission_page(db, actor, language: str) -> dict:
    """The pack's Mission4City page: requests by status, missions this year, reports overdue
    and the late obligations."""
    _ = i18n.translator(language)
    panel = mission_exports.panel(db, actor)
    late = mission_exports.late_frame(panel, language)
    return {
        "mission_figures": mission_exports.panel_figures(panel, language),
        "mission_late_headings": [
            _("Requesting city"),
            _("Subject of the request"),
            _("Obligation"),
            _("Due on"),
            _("Days"),
        ],
        "mission_late": [
            [
                r.city,
                r.title,
                r.item,
                i18n.format_day(r.due_on, language, "medium"),
                str(r.days_late),
            ]
            for r in late.itertuples()
        ],
    }


def _indicator_rows(db, current, language: str) -> list[list[str]]:
    """Every indicator of the pilot projects of the networks in the pack, with its progress."""
    shown = {n.id: n.name for n in current.networks}
    rows = []
    with db.reading() as cur:
        for network_id, name in shown.items():
            projects = project_store.every(cur, network_id)
            for result in assembled.results(cur, projects):
                rows.append(
                    [
                        name,
                        result.project,
                        result.indicator + (f" ({result.unit})" if result.unit else ""),
                        result.baseline,
                        result.target,
                        result.latest,
                        i18n.format_percent(float(result.progress), language)
                        if result.progress
                        else "—",
                    ]
                )
    return rows


def _network_page(db, actor, current, network, frame, money, language) -> NetworkPage:
    _ = i18n.translator(language)
    row = frame.loc[network.id]
    facts = [
        (_("Pilot city"), str(row["pilot_city"])),
        (_("Stage reached"), stage_label(_, network.reached)),
        (_("Participating cities"), str(int(row["participants"]))),
        (
            _("Next activity"),
            (
                i18n.format_day(row["next_activity"], language, "medium")
                + " · "
                + row["next_activity_title"]
            )
            if row["next_activity"] is not None and not pd.isna(row["next_activity"])
            else "—",
        ),
    ]
    over = 0
    if money is not None:
        own = [f for f in money.lines if f.line.network_id == network.id]
        over = sum(1 for f in own if f.over_plan)
        if own:
            totals = [
                sum((getattr(f, k + "_converted") for f in own), ZERO)
                for k in ("planned", "committed", "spent")
            ]
            facts.append(
                (
                    _("Budget"),
                    _(
                        "planned {planned}, committed {committed}, spent {spent}",
                        planned=i18n.format_money(totals[0], money.reporting, language),
                        committed=i18n.format_money(totals[1], money.reporting, language),
                        spent=i18n.format_money(totals[2], money.reporting, language),
                    ),
                )
            )
    stages = [
        (
            stage_label(_, stage),
            stage_cell(_, network, stage, current.targets, current.today, language) or "—",
        )
        for stage in network.stages
    ]
    return NetworkPage(
        network.name,
        facts,
        stages,
        _open_questions(db, actor, current, network, row, over, language),
    )


def _open_questions(db, actor, current, network, row, over: int, language: str) -> list[str]:
    _ = i18n.translator(language)
    questions = []
    members = network_service.members(db, actor, network.id)
    asked = sum(1 for m in members if m.status == MemberStatus.ASKED)
    if asked:
        questions.append(_("{n} request(s) to join await a decision.", n=asked))
    if row["plan_status"] in (str(Status.SUBMITTED),):
        questions.append(_("An action plan awaits review."))
    elif row["plan_status"] in (None, str(Status.DRAFT)) or pd.isna(row["plan_status"]):
        questions.append(_("No action plan has been submitted yet."))
    planned = meeting_service.readable_meetings(db, actor, network_id=network.id)
    if not any(m.kind == MeetingKind.PREPARATORY for m in planned):
        questions.append(_("No preparatory meeting is planned yet."))
    if over:
        questions.append(_("{n} budget line(s) over plan.", n=over))
    for deadline in current.late:
        if deadline.progress is network:
            questions.append(
                _(
                    "Late: {stage} (target {date}).",
                    stage=stage_label(_, deadline.stage),
                    date=i18n.format_day(deadline.target, language, "medium"),
                )
            )
    return questions


def network_stages(db: Database, actor: User) -> dict[int, Stage | None]:
    """network id → the stage it has reached (public: it follows from the plan's approval and
    the preparatory meeting, which every member city may see)."""
    _cities, networks, _places = _progress_of_everyone(db, actor, today())
    return {network.id: network.reached for network in networks}
