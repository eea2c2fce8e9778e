"""My account: name, language and password."""

import streamlit as st

from ovpm import i18n, ui
from ovpm.auth import require_role
from ovpm.domain.errors import DomainError, LoginRefused
from ovpm.domain.models import LANGUAGES, ROLE_LABELS
from ovpm.services import auth as auth_service
from ovpm.services import users as user_service
from ovpm.ui.navigation import roles_of
from ovpm.ui.notifications import my_email_choices

user = require_role(*roles_of("account"))
_ = ui.gettext()
db = ui.db()

st.title(_("My account"))
st.write(
    f"**{ui.literal(user.username)}** · {_(ROLE_LABELS[user.role])}"
    + (" · " + ui.literal(user.city_name) if user.city_name else "")
)

with st.form("account_profile"):
    name = st.text_input(_("Name"), user.name, max_chars=120)
    language = st.selectbox(
        _("Language"),
        LANGUAGES,
        index=LANGUAGES.index(user.language),
        format_func=i18n.LANGUAGE_NAMES.get,
    )
    if st.form_submit_button(_("Save"), type="primary"):
        try:
            saved = user_service.update_own_account(db, user, name, language)
        except DomainError as error:
            ui.show_error(error)
        else:
            ui.set_language(saved.language)
            st.rerun()

my_email_choices(user)

with st.form("account_password", clear_on_submit=True):
    st.markdown("##### " + _("Change my password"))
    st.caption(
        _(
            "12 to 128 characters; a long phrase of your own is best. Changing it signs you "
            "out everywhere, here too."
        )
    )
    current = st.text_input(_("Current password"), type="password")
    new = st.text_input(_("New password"), type="password")
    repeat = st.text_input(_("New password again"), type="password")
    if st.form_submit_button(_("Change my password")):
        if new != repeat:
            st.error(_("The two new passwords differ; nothing was changed."))
        else:
            try:
                auth_service.change_password(db, user, current, new)
            except LoginRefused:
                st.error(_("The current password is wrong; nothing was changed."))
            except DomainError as error:
                ui.show_error(error)
            else:
                st.success(_("Password changed. Please sign in again with the new one."))
                st.link_button(_("Sign in"), "/")
