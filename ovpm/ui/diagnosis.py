"""Widgets of the shared diagnosis (four columns, filterable by city, its forms and exports) and
of the project seeds with their action groups."""

from __future__ import annotations

import streamlit as st

from ovpm.domain.diagnosis import (
    DIAGNOSIS_KIND_LABELS,
    SEED_STATUS_LABELS,
    DiagnosisEntry,
    DiagnosisKind,
    Process,
    ProcessAccess,
    ProjectSeed,
    SeedStatus,
    parse_tags,
)
from ovpm.services import diagnosis as service
from ovpm.services import meetings as meeting_service
from ovpm.ui import db, gettext, language, literal, run_action
from ovpm.ui.forms import FormMessages


def process_label(process: Process) -> str:
    _ = gettext()
    if process.network_id is not None:
        return _("Network: {name}", name=process.name)
    return _("{city}'s own process", city=process.name)


def kind_label(kind: str) -> str:
    return gettext()(DIAGNOSIS_KIND_LABELS[DiagnosisKind(kind)])


def show_diagnosis(user, process: Process, rights: ProcessAccess) -> None:
    """The four columns, the city filter, the exports and the forms."""
    _ = gettext()
    found = service.entries(db(), user, process)
    cities = sorted({e.brought_by_city for e in found if e.brought_by_city})
    city = st.selectbox(
        _("Brought by the city"), cities, index=None, placeholder=_("All cities"), key="diag_city"
    )
    shown = [e for e in found if city is None or e.brought_by_city == city]
    for column, kind in zip(st.columns(4), DiagnosisKind, strict=True):
        with column:
            st.markdown("#### " + kind_label(kind))
            of_kind = [e for e in shown if e.kind == kind]
            for entry in of_kind:
                with st.container(border=True):
                    st.text(entry.text)
                    who = " · ".join(p for p in (entry.brought_by_city, entry.brought_by_name) if p)
                    tags = ", ".join(entry.tags)
                    st.caption(literal(" — ".join(p for p in (who, tags) if p)) or "—")
            if not of_kind:
                st.caption(_("Nothing yet."))
    _exports(user, process)
    if rights.take_part:
        box = st.expander(_("Add to the diagnosis"), key="diag_add_open", on_change="rerun")
        if box.open:
            with box:
                _entry_form(user, process, None)
    if rights.edit and found:
        box = st.expander(_("Edit or merge entries"), key="diag_edit_open", on_change="rerun")
        if box.open:
            with box:
                _edit_and_merge(user, process, found)


def _exports(user, process: Process) -> None:
    _ = gettext()
    lang = language()
    row = st.container(horizontal=True)
    name = f"diagnosis-{process.network_id or 'city-' + str(process.city_id)}"
    row.download_button(
        "CSV",
        lambda: service.diagnosis_csv(db(), user, process, lang),
        file_name=f"{name}.csv",
        mime="text/csv",
        icon=":material/table:",
    )
    row.download_button(
        "XLSX",
        lambda: service.diagnosis_xlsx(db(), user, process, lang),
        file_name=f"{name}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/table_view:",
    )
    row.download_button(
        _("Diagnosis and seeds (PDF)"),
        lambda: service.diagnosis_and_seeds_pdf(db(), user, process, lang),
        file_name=f"{name}.pdf",
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
    )


def _entry_form(user, process: Process, entry: DiagnosisEntry | None) -> None:
    _ = gettext()
    people = meeting_service.people(db(), user)
    names = service.city_choices(db(), user, process)
    messages = FormMessages()
    key = f"diag_entry_{entry.id}_{entry.version}" if entry else "diag_entry_new"
    with st.form(key, clear_on_submit=entry is None):
        kind = st.segmented_control(
            _("Kind"),
            list(DiagnosisKind),
            default=entry.kind if entry else DiagnosisKind.OBSTACLE,
            format_func=kind_label,
            key=f"{key}_kind",
        )
        text = st.text_area(_("Text"), entry.text if entry else "", max_chars=1000)
        messages.field("text")
        left, right = st.columns(2)
        default_city = entry.brought_by_city_id if entry else user.city_id
        city = left.selectbox(
            _("Brought by the city"),
            list(names),
            index=list(names).index(default_city) if default_city in names else None,
            format_func=names.get,
            placeholder=_("Choose"),
        )
        person = right.selectbox(
            _("Brought by (person)"),
            list(people),
            index=list(people).index(entry.brought_by)
            if entry and entry.brought_by in people
            else None,
            format_func=people.get,
            placeholder=_("Choose"),
        )
        tags = st.text_input(
            _("Tags (separated by commas)"), ", ".join(entry.tags) if entry else ""
        )
        messages.field("tags")
        messages.buttons()
        if st.form_submit_button(_("Save"), type="primary"):
            value = DiagnosisEntry(
                entry.id if entry else None,
                process.network_id,
                process.city_id,
                DiagnosisKind(kind or DiagnosisKind.OBSTACLE),
                text.strip(),
                city,
                person or "",
                parse_tags(tags),
                version=entry.version if entry else 1,
            )
            save = service.edit_entry if entry else service.add_entry
            messages.run(lambda: save(db(), user, value), _("Saved."))


