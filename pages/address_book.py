"""The shared address book: filter, export CSV and vCard; cities edit their own contacts."""

import dataclasses

import streamlit as st

from ovpm import i18n, ui
from ovpm.auth import require_role
from ovpm.domain.errors import DomainError
from ovpm.domain.models import CONTACT_KIND_LABELS, CONTACT_LANGUAGES, Contact, ContactKind, Role
from ovpm.services import cities as city_service
from ovpm.services import contacts as contact_service
from ovpm.services.contacts import ContactFilter
from ovpm.ui.navigation import roles_of

user = require_role(*roles_of("address_book"))
PAGE_ROWS = 200
_ = ui.gettext()
lang = ui.language()
db = ui.db()
city_names = city_service.city_names(db, user)


def kind_label(kind: str) -> str:
    return _(CONTACT_KIND_LABELS[ContactKind(kind)])


st.title(_("Address book"))
st.caption(
    _(
        "The shared address book of the programme: city officers, experts, the Advisory "
        "Group and the General Secretariat."
    )
)

with st.container(border=True):
    c1, c2, c3 = st.columns(3)
    text = c1.text_input(_("Search"), placeholder=_("Name, title or organisation"), key="ab_text")
    chosen_cities = c2.multiselect(
        _("City"),
        list(city_names),
        format_func=city_names.get,
        key="ab_cities",
        placeholder=_("Choose one or more"),
    )
    kinds = c3.multiselect(
        _("Kind"),
        [str(k) for k in ContactKind],
        format_func=kind_label,
        key="ab_kinds",
        placeholder=_("Choose one or more"),
    )
    c4, c5 = st.columns(2)
    expertise = c4.text_input(
        _("Field of expertise"), key="ab_expertise", placeholder=_("e.g. urban planning")
    )
    languages = c5.multiselect(
        _("Languages"),
        CONTACT_LANGUAGES,
        key="ab_languages",
        placeholder=_("Choose one or more"),
        format_func=lambda code: i18n.language_name(code, lang),
    )


def shown_rows(frame, page: int):
    """One page of the matching contacts as shown, in the reader's language."""
    visible = frame.iloc[(page - 1) * PAGE_ROWS : page * PAGE_ROWS]
    shown = visible.assign(
        kind=visible["kind"].map(kind_label),
        languages=visible["languages"].map(
            lambda codes: ", ".join(i18n.language_name(c, lang) for c in codes)
        ),
        expertise=visible["expertise"].map(", ".join),
        city=visible["city"].fillna(visible["organisation"]),
    )
    return ui.arrow_table(shown[list(COLUMNS)])


COLUMNS = {
    "name": _("Name"),
    "title": _("Title"),
    "city": _("City or organisation"),
    "kind": _("Kind"),
    "email": _("E-mail"),
    "phone": _("Phone"),
    "languages": _("Languages"),
    "expertise": _("Fields of expertise"),
}
where = ContactFilter(text, tuple(chosen_cities), tuple(kinds), expertise, tuple(languages))
frame = ui.kept(
    ("contacts", user.id, where), lambda: contact_service.search_contacts(db, user, where)
)

