"""Roadmap Hub: the router and the frame (page config, login, role-filtered navigation)."""

import streamlit as st

from ovpm import auth, ui
from ovpm.domain.models import ROLE_LABELS
from ovpm.ui.navigation import SCREENS, screens_for

st.set_page_config(
    page_title="Roadmap Hub · OVPM", page_icon=":material/account_balance:", layout="wide"
)

ui.page_style()
handler = auth.authenticator()
user = auth.establish_session(handler)
_ = ui.gettext()

if user is None:
    # Every screen's address shows the login form (no "page not found"); once signed in, the
    # visitor is on the screen the address named.
    navigation = st.navigation(
        [
            st.Page(auth.login_page, title=_("Sign in"), url_path=path, default=path == "login")
            for path in ("login", *(screen.key for screen in SCREENS))
        ],
        position="hidden",
    )
else:
    sections: dict[str, list] = {}
    for screen in screens_for(user.role):
        page = st.Page(
            screen.path,
            title=_(screen.title),
            icon=screen.icon,
            default=screen.key == "home",
            visibility="hidden" if screen.hidden else "visible",
        )
        sections.setdefault(_(screen.section) if screen.section else "", []).append(page)
    # The menu is drawn by ui.navigation_menu: Streamlit's own is turned off in
    # .streamlit/config.toml, since before any session ran this file it lists every file of pages/.
    navigation = st.navigation(sections, position="hidden")
    with st.sidebar:
        ui.navigation_menu(sections)
        st.divider()
        st.markdown("**" + ui.literal(user.name) + "**")
        st.caption(
            _(ROLE_LABELS[user.role])
            + (" · " + ui.literal(user.city_name) if user.city_name else "")
        )
        auth.logout_button()

ui.run_page(navigation)
