"""Who comes to a workshop and what it costs: the participants from the address book, the
expert matching of the Secretariat (a person always confirms), and the workshop's budget lines."""

from __future__ import annotations

import streamlit as st

from ovpm import i18n
from ovpm.domain.models import Role
from ovpm.domain.workshops import (
    FUNDED_LIMITS,
    PARTICIPANT_ROLE_LABELS,
    Participant,
    ParticipantRole,
)
from ovpm.services import contacts as contact_service
from ovpm.services import workshop_costs
from ovpm.services import workshops as service
from ovpm.services.contacts import ContactFilter
from ovpm.ui import db, gettext, kept, language, literal, rows_table, run_action
from ovpm.ui.budget import show_cost_form, show_cost_lines
from ovpm.ui.forms import FormMessages

MATCHED_ROLES = (ParticipantRole.INTERNATIONAL_EXPERT, ParticipantRole.ADVISORY_MEMBER)
SHOWN_CANDIDATES = 8


def show_participants(user, workshop, network, organiser: bool) -> None:
    """The list; the organisers add and remove people; the Secretariat sees the matching."""
    _ = gettext()
    people = service.participants(db(), user, workshop.id)
    if not people:
        st.info(_("No participant yet."))
    else:
        st.dataframe(
            kept(
                ("participants", workshop.id, tuple(people)),
                lambda: rows_table(
                    [
                        {
                            "name": p.name,
                            "city": p.city_name,
                            "role": _(PARTICIPANT_ROLE_LABELS[p.role]),
                            "funded": p.funded,
                            "agreement": p.agreement,
                        }
                        for p in people
                    ],
                    ["name", "city", "role", "funded", "agreement"],
                ),
            ),
            hide_index=True,
            width="stretch",
            column_config={
                "name": _("Name"),
                "city": _("City"),
                "role": _("Role"),
                "funded": st.column_config.CheckboxColumn(_("Funded by the General Secretariat")),
                "agreement": _("Funding agreement"),
            },
        )
    if not organiser:
        return
    # built only when opened: matching and the address book are the heavy parts of the view
    if user.role == Role.SECRETARIAT:
        box = st.expander(
            _("Find candidates in the address book"),
            key="workshop_matching_open",
            on_change="rerun",
        )
        if box.open:
            with box:
                show_matching(user, workshop)
    box = st.expander(
        _("Add a participant from the address book"), key="workshop_add_open", on_change="rerun"
    )
    if box.open:
        with box:
            show_add_form(user, workshop, people)


def show_matching(user, workshop) -> None:
    """Candidates from the address book ranked for the network, with the reason of each rank
    and the conflicts; adding one is the Secretariat's own choice."""
    _ = gettext()
    role = st.segmented_control(
        _("Find candidates"),
        list(MATCHED_ROLES),
        default=MATCHED_ROLES[0],
        format_func=lambda r: _(PARTICIPANT_ROLE_LABELS[r]),
        key=f"matching_role_{workshop.id}",
    )
    if role is None:
        return
    found = service.candidates(db(), user, workshop.id, role)
    limit = FUNDED_LIMITS[role]
    places = limit - sum(
        p.funded for p in service.participants(db(), user, workshop.id) if p.role == role
    )
    st.caption(
        _("Places funded by the General Secretariat left: {n} of {max}", n=places, max=limit)
    )
    if not found:
        st.info(_("No one of this kind in the address book is left to add."))
        return
    for candidate in found[:SHOWN_CANDIDATES]:
        with st.container(border=True):
            row = st.container(horizontal=True, vertical_alignment="center")
            text = row.container()
            text.markdown("**" + literal(candidate.contact.name) + "**")
            text.caption(reason_text(candidate))
            for conflict in conflict_texts(candidate):
                text.warning(conflict, icon=":material/warning:")
            funded = row.checkbox(
                _("Funded"),
                value=places > 0 and not candidate.local and not candidate.busy_with,
                # a new key when the places left change: the default follows them
                key=f"fund_{workshop.id}_{candidate.contact.id}_{places}",
            )
            if row.button(_("Add"), key=f"add_{workshop.id}_{candidate.contact.id}"):
                run_action(
                    lambda c=candidate, f=funded: service.add_participant(
                        db(), user, workshop.id, Participant(c.contact.id, role, f)
                    ),
                    _("Added."),
                )


