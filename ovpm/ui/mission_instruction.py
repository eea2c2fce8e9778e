"""Screen parts of a mission's instruction by the Secretariat: the steps (a)–(d) recorded so
far, the form of the next step, the matched experts of step (c) and the programme of step (d);
the mission's ICS once it has its dates."""

from __future__ import annotations

import streamlit as st

from ovpm import i18n
from ovpm.clock import today
from ovpm.domain.missions import (
    MISSION_DAYS,
    STEP_LABELS,
    STEPS,
    Mission,
    MissionStatus,
    Programme,
    Step,
    StepRecord,
)
from ovpm.domain.models import UNESCO_REGIONS, Role
from ovpm.services import mission_exports
from ovpm.services import missions as service
from ovpm.ui import db, gettext, kept, language, literal
from ovpm.ui.forms import FormMessages
from ovpm.ui.workshop_people import reason_text

SHOWN_CANDIDATES = 8


def show_instruction(user, mission: Mission) -> None:
    """The steps recorded (every reader of the mission), the next step's form (the
    Secretariat), the experts and the programme."""
    _ = gettext()
    recorded = service.steps(db(), user, mission)
    steps_text = kept(  # until the next write
        ("mission_steps", mission.id, user.role),
        lambda: [_step_text(user, mission, step, recorded.get(step)) for step in STEPS],
    )
    for text in steps_text:  # one text a step: a screen of few elements
        st.container(border=True).markdown(text)
    if mission.programme.first_day is not None:
        st.download_button(
            _("Mission days (ICS)"),
            lambda: mission_exports.mission_ics(db(), user, mission.id, language()),
            file_name=f"mission-{mission.id}.ics",
            mime="text/calendar",
            icon=":material/calendar_month:",
        )
    if user.role == Role.SECRETARIAT and mission.status == MissionStatus.IN_INSTRUCTION:
        following = next((s for s in STEPS if s not in recorded), None)
        if following is not None:
            _step_form(user, mission, following)
            return
        st.success(_("Steps (a) to (d) are recorded: the mission can be scheduled."))
        box = st.expander(_("Record a step again"), key="step_again_open", on_change="rerun")
        if box.open:
            with box:
                step = st.selectbox(
                    _("Step"), STEPS, format_func=lambda s: _(STEP_LABELS[s]), index=3
                )
                _step_form(user, mission, step)


def _step_text(user, mission: Mission, step: Step, record: StepRecord | None) -> str:
    """A step as one Markdown text: its name, when and by whom, the note (shown literally),
    the experts of (c) and the programme of (d)."""
    _ = gettext()
    lines = ["**" + _(STEP_LABELS[step]) + "**"]
    if record is None:
        return "\n\n".join([*lines, ":gray[" + _("Not recorded yet.") + "]"])
    day = i18n.format_day(record.done_on, language(), "medium")
    lines.append(
        ":gray[" + _("Recorded on {day} by {who}", day=day, who=literal(record.recorded_by)) + "]"
    )
    if record.who:
        lines.append(_("Asked: {who}", who=literal(record.who)))
    lines.append(literal(record.note))
    if step == Step.EXPERTS:
        for _id, name, local in service.experts(db(), user, mission):
            suffix = " — " + _("local expert (of the requesting city)") if local else ""
            lines.append("- " + literal(name) + suffix)
    if step == Step.PROGRAMME:
        lines += programme_lines(mission.programme)
    return "\n\n".join(lines)


def programme_lines(programme: Programme) -> list[str]:
    """The programme day by day, the logistics and the cost sharing, as Markdown lines."""
    _ = gettext()
    lang = language()
    if programme.first_day is None:
        return []
    lines = [
        "**"
        + _("Day {n}", n=number)
        + "** · "
        + i18n.format_day(day, lang, "medium")
        + "  \n"
        + literal(text)
        for number, (day, text) in enumerate(
            zip(programme.mission_days(), programme.days, strict=False), start=1
        )
    ]
    lines.append("**" + _("Logistics") + "**  \n" + literal(programme.logistics))
    lines.append("**" + _("Cost sharing") + "**  \n" + literal(programme.cost_sharing))
    return lines


def _step_form(user, mission: Mission, step: Step) -> None:
    _ = gettext()
    st.markdown("##### " + _("Next step: {step}", step=_(STEP_LABELS[step])))
    chosen: list[int] = []
    if step == Step.EXPERTS:
        chosen = _pick_candidates(user, mission)
    messages = FormMessages()
    with st.form(f"step_{mission.id}_{step}"):
        done_on = st.date_input(_("Date"), today(), max_value=today(), format="YYYY-MM-DD")
        messages.field("done_on")
        who = ""
        if step == Step.ADVICE:
            who = st.text_input(_("Actors asked"))
        note = st.text_area(_("What they said") if step == Step.ADVICE else _("Note"))
        messages.field("note", "step", "experts")
        programme = None
        if step == Step.PROGRAMME:
            programme = _programme_fields(messages)
        messages.buttons()
        if st.form_submit_button(_("Record the step"), type="primary"):
            messages.run(
                lambda: service.record_step(
                    db(),
                    user,
                    mission.id,
                    StepRecord(step, done_on, note, who),
                    tuple(chosen),
                    programme,
                ),
                _("Step recorded."),
            )


def _pick_candidates(user, mission: Mission) -> list[int]:
    """Experts of the address book ranked for the request, with the reason of each rank and
    the local ones flagged; the Secretariat ticks those it consulted the city about."""
    _ = gettext()
    found = service.candidates(db(), user, mission)[:SHOWN_CANDIDATES]
    if not found:
        st.info(_("No expert in the address book."))
        return []
    st.caption(_("Candidates from the address book, best match first."))
    chosen = []
    for candidate in found:
        with st.container(border=True):
            row = st.container(horizontal=True, vertical_alignment="center")
            text = row.container()
            text.markdown("**" + literal(candidate.contact.name) + "**")
            reason = reason_text(candidate)
            if candidate.region:
                reason += "; " + _(
                    "from the region: {region}",
                    region=_(UNESCO_REGIONS.get(candidate.region, candidate.region)),
                )
            text.caption(reason)
            if candidate.local:
                text.warning(
                    _("Belongs to the requesting city: a local expert, not an international one."),
                    icon=":material/warning:",
                )
            if row.checkbox(_("Candidate"), key=f"candidate_{mission.id}_{candidate.contact.id}"):
                chosen.append(candidate.contact.id)
    return chosen


def _programme_fields(messages: FormMessages) -> Programme:
    """Dates, one text per day (three places: those beyond the mission's length are left
    out), logistics and cost sharing."""
    _ = gettext()
    left, right = st.columns(2)
    first = left.date_input(_("First day"), None, format="YYYY-MM-DD")
    messages.field("first_day")
    last = right.date_input(_("Last day"), None, format="YYYY-MM-DD")
    messages.field("last_day")
    st.caption(_("A mission lasts 1 to 3 days: describe each of its days."))
    days = tuple(
        st.text_area(_("Day {n}", n=n), key=f"programme_day_{n}", height=80)
        for n in range(1, MISSION_DAYS[1] + 1)
    )
    messages.field("days")
    logistics = st.text_area(_("Logistics"))
    messages.field("logistics")
    sharing = st.text_area(_("Cost sharing"))
    messages.field("cost_sharing")
    length = (last - first).days + 1 if first and last else 0
    return Programme(
        first, last, days[:length] if 1 <= length <= len(days) else days, logistics, sharing
    )
