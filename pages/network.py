"""One collaborative network: members and requests to join, the action plan (public or full),
the calendar, its meetings (the preparatory meeting among them), the workshop, and the exports
each reader may take."""

import pandas as pd
import streamlit as st

from ovpm import ui
from ovpm.auth import require_role
from ovpm.domain.errors import NotFound
from ovpm.domain.models import Role
from ovpm.domain.network_rules import (
    can_ask_to_join,
    can_decide_membership,
    is_pilot,
)
from ovpm.domain.networks import (
    MEMBER_STATUS_LABELS,
    MemberStatus,
)
from ovpm.domain.submissions import STATUS_LABELS, Status
from ovpm.services import cities as city_service
from ovpm.services import meetings as meeting_service
from ovpm.services import networks as network_service
from ovpm.services.meetings import can_plan
from ovpm.services.progress import network_stages, stage_label
from ovpm.ui.meetings import show_meeting_form, show_meeting_list, show_process_warnings
from ovpm.ui.navigation import roles_of
from ovpm.ui.networks import (
    reader_zone,
    show_activities,
    show_budget,
    show_plan,
    three_times,
)
from ovpm.ui.pilot_projects import show_network_links
from ovpm.ui.submissions import axis_label, show_history
from ovpm.ui.workshops import show_workshop_view

user = require_role(*roles_of("network"))
_ = ui.gettext()
lang = ui.language()
db = ui.db()

try:
    network = network_service.get_network(db, user, int(st.query_params.get("id", "")))
except (ValueError, NotFound):
    st.warning(_("This network does not exist."))
    st.markdown("[" + _("Back to the networks") + "](/networks)")
    st.stop()

names = city_service.city_names(db, user)
st.title(ui.literal(network.name))
ui.show_flash()
st.write(_("Priority theme: {theme}", theme=ui.literal(network.theme)))
st.caption(
    axis_label(network.axis)
    + " · "
    + _("Pilot city: {city}", city=ui.literal(network.pilot_city_name))
    + " · "
    + _("Stage: {stage}", stage=stage_label(_, network_stages(db, user).get(network.id)))
)

show_network_links(user, network.id)

tab_members, tab_plan, tab_calendar, tab_meetings, tab_workshop, tab_history = st.tabs(
    [
        _("Members"),
        _("Action plan"),
        _("Calendar"),
        _("Meetings"),
        _("Workshop"),
        _("History"),
    ],
    key="network_view",
    on_change="rerun",  # only the open view is built
)

if tab_members.open:
    with tab_members:
        members = network_service.members(db, user, network.id)
        mine = network_service.my_status(db, user, network.id)
        if can_ask_to_join(user, network, mine):
            st.info(
                _("Read the public action plan below: it is this network's call for participation.")
            )
            if st.button(_("Ask to join this network"), type="primary"):
                ui.run_action(
                    lambda: network_service.ask_to_join(db, user, network.id),
                    _("Your request was sent to the pilot city and the General Secretariat."),
                )
        elif mine is not None:
            st.write(_("Your city: {status}", status=_(MEMBER_STATUS_LABELS[mine])))
            if mine == MemberStatus.PARTICIPATING and st.button(_("Leave the network")):
                ui.run_action(
                    lambda: network_service.leave(db, user, network.id, user.city_id), _("Saved.")
                )
        if not members:
            st.info(_("No member city yet."))
        else:
            st.dataframe(
                pd.DataFrame(
                    [
                        {"city": m.city_name, "status": _(MEMBER_STATUS_LABELS[m.status])}
                        for m in members
                    ],
                    columns=["city", "status"],
                ),
                hide_index=True,
                width="stretch",
                column_config={"city": _("City"), "status": _("Status")},
            )
        if can_decide_membership(user, network):
            pending = [m for m in members if m.status in (MemberStatus.ASKED, MemberStatus.INVITED)]
            for member in pending:
                row = st.container(horizontal=True, vertical_alignment="center")
                row.write(
                    ui.literal(member.city_name) + " — " + _(MEMBER_STATUS_LABELS[member.status])
                )
                if row.button(_("Accept"), key=f"accept_{member.city_id}", type="primary"):
                    ui.run_action(
                        lambda m=member: network_service.decide(
                            db, user, network.id, m.city_id, True
                        ),
                        _("Saved."),
                    )
                if row.button(_("Decline"), key=f"decline_{member.city_id}"):
                    ui.run_action(
                        lambda m=member: network_service.decide(
                            db, user, network.id, m.city_id, False
                        ),
                        _("Saved."),
                    )
            known = {m.city_id for m in members} | {network.pilot_city_id}
            with st.form("invite_city"):
                city_id = st.selectbox(
                    _("Invite a city"),
                    [c for c in names if c not in known],
                    format_func=names.get,
                    index=None,
                    placeholder=_("Choose a city"),
                )
                if st.form_submit_button(_("Invite")) and city_id is not None:
                    ui.run_action(
                        lambda: network_service.invite(db, user, network.id, city_id), _("Saved.")
                    )
        advisors = network_service.advisors(db, user, network.id)
        st.markdown(
            _(
                "{label}: {value}",
                label="**" + _("Advisory Group members") + "**",
                value=ui.literal(", ".join(name for _id, name in advisors)) or "—",
            )
        )

