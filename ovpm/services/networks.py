"""Collaborative networks: creation from an approved priority theme, membership, Advisory
Group members, the action plan in its full and public versions, round tables, and their exports
(the calendar holds the network's meetings too). The public version never carries the budget."""

from __future__ import annotations

import dataclasses

import pandas as pd

from ovpm import i18n
from ovpm.clock import now_utc, today
from ovpm.domain import N_
from ovpm.domain import network_rules as rules
from ovpm.domain.errors import FieldError, NotFound
from ovpm.domain.models import Role, User
from ovpm.domain.networks import (
    ActionPlan,
    BudgetLine,
    FunderKind,
    Member,
    MemberStatus,
    Network,
    RoundTable,
)
from ovpm.domain.submissions import STATUS_LABELS, Status, Submission, SubmissionKind, ThemeSheet
from ovpm.domain.workshops import with_workshops
from ovpm.exports import csv_bytes
from ovpm.exports.calendar import Event, ics
from ovpm.exports.spreadsheet import xlsx
from ovpm.pdf import DocumentInfo
from ovpm.pdf.plans import category_label, funder_text
from ovpm.pdf.plans import plan_pdf as render
from ovpm.services import meetings, notices
from ovpm.services import submissions as submission_service
from ovpm.services._common import require, snapshot, validate
from ovpm.services.meetings import meeting_event
from ovpm.store import audit, cities, networks, submissions, users, workshops
from ovpm.store.db import Database

PLAN = str(SubmissionKind.ACTION_PLAN)


@dataclasses.dataclass(frozen=True)
class PlanView:
    """What an actor may read of a network's action plan."""

    submission: Submission | None
    plan: ActionPlan  # budget removed unless `full`
    revision: int | None  # the revision shown (None: nothing submitted yet)
    approved: bool
    full: bool
    own_lines: tuple[BudgetLine, ...]  # a participating city's own contribution lines


def _audit(cur, actor: User, network: Network, action: str, before, after) -> None:
    audit.record(
        cur,
        actor.id,
        actor.username,
        "network",
        network.id,
        action,
        before,
        after,
        network.pilot_city_id,
    )


def get_network(db: Database, actor: User, network_id: int) -> Network:
    """A network's public description (every signed-in user; kept until the next write)."""
    return db.kept_read(("network", network_id), lambda cur: networks.get(cur, network_id))


def overview(db: Database, actor: User) -> pd.DataFrame:
    """All networks at a glance (public information: no budget). Kept until the next write:
    callers must not change the frame."""

    def compute() -> pd.DataFrame:
        with db.reading() as cur:
            frame = networks.overview(cur)
            next_dates = [_next_activity(cur, int(i)) for i in frame["id"]]
        frame["next_activity"] = [n[0] for n in next_dates]
        frame["next_activity_title"] = [n[1] for n in next_dates]
        return frame

    return db.derived(("networks_overview", today()), compute)


def _next_activity(cur, network_id: int):

    view = _plan_source(cur, network_id)
    upcoming = sorted(
        (a.starts, a.title)
        for a in view[1].activities
        if a.starts is not None and a.starts >= today()
    )
    return upcoming[0] if upcoming else (None, "")


def create_network(db: Database, actor: User, theme_sheet_id: int, name: str) -> Network:
    """A network around the priority theme of an approved theme sheet; its city is the pilot."""
    require(rules.can_manage(actor))
    missing = [
        FieldError(field, N_("is required."))
        for field, value in (("theme", theme_sheet_id), ("network_name", (name or "").strip()))
        if not value
    ]
    validate(missing)
    with db.unit_of_work() as cur:
        source = submissions.get(cur, theme_sheet_id)
        approved = [
            r for r in submissions.revisions(cur, source.id) if r.number == source.approved_revision
        ]
        if source.kind != SubmissionKind.THEME_SHEET or not approved:
            validate([FieldError("theme", N_("must come from an approved theme sheet."))])
        priority = ThemeSheet.from_dict(approved[0].content).priority_theme
        network = networks.insert(
            cur, name.strip(), priority.title, priority.axis, source.city_id, source.id, now_utc()
        )
        _audit(cur, actor, network, "create", None, snapshot(network, ("pilot_city_name",)))
    return network


