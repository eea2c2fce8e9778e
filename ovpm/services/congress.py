"""Step 3 and the 17th World Congress: the evaluation of each pilot project and of each
network, each network's contribution to the New Urban Project (submissions of the review
workflow), and the compendium of every approved contribution. What they take from the data is
frozen when they are submitted (ovpm.services.assembled); a working copy shows it live."""

from __future__ import annotations

import json

import pandas as pd

from ovpm import i18n
from ovpm.clock import today
from ovpm.domain import N_
from ovpm.domain.congress import Assembled, CompendiumEntry, Contribution, Evaluation
from ovpm.domain.errors import FieldError
from ovpm.domain.models import Role, User
from ovpm.domain.pilot_projects import Project, ProjectStatus
from ovpm.domain.submission_rules import can_write_for
from ovpm.domain.submissions import (
    STATUS_LABELS,
    Status,
    Submission,
    SubmissionKind,
    content_of,
)
from ovpm.pdf import DocumentInfo
from ovpm.pdf.congress import compendium_pdf as render_compendium
from ovpm.services import assembled
from ovpm.services import submissions as submission_service
from ovpm.services._common import require, validate
from ovpm.services.pilot_projects import access
from ovpm.store import networks, submissions
from ovpm.store import pilot_projects as store
from ovpm.store.db import Database

EVALUATED = frozenset(
    {
        ProjectStatus.LAUNCHED,
        ProjectStatus.UNDER_WAY,
        ProjectStatus.COMPLETED,
        ProjectStatus.SUSPENDED,
    }
)


def start_project_evaluation(db: Database, actor: User, project_id: int) -> Submission:
    """The evaluation of a launched project, as a draft of the carrying city; the one
    already started if any (those who edit the project)."""
    with db.unit_of_work() as cur:
        project = store.get(cur, project_id)
        require(access(db, actor, project).edit)
        if project.evaluation_id is not None:
            return submissions.get(cur, project.evaluation_id)
        if project.status not in EVALUATED:
            validate([FieldError("status", N_("A project is evaluated once it is launched."))])
        draft = submission_service.insert_draft(
            cur,
            actor,
            SubmissionKind.PROJECT_EVALUATION,
            project.city_id,
            Evaluation().to_dict(),
            project.network_id,
        )
        store.set_evaluation(cur, project.id, draft.id)
        return draft


def network_document(db: Database, actor: User, network_id: int, kind: str) -> Submission | None:
    """The network's evaluation or contribution (the pilot city, the Secretariat, the Advisory
    Group read it through the review workflow); kept until the next write."""
    require(kind in (SubmissionKind.NETWORK_EVALUATION, SubmissionKind.CONTRIBUTION))
    # the same key as the network service's: one read of the network a write
    network = db.kept_read(("network", network_id), lambda cur: networks.get(cur, network_id))
    require(can_write_for(actor, network.pilot_city_id) or actor.role == Role.ADVISORY)
    return db.kept_read(
        ("network_document", network_id, str(kind)),
        lambda cur: submissions.open_submission(cur, kind, network.pilot_city_id, network_id),
    )


def start_network_document(db: Database, actor: User, network_id: int, kind: str) -> Submission:
    """Start the network's evaluation or contribution, owned by its pilot city."""
    require(kind in (SubmissionKind.NETWORK_EVALUATION, SubmissionKind.CONTRIBUTION))
    with db.reading() as cur:
        network = networks.get(cur, network_id)
    return submission_service.start_submission(db, actor, kind, network.pilot_city_id, network_id)


def shown_content(db: Database, actor: User, submission: Submission, content: dict):
    """A submission's content as read: a frozen revision as it is, a working copy with what it
    would take from the data now."""
    submission_service.get_submission(db, actor, submission.id)
    typed = content_of(submission.kind, content)
    frozen_already = getattr(typed, "assembled", None) is not None or getattr(
        typed, "results", None
    )
    if frozen_already:
        return typed
    key = ("shown_content", submission.id, json.dumps(content, sort_keys=True, default=str))
    return db.kept_read(key, lambda cur: assembled.frozen(cur, submission, typed))


def assembled_now(db: Database, actor: User, network_id: int) -> Assembled:
    """What the network's contribution takes from the data today (public information: no
    budget figure; every signed-in user reads the networks)."""
    require(actor.role in (Role.SECRETARIAT, Role.ADVISORY, Role.CITY))
    return db.kept_read(("assembled", network_id), lambda cur: assembled.assemble(cur, network_id))