def reason_text(candidate) -> str:
    """'expertise: flood risk, heritage quays; speaks French' in the reader's language."""
    _ = gettext()
    parts = []
    if candidate.expertise:
        parts.append(_("expertise: {fields}", fields=literal(", ".join(candidate.expertise))))
    if candidate.languages:
        names = ", ".join(i18n.language_name(code, language()) for code in candidate.languages)
        parts.append(_("speaks {languages}", languages=names))
    score = _("score {n}", n=candidate.score)
    return score + " · " + ("; ".join(parts) if parts else _("no field of expertise fits"))


def conflict_texts(candidate) -> list[str]:
    _ = gettext()
    found = []
    if candidate.local:
        found.append(_("Belongs to the pilot city: a local expert, not a funded one."))
    if candidate.busy_with:
        found.append(
            _(
                "Already funded for another workshop in the same period: {network}.",
                network=literal(candidate.busy_with),
            )
        )
    return found


def _contact_labels(user) -> dict[int, str]:
    """Everyone of the shared address book (public to every signed-in user), by id."""
    contacts = contact_service.search_contacts(db(), user, ContactFilter())
    return dict(
        zip(
            contacts["id"].astype(int),
            contacts["name"] + " — " + contacts["city"].fillna("").astype(str),
        )
    )


def show_add_form(user, workshop, people) -> None:
    """Add anyone of the address book in a role; funding and agreements are the Secretariat's."""
    _ = gettext()
    listed = {p.contact_id for p in people}
    labels = {
        contact_id: label
        for contact_id, label in kept(("contact_labels",), lambda: _contact_labels(user)).items()
        if contact_id not in listed
    }
    secretariat = user.role == Role.SECRETARIAT
    messages = FormMessages()
    with st.form(f"add_participant_{workshop.id}", clear_on_submit=False):
        contact_id = st.selectbox(
            _("Person"), list(labels), index=None, format_func=labels.get, placeholder=_("Choose")
        )
        role = st.selectbox(
            _("Role"),
            list(ParticipantRole),
            format_func=lambda r: _(PARTICIPANT_ROLE_LABELS[r]),
        )
        messages.field("role")
        funded = agreement = None
        if secretariat:
            funded = st.checkbox(_("Funded by the General Secretariat (travel and accommodation)"))
            agreement = st.text_input(
                _("Funding agreement for a member city's representative (optional)"),
                max_chars=200,
            )
        messages.field("funded", "agreement")
        messages.buttons()
        if st.form_submit_button(_("Add"), type="primary"):
            if contact_id is None:
                st.error(_("Choose a person first."))
                return
            messages.run(
                lambda: service.add_participant(
                    db(),
                    user,
                    workshop.id,
                    Participant(int(contact_id), role, bool(funded), agreement or ""),
                ),
                _("Added."),
            )
    if people:
        with st.expander(_("Remove a participant")):
            names = {p.contact_id: p.name for p in people}
            chosen = st.selectbox(
                _("Person"), list(names), format_func=names.get, key=f"remove_{workshop.id}"
            )
            if st.button(_("Remove"), key=f"remove_button_{workshop.id}"):
                run_action(
                    lambda: service.remove_participant(db(), user, workshop.id, chosen),
                    _("Removed."),
                )


def show_costs(user, workshop, lines, organiser: bool) -> None:
    """The workshop's budget lines (they also show in Budget tracking); the Secretariat adds
    the lines it funds, the pilot city its own contributions."""
    _ = gettext()
    show_cost_lines(lines, ("workshop_costs", workshop.id))
    if not organiser:
        return
    box = st.expander(_("Add a cost"), key="workshop_cost_open", on_change="rerun")
    if box.open:
        with box:
            show_cost_form(
                f"workshop_cost_{workshop.id}",
                workshop_costs.COST_FUNDERS if user.role == Role.SECRETARIAT else ("pilot_city",),
                lambda *cost: workshop_costs.add_cost(db(), user, workshop.id, *cost),
            )