def members(db: Database, actor: User, network_id: int) -> list[Member]:
    """The cities of a network and their status (public; kept until the next write)."""
    return db.kept_read(
        ("network_members", network_id), lambda cur: networks.members(cur, network_id)
    )


def my_status(db: Database, actor: User, network_id: int) -> MemberStatus | None:
    """The actor's city's status in a network."""
    if actor.city_id is None:
        return None
    return db.kept_read(
        ("network_member_status", network_id, actor.city_id),
        lambda cur: networks.member_status(cur, network_id, actor.city_id),
    )


def _set_member(
    db: Database, actor: User, network: Network, city_id: int, status: MemberStatus, action: str
) -> None:
    with db.unit_of_work() as cur:
        before = networks.member_status(cur, network.id, city_id)
        networks.set_member(cur, network.id, city_id, str(status), now_utc())
        audit.record(
            cur,
            actor.id,
            actor.username,
            "network_member",
            network.id,
            action,
            {"city_id": city_id, "status": before and str(before)},
            {"city_id": city_id, "status": str(status)},
            city_id,
        )
        notices.membership(cur, actor, network, city_id, status)


def ask_to_join(db: Database, actor: User, network_id: int) -> None:
    """A member city asks to join a network after reading its call for participation."""
    network = get_network(db, actor, network_id)
    require(rules.can_ask_to_join(actor, network, my_status(db, actor, network_id)))
    _set_member(db, actor, network, actor.city_id, MemberStatus.ASKED, "ask_to_join")


def invite(db: Database, actor: User, network_id: int, city_id: int) -> None:
    """The pilot city or the Secretariat invites a city."""
    network = get_network(db, actor, network_id)
    require(rules.can_decide_membership(actor, network) and city_id != network.pilot_city_id)
    _set_member(db, actor, network, city_id, MemberStatus.INVITED, "invite")


def decide(db: Database, actor: User, network_id: int, city_id: int, accept: bool) -> None:
    """Accept or decline a city that asked to join or was invited (pilot city, Secretariat)."""
    network = get_network(db, actor, network_id)
    require(rules.can_decide_membership(actor, network))
    with db.reading() as cur:
        current = networks.member_status(cur, network_id, city_id)
    if current not in (MemberStatus.ASKED, MemberStatus.INVITED):
        raise NotFound(f"no pending request of city {city_id}")
    _set_member(
        db,
        actor,
        network,
        city_id,
        MemberStatus.PARTICIPATING if accept else MemberStatus.DECLINED,
        "accept" if accept else "decline",
    )


def leave(db: Database, actor: User, network_id: int, city_id: int) -> None:
    """A participating city leaves (itself, or recorded by the pilot city or the Secretariat)."""
    network = get_network(db, actor, network_id)
    own = actor.role == Role.CITY and actor.city_id == city_id
    require(own or rules.can_decide_membership(actor, network))
    _set_member(db, actor, network, city_id, MemberStatus.LEFT, "leave")


def advisors(db: Database, actor: User, network_id: int) -> list[tuple[int, str]]:
    """The Advisory Group members following a network (kept until the next write)."""
    return db.kept_read(
        ("network_advisors", network_id), lambda cur: networks.advisors(cur, network_id)
    )


def set_advisors(db: Database, actor: User, network_id: int, user_ids: list[int]) -> None:
    """Choose the Advisory Group members of a network (Secretariat)."""
    require(rules.can_manage(actor))
    with db.unit_of_work() as cur:
        network = networks.get(cur, network_id)
        for user_id in user_ids:
            if users.get(cur, user_id).role != Role.ADVISORY:
                validate([FieldError("advisors", N_("must be Advisory Group members."))])
        before = [u for u, _name in networks.advisors(cur, network_id)]
        networks.set_advisors(cur, network_id, user_ids)
        _audit(cur, actor, network, "advisors", {"advisors": before}, {"advisors": user_ids})


# --- the action plan ---------------------------------------------------------------------------


