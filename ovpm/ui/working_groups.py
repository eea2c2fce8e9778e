"""The working groups of a process, the form that creates one with its three meetings, and the
common action plan built from their third meetings."""

from __future__ import annotations

from datetime import time, timedelta

import streamlit as st

from ovpm import clock
from ovpm.domain.diagnosis import Process, ProcessAccess
from ovpm.domain.times import ZONE_NAMES, to_utc
from ovpm.domain.working_groups import WorkingGroup
from ovpm.services import cities as city_service
from ovpm.services import meetings as meeting_service
from ovpm.services import working_groups as service
from ovpm.ui import db, gettext, language, literal
from ovpm.ui.forms import FormMessages
from ovpm.ui.meetings import MEETING_PAGE, show_ideas, title_of


def show_working_groups(user, process: Process, rights: ProcessAccess) -> None:
    """Each group with its people and meetings; the common action plan; the creation form."""
    _ = gettext()
    people = meeting_service.people(db(), user)
    found = service.groups(db(), user, process)
    if not found:
        st.info(_("No working group yet."))
    for group in found:
        with st.container(border=True):
            st.markdown("**" + literal(group.theme) + "**")
            st.caption(
                _("Facilitator")
                + ": "
                + literal(people.get(group.facilitator, "—"))
                + " · "
                + _("Spokesperson")
                + ": "
                + literal(people.get(group.spokesperson, "—"))
                + " · "
                + _("{n} members", n=len(group.members))
            )
            row = st.container(horizontal=True)
            for meeting in service.group_meetings(db(), user, group):
                if row.button(title_of(meeting), key=f"wg_meeting_{meeting.id}"):
                    st.switch_page(MEETING_PAGE, query_params={"id": str(meeting.id)})
    if rights.edit:
        box = st.expander(_("Create a working group"), key="wg_new_open", on_change="rerun")
        if box.open:
            with box:
                _group_form(user, process, people)
    if found:
        show_common_plan(user, process, people)


def show_common_plan(user, process: Process, people: dict[str, str]) -> None:
    _ = gettext()
    lang = language()
    st.markdown("#### " + _("Common action plan"))
    st.caption(_("Built from the working groups' third meetings"))
    for plan in service.common_plan(db(), user, process):
        st.markdown(
            "**"
            + literal(plan.group.theme)
            + "** · "
            + (_("approved") if plan.approved else _("not approved yet"))
        )
        if plan.ideas:
            show_ideas(plan.ideas)
        else:
            st.caption(_("The group's third meeting has no action plan yet."))
    st.download_button(
        _("Common action plan (PDF)"),
        lambda: service.common_plan_pdf(db(), user, process, lang),
        file_name=f"common-action-plan-{process.network_id or process.city_id}.pdf",
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
    )


def _group_form(user, process: Process, people: dict[str, str]) -> None:
    _ = gettext()
    messages = FormMessages()
    with st.form("wg_new", clear_on_submit=False):
        theme = st.text_input(_("Theme of the group"), max_chars=200)
        messages.field("theme")
        members = st.multiselect(
            _("Members (address book and users)"),
            list(people),
            format_func=people.get,
            placeholder=_("Choose one or more"),
        )
        left, right = st.columns(2)
        facilitator = left.selectbox(
            _("Facilitator"),
            list(people),
            index=None,
            format_func=people.get,
            placeholder=_("Choose"),
        )
        spokesperson = right.selectbox(
            _("Spokesperson"),
            list(people),
            index=None,
            format_func=people.get,
            placeholder=_("Choose"),
        )
        messages.field("facilitator", "spokesperson")
        left, middle, right = st.columns(3)
        day = left.date_input(_("First meeting"), clock.today() + timedelta(days=14))
        hour = middle.time_input(_("Start time (host's time)"), time(14))
        zone = right.selectbox(
            _("Time zone of the host"),
            ZONE_NAMES,
            index=None,
            placeholder=_("The host city's time zone"),
        )
        st.caption(
            _(
                "Three meetings four weeks apart, with source 003's agendas; each can then be "
                "changed on its own page."
            )
        )
        messages.buttons()
        if st.form_submit_button(_("Create the group and its three meetings"), type="primary"):
            zone = zone or city_service.city_zone(db(), user, process.city_id)
            group = WorkingGroup(
                None,
                process.network_id,
                process.city_id,
                theme.strip(),
                tuple(members),
                facilitator or "",
                spokesperson or "",
            )
            messages.run(
                lambda: service.create_group(db(), user, group, to_utc(day, hour, zone), zone),
                _("The working group and its three meetings are planned."),
            )