if tab_plan.open:
    with tab_plan:
        view = network_service.plan_view(db, user, network.id)
        if view.revision is None:
            st.info(_("The action plan has not been submitted yet."))
        else:
            status = Status.APPROVED if view.approved else Status.SUBMITTED
            st.caption(
                _("Revision {n}", n=view.revision)
                + " · "
                + _(STATUS_LABELS[status])
                + " · "
                + (_("Full version") if view.full else _("Public version (call for participation)"))
            )
        if user.role == Role.SECRETARIAT or is_pilot(user, network):
            if st.button(_("Edit the action plan"), type="primary"):
                st.switch_page("pages/action_plan.py", query_params={"network": str(network.id)})
        row = st.container(horizontal=True)
        row.download_button(
            _("Public plan (PDF)"),
            lambda: network_service.plan_pdf(db, user, network.id, True, lang),
            file_name=f"plan-public-{network.id}.pdf",
            mime="application/pdf",
            icon=":material/picture_as_pdf:",
        )
        if view.full:
            row.download_button(
                _("Full plan (PDF)"),
                lambda: network_service.plan_pdf(db, user, network.id, False, lang),
                file_name=f"plan-full-{network.id}.pdf",
                mime="application/pdf",
                icon=":material/picture_as_pdf:",
            )
        if view.full or view.own_lines:
            row.download_button(
                _("Budget (XLSX)"),
                lambda: network_service.budget_xlsx(db, user, network.id, lang),
                file_name=f"budget-{network.id}.xlsx",
                icon=":material/table:",
            )
            row.download_button(
                _("Budget (CSV)"),
                lambda: network_service.budget_csv(db, user, network.id, lang),
                file_name=f"budget-{network.id}.csv",
                mime="text/csv",
                icon=":material/table:",
            )
        show_plan(view.plan, names, with_budget=view.full)
        if view.own_lines:
            st.markdown("#### " + _("Your city's contribution"))
            show_budget(view.own_lines, names)

if tab_calendar.open:
    with tab_calendar:
        view = network_service.plan_view(db, user, network.id)
        zone = reader_zone()
        st.download_button(
            _("Calendar (ICS)"),
            lambda: network_service.calendar_ics(db, user, network.id, lang),
            file_name=f"network-{network.id}.ics",
            mime="text/calendar",
            icon=":material/event:",
        )
        show_activities(view.plan)
        for table in network_service.round_tables(db, user, network.id):
            with st.container(border=True):
                st.markdown(
                    "**" + _("Round table {n}", n=table.number) + "** — " + ui.literal(table.theme)
                )
                host_zone = city_service.city_zone(db, user, table.host_city_id)
                st.write(three_times(table.starts_at, host_zone, table.host_city_name, zone))
                st.caption(
                    ui.literal(
                        table.host_name + " · " + table.host_title + " · " + table.host_city_name
                    )
                )

if tab_meetings.open:
    with tab_meetings:
        if can_plan(user, network.pilot_city_id):
            box = st.expander(_("Plan a meeting"), key="network_meeting_open", on_change="rerun")
            if box.open:  # built only when opened: the address book is long
                with box:
                    st.caption(
                        _(
                            "A preparatory meeting is virtual and lasts at most one hour, with "
                            "the pilot city's local experts, the Advisory Group and the General "
                            "Secretariat."
                        )
                    )
                    show_meeting_form(
                        user,
                        None,
                        {network.name: (network.id, network.pilot_city_id)},
                        "new_network_meeting",
                    )
        show_process_warnings(meeting_service.warnings(db, user, network.id), with_context=False)
        show_meeting_list(
            user,
            meeting_service.readable_meetings(db, user, network_id=network.id),
            reader_zone(),
            "network_meetings_table",
            with_context=False,
        )

if tab_workshop.open:
    with tab_workshop:
        show_workshop_view(user, network)

if tab_history.open:
    with tab_history:
        show_history(network_service.history(db, user, network.id))
