"""Users (General Secretariat only): create accounts, change role and city, disable, reset."""

import dataclasses

import streamlit as st

from ovpm import i18n, ui
from ovpm.auth import require_role
from ovpm.domain.errors import DomainError
from ovpm.domain.models import LANGUAGES, ROLE_LABELS, Role
from ovpm.services import cities as city_service
from ovpm.services import users as user_service
from ovpm.ui.navigation import roles_of
from ovpm.ui.notifications import delivery_panel

user = require_role(*roles_of("users"))
_ = ui.gettext()
db = ui.db()
city_names = city_service.city_names(db, user)
ROLES = [str(r) for r in Role]


def role_label(role: str) -> str:
    return _(ROLE_LABELS[Role(role)])


def city_label(city_id: int | None) -> str:
    return _("— none —") if city_id is None else city_names[city_id]


st.title(_("Users"))
st.caption(_("Each person has exactly one role; a city user belongs to exactly one city."))


def users_display() -> tuple:
    """The accounts (ids), as shown, and the picker's labels."""
    frame = user_service.list_users(db, user)
    shown = frame.assign(
        role=frame["role"].map(role_label),
        city=frame["city"].fillna("—"),
        language=frame["language"].map(i18n.LANGUAGE_NAMES.get),
        active=frame["active"].map({True: _("Yes"), False: _("No")}),
    )
    options = dict(zip(frame["id"], frame["username"] + " — " + frame["name"]))
    return ui.arrow_table(shown[list(COLUMNS)]), options


COLUMNS = {
    "username": _("User name"),
    "name": _("Name"),
    "email": _("E-mail"),
    "role": _("Role"),
    "city": _("City"),
    "language": _("Language"),
    "active": _("Active"),
}
table, options = ui.kept(("users",), users_display)
st.dataframe(table, hide_index=True, width="stretch", column_config=COLUMNS)


def run(action) -> bool:
    try:
        action()
    except DomainError as error:
        ui.show_error(error)
        return False
    st.success(_("Saved."))
    return True


ui.show_flash()
tab_new, tab_edit = st.tabs(
    [_("Create a user"), _("Edit a user")], key="user_view", on_change="rerun"
)  # only the open tab is built
if tab_new.open:
    with tab_new:
        with st.form(ui.form_key("user_new")):
            a, b = st.columns(2)
            username = a.text_input(_("User name"), max_chars=40)
            name = b.text_input(_("Name"), max_chars=120)
            email = a.text_input(_("E-mail"), max_chars=254)
            language = b.selectbox(_("Language"), LANGUAGES, format_func=i18n.LANGUAGE_NAMES.get)
            role = a.selectbox(_("Role"), ROLES, format_func=role_label)
            city_id = b.selectbox(
                _("City (city users only)"), [None, *city_names], format_func=city_label
            )
            password = st.text_input(_("Initial password (12 to 128 characters)"), type="password")
            if st.form_submit_button(_("Create"), type="primary") and run(
                lambda: user_service.create_user(
                    db, user, username, name, email, role, city_id, language, password
                )
            ):
                ui.saved_and_reset("user_new", _("Saved: {name}", name=ui.literal(username)))

if tab_edit.open:
    with tab_edit:
        chosen = st.selectbox(
            _("User"),
            list(options),
            format_func=options.get,
            index=None,
            placeholder=_("Choose a user"),
            key="user_pick",
        )
        if chosen is not None:
            opened = st.session_state.get("user_editing")
            if opened is None or opened.id != chosen:
                opened = user_service.get_user(db, user, int(chosen))
                st.session_state["user_editing"] = opened
            with st.form(f"user_edit_{chosen}_{opened.version}"):
                a, b = st.columns(2)
                name = a.text_input(_("Name"), opened.name, max_chars=120)
                email = b.text_input(_("E-mail"), opened.email, max_chars=254)
                role = a.selectbox(
                    _("Role"), ROLES, index=ROLES.index(str(opened.role)), format_func=role_label
                )
                city_ids = [None, *city_names]
                city_id = b.selectbox(
                    _("City (city users only)"),
                    city_ids,
                    index=city_ids.index(opened.city_id),
                    format_func=city_label,
                )
                language = a.selectbox(
                    _("Language"),
                    LANGUAGES,
                    index=LANGUAGES.index(opened.language),
                    format_func=i18n.LANGUAGE_NAMES.get,
                )
                active = b.checkbox(
                    _("Active (unticking it signs the user out everywhere)"), value=opened.active
                )
                if st.form_submit_button(_("Save"), type="primary"):
                    edited = dataclasses.replace(
                        opened,
                        name=name,
                        email=email,
                        role=Role(role),
                        city_id=city_id,
                        language=language,
                        active=active,
                    )
                    if run(lambda: user_service.update_user(db, user, edited)):
                        st.session_state.pop("user_editing", None)
            with st.form(f"user_password_{chosen}", clear_on_submit=True):
                st.markdown("##### " + _("Reset the password"))
                new_password = st.text_input(
                    _("New password (12 to 128 characters)"), type="password"
                )
                if st.form_submit_button(_("Reset the password")):
                    run(lambda: user_service.reset_password(db, user, int(chosen), new_password))

st.divider()
delivery_panel(user)