st.markdown(_("Contacts: {count}", count=i18n.format_number(len(frame), lang)))
# Large address books are shown a page at a time: sending thousands of rows on every rerun
# costs more than the search itself. The exports below hold every matching contact.
pages = max(1, -(-len(frame) // PAGE_ROWS))
page = 1
if pages > 1:
    page = st.number_input(_("Page"), min_value=1, max_value=pages, value=1, step=1, width=200)
    first = (page - 1) * PAGE_ROWS
    st.caption(
        _(
            "Contacts {first} to {last} of {count}.",
            first=first + 1,
            last=min(first + PAGE_ROWS, len(frame)),
            count=len(frame),
        )
    )
st.dataframe(
    ui.kept(("contact_rows", user.id, where, page), lambda: shown_rows(frame, page)),
    hide_index=True,
    width="stretch",
    column_config=COLUMNS,
    height=360,
)

d1, d2, _spacer = st.columns([1, 1, 3])
d1.download_button(
    _("Export CSV"),
    lambda: contact_service.export_csv(db, user, where),
    file_name="address-book.csv",
    mime="text/csv",
    icon=":material/download:",
)
d2.download_button(
    _("Export vCard"),
    lambda: contact_service.export_vcard(db, user, where),
    file_name="address-book.vcf",
    mime="text/vcard",
    icon=":material/contact_page:",
)


def contact_form(contact: Contact, key: str, editable_cities: dict[int, str]) -> Contact | None:
    """The create/edit form; returns the edited contact when submitted."""
    with st.form(key):
        a, b = st.columns(2)
        name = a.text_input(_("Name"), contact.name, max_chars=120)
        title = b.text_input(_("Title"), contact.title, max_chars=200)
        email = a.text_input(_("E-mail"), contact.email, max_chars=254)
        phone = b.text_input(_("Phone"), contact.phone, max_chars=25)
        city_ids = (
            [None, *editable_cities] if user.role == Role.SECRETARIAT else list(editable_cities)
        )
        city_id = a.selectbox(
            _("City"),
            city_ids,
            index=city_ids.index(contact.city_id) if contact.city_id in city_ids else 0,
            format_func=lambda i: _("— none (organisation) —") if i is None else editable_cities[i],
        )
        organisation = b.text_input(_("Organisation"), contact.organisation, max_chars=200)
        kind_values = [str(k) for k in ContactKind]
        kind = a.selectbox(
            _("Kind"),
            kind_values,
            index=kind_values.index(str(contact.kind)),
            format_func=kind_label,
        )
        spoken = b.multiselect(
            _("Languages"),
            CONTACT_LANGUAGES,
            default=list(contact.languages),
            placeholder=_("Choose one or more"),
            format_func=lambda code: i18n.language_name(code, lang),
        )
        expertise_text = st.text_input(
            _("Fields of expertise (separated by semicolons)"), "; ".join(contact.expertise)
        )
        if st.form_submit_button(_("Save"), type="primary"):
            return dataclasses.replace(
                contact,
                name=name,
                title=title,
                email=email,
                phone=phone,
                city_id=city_id,
                organisation=organisation,
                kind=ContactKind(kind),
                languages=tuple(spoken),
                expertise=tuple(t for t in expertise_text.split(";")),
            )
    return None


def editable_options(frame) -> dict[int, str]:
    """id → "name — title" of the matching contacts this user may edit."""
    editable = frame[frame["can_edit"]]
    return dict(zip(editable["id"], editable["name"] + " — " + editable["title"]))


def save(edited: Contact | None) -> None:
    if edited is None:
        return
    try:
        saved = contact_service.save_contact(db, user, edited)
    except DomainError as error:
        ui.show_error(error)
        return
    if edited.id is None:
        ui.saved_and_reset("contact_new", _("Saved: {name}", name=ui.literal(saved.name)))
    st.success(_("Saved: {name}", name=ui.literal(saved.name)))
    st.session_state.pop("contact_editing", None)


if user.role in (Role.SECRETARIAT, Role.CITY):
    editable_cities = (
        city_names if user.role == Role.SECRETARIAT else {user.city_id: city_names[user.city_id]}
    )
    st.divider()
    ui.show_flash()
    # only the open tab is built: the form of the other costs a few ms a rerun
    tab_edit, tab_new = st.tabs(
        [_("Edit a contact"), _("Add a contact")], key="contact_view", on_change="rerun"
    )
    if tab_edit.open:
        with tab_edit:
            options = ui.kept(("contact_options", user.id, where), lambda: editable_options(frame))
            chosen = st.selectbox(
                _("Contact"),
                list(options),
                format_func=options.get,
                index=None,
                placeholder=_("Choose a contact you may edit"),
                key="contact_pick",
            )
            if chosen is not None:
                opened = st.session_state.get("contact_editing")
                if opened is None or opened.id != chosen:
                    opened = contact_service.get_contact(db, user, int(chosen))
                    st.session_state["contact_editing"] = opened
                save(
                    contact_form(opened, f"contact_edit_{chosen}_{opened.version}", editable_cities)
                )
                with st.popover(_("Delete this contact")):
                    st.write(
                        _("Delete {name} from the address book?", name=ui.literal(opened.name))
                    )
                    if st.button(_("Delete"), type="primary", key=f"delete_{chosen}"):
                        try:
                            contact_service.delete_contact(db, user, opened.id, opened.version)
                        except DomainError as error:
                            ui.show_error(error)
                        else:
                            st.session_state.pop("contact_editing", None)
                            st.session_state.pop("contact_pick", None)
                            st.rerun()
    if tab_new.open:
        with tab_new:
            default_city = user.city_id if user.role == Role.CITY else None
            blank = Contact(None, "", "", "", "", default_city, "", ContactKind.LOCAL_EXPERT)
            save(contact_form(blank, ui.form_key("contact_new"), editable_cities))