def networks_frame(db: Database, actor: User, language: str) -> pd.DataFrame:
    """Each network with its axis and where its evaluation and contribution stand."""
    _ = i18n.translator(language)
    with db.reading() as cur:
        found = networks.every(cur)
        rows = []
        for network in found:
            states = []
            for kind in (SubmissionKind.NETWORK_EVALUATION, SubmissionKind.CONTRIBUTION):
                current = submissions.open_submission(cur, kind, network.pilot_city_id, network.id)
                states.append(_(STATUS_LABELS[current.status]) if current else _("Not started"))
            rows.append(
                [
                    network.id,
                    network.name,
                    _("Axis {n}", n=network.axis),
                    len(store.every(cur, network.id)),
                    *states,
                ]
            )
    return pd.DataFrame(
        rows,
        columns=[
            "id",
            _("Network"),
            _("Strategic axis"),
            _("Pilot projects"),
            _("Evaluation"),
            _("Contribution"),
        ],
    )


def compendium_entries(db: Database) -> list[CompendiumEntry]:
    """Every approved contribution (its approved revision), by axis then network."""
    with db.reading() as cur:
        found = []
        for network in networks.every(cur):
            content = submissions.approved_content(cur, SubmissionKind.CONTRIBUTION, network.id)
            if content is not None:
                contribution = Contribution.from_dict(content)
                found.append(CompendiumEntry(network.name, network.axis, contribution, 0))
    return sorted(found, key=lambda e: (e.axis or 0, e.network))


def compendium_pdf(db: Database, actor: User, language: str) -> bytes:
    """The New Urban Project compendium: every approved contribution, a table of contents and
    the axis of each (public deliverables: every signed-in user)."""
    require(actor.role in (Role.SECRETARIAT, Role.ADVISORY, Role.CITY))
    _ = i18n.translator(language)
    entries = compendium_entries(db)
    info = DocumentInfo(
        organisation=_("Organization of World Heritage Cities"),
        programme=_("Quebec Roadmap") + " · " + _("17th World Congress"),
        title=_("New Urban Project — compendium of the networks' contributions"),
        subtitle=_("Approved contributions: {n}", n=len(entries)),
        status_line=_("Status: {status}", status=_(STATUS_LABELS[Status.APPROVED])),
        draft_mark=None,
        page_label=_("Page {page} of {pages}"),
        footer_left=i18n.format_day(today(), language),
    )
    return render_compendium(entries, info, _, submission_service.pdf_labels(language))


def contribution_approved(db: Database, network_id: int) -> bool:
    """Whether the network's contribution has an approved revision (public fact)."""
    approved = db.kept_read(
        ("approved_content", SubmissionKind.CONTRIBUTION, network_id),
        lambda cur: submissions.approved_content(cur, SubmissionKind.CONTRIBUTION, network_id),
    )
    return approved is not None


def approved_contribution_pdf(db: Database, actor: User, network_id: int, language: str) -> bytes:
    """The network's approved contribution, its deliverable for the Congress (public: every
    signed-in user)."""
    require(actor.role in (Role.SECRETARIAT, Role.ADVISORY, Role.CITY))
    with db.reading() as cur:
        network = networks.get(cur, network_id)
        current = submissions.open_submission(
            cur, SubmissionKind.CONTRIBUTION, network.pilot_city_id, network_id
        )
    if current is None or current.approved_revision is None:
        validate([FieldError("contribution", N_("The contribution is not approved yet."))])
    with db.reading() as cur:
        revision = next(
            r
            for r in submissions.revisions(cur, current.id)
            if r.number == current.approved_revision
        )
    return submission_service.render_pdf(
        db, current, revision.content, revision.number, Status.APPROVED, language
    )


def project_evaluation(db: Database, actor: User, project: Project) -> Submission | None:
    """The project's evaluation, if started (those who read the whole project see its status;
    its content follows the submission rules)."""
    require(access(db, actor, project).read)
    if project.evaluation_id is None:
        return None
    found = project.evaluation_id  # the key the minutes' service keeps a submission under
    return db.kept_read(("submission", found), lambda cur: submissions.get(cur, found))