def _plan_source(cur, network_id: int) -> tuple[Submission | None, ActionPlan, int | None, bool]:
    """The plan everyone may read: the approved revision, else the latest submitted one."""
    network = networks.get(cur, network_id)
    submission = submissions.open_submission(cur, PLAN, network.pilot_city_id, network_id)
    if submission is None or not submission.revision:
        return submission, ActionPlan(), None, False
    revisions = submissions.revisions(cur, submission.id)
    chosen = submission.approved_revision or submission.revision
    content = next(r.content for r in revisions if r.number == chosen)
    plan = with_workshops(ActionPlan.from_dict(content), workshops.of_network(cur, network_id))
    return submission, plan, chosen, submission.approved_revision == chosen


def plan_view(db: Database, actor: User, network_id: int) -> PlanView:
    """The plan as this actor may read it: full (budget included) for the Secretariat, the
    Advisory Group and the pilot city; for other cities the public version, plus their own
    contribution lines when they fund some."""
    with db.reading() as cur:
        network = networks.get(cur, network_id)
        submission, plan, revision, approved = _plan_source(cur, network_id)
    full = rules.can_read_full_plan(actor, network)
    own = tuple(
        line
        for line in plan.budget
        if actor.city_id is not None
        and line.funder == FunderKind.PARTICIPANT
        and line.funder_city_id == actor.city_id
    )
    return PlanView(
        submission, plan if full else plan.public(), revision, approved, full, () if full else own
    )


def start_plan(db: Database, actor: User, network_id: int) -> Submission:
    """The network's action plan, started as a draft owned by the pilot city."""

    network = get_network(db, actor, network_id)
    return submission_service.start_submission(db, actor, PLAN, network.pilot_city_id, network_id)


def working_plan(db: Database, actor: User, network_id: int) -> Submission | None:
    """The plan submission for its editors (the pilot city, the Secretariat)."""
    network = get_network(db, actor, network_id)
    require(actor.role == Role.SECRETARIAT or rules.is_pilot(actor, network))
    with db.reading() as cur:
        return submissions.open_submission(cur, PLAN, network.pilot_city_id, network_id)


def readable_budget(db: Database, actor: User, network_id: int) -> tuple[BudgetLine, ...]:
    """The budget lines an actor may read or export: all of them for full readers, a
    participating city's own contribution lines, nothing for anyone else."""
    view = plan_view(db, actor, network_id)
    lines = view.plan.budget if view.full else view.own_lines
    require(view.full or bool(lines))
    return lines


# --- round tables ------------------------------------------------------------------------


def round_tables(db: Database, actor: User, network_id: int | None = None) -> list[RoundTable]:
    """Thematic round tables (public), of one network or all."""
    with db.reading() as cur:
        return networks.round_tables(cur, network_id)


def save_round_table(db: Database, actor: User, table: RoundTable) -> RoundTable:
    """Record or edit a round table (Secretariat); times are stored in UTC."""
    require(rules.can_manage(actor))
    validate(rules.round_table_errors(table))
    with db.unit_of_work() as cur:
        before = networks.get_round_table(cur, table.id) if table.id else None
        after = networks.save_round_table(cur, table)
        audit.record(
            cur,
            actor.id,
            actor.username,
            "round_table",
            after.id,
            "update" if before else "create",
            snapshot(before, ("host_city_name",)) if before else None,
            snapshot(after, ("host_city_name",)),
            after.host_city_id,
        )
    return after


def networks_of(db: Database, actor: User) -> dict[int, str]:
    """network id → the actor's city's relation to it ('pilot' or a member status)."""
    if actor.city_id is None:
        return {}
    with db.reading() as cur:
        return networks.networks_of_city(cur, actor.city_id)


# --- exports ---------------------------------------------------------------------------------


def budget_frames(
    db: Database, actor: User, network_id: int, language: str
) -> dict[str, pd.DataFrame]:
    """The readable budget lines, with totals per funder and per category, as labelled tables."""

    _ = i18n.translator(language)
    lines = readable_budget(db, actor, network_id)
    with db.reading() as cur:
        names = cities.names(cur)
    detail = pd.DataFrame(
        [
            {
                _("Category"): category_label(_, line.category),
                _("Description"): line.description,
                _("Funder"): funder_text(_, line, names),
                _("Currency"): line.currency,
                _("Amount"): line.value,
            }
            for line in lines
        ]
    )
    if detail.empty:
        detail = pd.DataFrame(
            columns=[_("Category"), _("Description"), _("Funder"), _("Currency"), _("Amount")]
        )
    by_funder = detail.groupby([_("Funder"), _("Currency")], as_index=False)[_("Amount")].sum()
    by_category = detail.groupby([_("Category"), _("Currency")], as_index=False)[_("Amount")].sum()
    return {_("Budget lines"): detail, _("By funder"): by_funder, _("By category"): by_category}