def _edit_and_merge(user, process: Process, found: list[DiagnosisEntry]) -> None:
    _ = gettext()
    by_id = {e.id: e for e in found}
    label = lambda i: f"{kind_label(by_id[i].kind)} · {by_id[i].text[:80]}"  # noqa: E731
    chosen = st.selectbox(_("Entry"), list(by_id), format_func=label, key="diag_edit_choice")
    if chosen is not None:
        _entry_form(user, process, by_id[chosen])
    st.markdown("**" + _("Merge entries") + "**")
    with st.form("diag_merge"):
        kept = st.selectbox(_("Entry kept"), list(by_id), format_func=label)
        merged = st.multiselect(
            _("Entries merged into it"),
            list(by_id),
            format_func=label,
            placeholder=_("Choose one or more"),
        )
        if st.form_submit_button(_("Merge")):
            run_action(
                lambda: service.merge_entries(
                    db(), user, kept, {i: by_id[i].version for i in merged if i in by_id}
                ),
                _("Merged."),
            )


# --- project seeds ---------------------------------------------------------------------------


def show_seeds(user, process: Process, rights: ProcessAccess) -> None:
    """Each seed with its need, the entries it answers, its action group and status."""
    _ = gettext()
    found = service.seeds(db(), user, process)
    entries = {e.id: e for e in service.entries(db(), user, process)}
    people = meeting_service.people(db(), user)
    if not found:
        st.info(_("No project seed yet."))
    for seed in found:
        with st.container(border=True):
            st.markdown("**" + literal(seed.title) + "** · " + _(SEED_STATUS_LABELS[seed.status]))
            st.caption(_("Need it answers"))
            st.text(seed.need or "—")
            linked = [entries[i].text for i in seed.diagnosis_ids if i in entries]
            if linked:
                st.caption(_("Diagnosis entries it answers"))
                st.text("\n".join("• " + t for t in linked))
            st.caption(_("What the action group will do"))
            st.text(seed.plan or "—")
            group = [people.get(k, k) for k in seed.group_people]
            contact = people.get(seed.contact_person, "")
            st.caption(
                _("Action group")
                + ": "
                + (literal(", ".join(group)) or "—")
                + (" · " + _("Contact person: {name}", name=literal(contact)) if contact else "")
            )
            if seed.decision_note:
                st.caption(_("Decision") + ": " + literal(seed.decision_note))
            if rights.edit:
                _status_form(user, seed)
    if rights.take_part:
        box = st.expander(_("Propose a project seed"), key="seed_new_open", on_change="rerun")
        if box.open:
            with box:
                _seed_form(user, process, list(entries.values()), people)


def _status_form(user, seed: ProjectSeed) -> None:
    _ = gettext()
    final = seed.status in (SeedStatus.PROMOTED, SeedStatus.DROPPED)
    if final:
        return
    with st.form(f"seed_status_{seed.id}_{seed.version}"):
        left, right = st.columns([1, 2])
        status = left.selectbox(
            _("Status"),
            list(SeedStatus),
            index=list(SeedStatus).index(seed.status),
            format_func=lambda s: _(SEED_STATUS_LABELS[s]),
        )
        note = right.text_input(_("Decision"), seed.decision_note, max_chars=1000)
        if st.form_submit_button(_("Save the status")):
            run_action(
                lambda: service.set_seed_status(db(), user, seed.id, seed.version, status, note),
                _("Saved."),
            )


def _seed_form(user, process: Process, entries: list[DiagnosisEntry], people: dict) -> None:
    _ = gettext()
    messages = FormMessages()
    with st.form("seed_new", clear_on_submit=True):
        title = st.text_input(_("Title of the seed"), max_chars=200)
        messages.field("seed_title")
        need = st.text_area(_("Need it answers"), max_chars=1000)
        linked = st.multiselect(
            _("Diagnosis entries it answers"),
            [e.id for e in entries],
            format_func=lambda i: next(
                f"{kind_label(e.kind)} · {e.text[:80]}" for e in entries if e.id == i
            ),
            placeholder=_("Choose one or more"),
        )
        plan = st.text_area(_("What the action group will do"), max_chars=5000)
        group = st.multiselect(
            _("Action group (address book and users)"),
            list(people),
            format_func=people.get,
            placeholder=_("Choose one or more"),
        )
        contact = st.selectbox(
            _("Contact person of the group"),
            list(people),
            index=None,
            format_func=people.get,
            placeholder=_("Choose"),
        )
        messages.field("contact_person")
        messages.buttons()
        if st.form_submit_button(_("Propose"), type="primary"):
            seed = ProjectSeed(
                None,
                process.network_id,
                process.city_id,
                title.strip(),
                need.strip(),
                tuple(linked),
                plan.strip(),
                tuple(group),
                contact or "",
            )
            messages.run(lambda: service.save_seed(db(), user, seed), _("Proposed."))