def budget_csv(db: Database, actor: User, network_id: int, language: str) -> bytes:
    """The readable budget lines as CSV (amounts exact, with a dot as decimal separator)."""

    return csv_bytes(next(iter(budget_frames(db, actor, network_id, language).values())))


def budget_xlsx(db: Database, actor: User, network_id: int, language: str) -> bytes:
    """The readable budget as a workbook: lines, totals by funder and by category."""

    _ = i18n.translator(language)
    return xlsx(budget_frames(db, actor, network_id, language), {_("Amount")}, _("Total"))


def calendar_ics(db: Database, actor: User, network_id: int, language: str) -> bytes:
    """The network's calendar (plan activities, round tables, preparatory meeting) as iCalendar."""

    _ = i18n.translator(language)
    network = get_network(db, actor, network_id)
    view = plan_view(db, actor, network_id)
    events = [
        Event(f"activity-{network_id}-{i}@roadmap-hub", a.title, a.starts, a.ends, a.place)
        for i, a in enumerate(view.plan.activities)
        if a.starts
    ]
    events += [
        Event(
            f"round-table-{t.id}@roadmap-hub",
            _("Round table {n}", n=t.number) + " — " + t.theme,
            t.starts_at,
            t.starts_at + pd.Timedelta(hours=1).to_pytimedelta(),
            t.host_city_name,
            t.recording_url,
        )
        for t in round_tables(db, actor, network_id)
    ]
    events += [
        meeting_event(m, language, network.name)
        for m in meetings.readable_meetings(db, actor, network_id=network_id)
    ]
    return ics(events, network.name, now_utc())


def plan_pdf(db: Database, actor: User, network_id: int, public: bool, language: str) -> bytes:
    """The plan as PDF: the public version never has a budget; the full one only for full
    readers."""
    network = get_network(db, actor, network_id)
    view = plan_view(db, actor, network_id)
    require(public or view.full)
    _ = i18n.translator(language)
    names = None
    if not public:
        with db.reading() as cur:
            names = cities.names(cur)
    status = (
        Status.APPROVED if view.approved else Status.SUBMITTED if view.revision else Status.DRAFT
    )
    version = _("Public version (call for participation)") if public else _("Full version")
    info = DocumentInfo(
        organisation=_("Organization of World Heritage Cities"),
        programme=_("Quebec Roadmap") + " · " + _("17th World Congress"),
        title=_("Action plan") + " — " + network.name,
        subtitle=version + " · " + _("Pilot city: {city}", city=network.pilot_city_name),
        status_line=_("Status: {status}", status=_(STATUS_LABELS[status]))
        + (" · " + _("Revision {n}", n=view.revision) if view.revision else ""),
        draft_mark=None if view.approved else _("DRAFT"),
        page_label=_("Page {page} of {pages}"),
        footer_left=network.theme,
    )
    return render(
        view.plan,
        info,
        _,
        lambda d: i18n.format_day(d, language, "medium"),
        lambda amount, currency: i18n.format_money(amount, currency, language),
        names,
    )


def history(db: Database, actor: User, network_id: int) -> pd.DataFrame:
    """The steps of the network's action plan; who did them and their comments only for full
    readers (the review comments are addressed to the pilot city)."""
    network = get_network(db, actor, network_id)
    with db.reading() as cur:
        plan = submissions.open_submission(cur, PLAN, network.pilot_city_id, network_id)
        events = (
            submissions.events(cur, plan.id)
            if plan
            else pd.DataFrame(
                columns=["revision", "action", "actor_username", "happened_at", "comment"]
            )
        )
    if not rules.can_read_full_plan(actor, network):
        events = events.drop(columns=["actor_username", "comment"])
    return events
