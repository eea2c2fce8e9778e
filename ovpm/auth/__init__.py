"""Login, session cookies and the role guard every page starts with.

streamlit-authenticator signs the session cookie; who is signed in is re-checked against the
database on every run (ovpm.services.auth.session_user), so logout, a password change or
disabling a user ends all of that user's sessions, copied cookies included.
"""

from __future__ import annotations

import time

import streamlit as st
import streamlit_authenticator as stauth
from streamlit.errors import StreamlitAPIException

from ovpm import config, ui
from ovpm.domain.errors import LoginRefused, LoginThrottled
from ovpm.domain.models import Role, User
from ovpm.services import auth as auth_service

AUTH_STATUS, USERNAME, NAME = "authentication_status", "username", "name"
OPENED_AT = "ovpm_opened_at"
PENDING_COOKIE = "ovpm_set_cookie"
DELETE_COOKIE = "ovpm_delete_cookie"
LOGIN_MESSAGE = "ovpm_login_message"
ROUTER = "app.py"


def authenticator() -> stauth.Authenticate:
    """The cookie handler for this run (renders its invisible cookie component)."""
    return stauth.Authenticate(
        {"usernames": {}},
        config.COOKIE_NAME,
        config.cookie_key(),
        config.COOKIE_EXPIRY_DAYS,
        auto_hash=False,
        login_sleep_time=0,
    )


def _forget_session() -> None:
    for key in (AUTH_STATUS, USERNAME, NAME, OPENED_AT):
        st.session_state[key] = None


def _start_session(user: User, opened_at: float) -> None:
    st.session_state[AUTH_STATUS] = True
    st.session_state[USERNAME] = user.username
    st.session_state[NAME] = user.name
    st.session_state[OPENED_AT] = opened_at
    ui.set_language(user.language)


def session_user() -> User | None:
    """The signed-in user of this session, re-checked against the database, or None."""
    state = st.session_state
    if not state.get(AUTH_STATUS) or not state.get(USERNAME) or state.get(OPENED_AT) is None:
        return None
    user = auth_service.session_user(ui.db(), state[USERNAME], float(state[OPENED_AT]))
    if user is None:
        _forget_session()
    return user


def establish_session(handler: stauth.Authenticate) -> User | None:
    """Resume from a valid cookie, write the cookie of a fresh login, drop a revoked session."""
    if st.session_state.pop(PENDING_COOKIE, False):
        handler.cookie_controller.set_cookie()
    delete_cookie = st.session_state.pop(DELETE_COOKIE, False)
    user = session_user()
    if user is None:
        user, delete_cookie = _resume_from_cookie(handler, delete_cookie)
    if delete_cookie:
        handler.cookie_controller.delete_cookie()
    return user


def _resume_from_cookie(
    handler: stauth.Authenticate, delete_cookie: bool
) -> tuple[User | None, bool]:
    token = handler.cookie_controller.get_cookie()
    if not token:
        return None, delete_cookie
    opened_at = float(token["exp_date"]) - config.COOKIE_EXPIRY_DAYS * 86400
    user = auth_service.session_user(ui.db(), token["username"], opened_at)
    if user is None:
        return None, True
    _start_session(user, opened_at)
    return user, False


def _client_address() -> str:
    return str(getattr(st.context, "ip_address", None) or "unknown")


def _submit_login() -> None:
    _ = ui.gettext()
    state = st.session_state
    try:
        user = auth_service.login(
            ui.db(),
            state.get("login_username", ""),
            state.get("login_password", ""),
            _client_address(),
        )
    except LoginThrottled as error:
        state[LOGIN_MESSAGE] = _(
            "Too many failed attempts. Try again in {minutes} minutes.",
            minutes=error.retry_after_minutes,
        )
        return
    except LoginRefused:
        state[LOGIN_MESSAGE] = _("Unknown user name or wrong password.")
        return
    state["login_password"] = ""
    _start_session(user, time.time())
    # The cookie is written by the main run, not here: a component cannot render in a callback.
    state[PENDING_COOKIE] = True


def login_page() -> None:
    """The sign-in screen with its language picker."""
    _ = ui.gettext()
    left, middle, right = st.columns([1, 2, 1])
    with middle:
        st.title(_("Roadmap Hub"))
        st.caption(
            _(
                "Organization of World Heritage Cities — Quebec Roadmap towards the 17th "
                "World Congress"
            )
        )
        ui.language_picker("login_language")
        with st.form("login_form"):
            st.subheader(_("Sign in"))
            st.text_input(_("User name"), key="login_username", autocomplete="username")
            st.text_input(
                _("Password"),
                type="password",
                key="login_password",
                autocomplete="current-password",
            )
            st.form_submit_button(_("Sign in"), on_click=_submit_login, type="primary")
        message = st.session_state.pop(LOGIN_MESSAGE, None)
        if message:
            st.error(message)


def logout_button() -> None:
    """Sign out of every session of this user (cookie copies included)."""
    _ = ui.gettext()
    if st.button(_("Sign out"), key="ovpm_sign_out", width="stretch"):
        user = session_user()
        if user is not None:
            auth_service.logout(ui.db(), user)
        _forget_session()
        st.session_state[DELETE_COOKIE] = True
        st.rerun()


def _to_the_router() -> None:
    """A page run without the router (Streamlit runs a URL's file of pages/ by itself until a
    session of the server has run app.py): go to the router, whose login form then shows."""
    try:
        st.switch_page(ROUTER)
    except StreamlitAPIException:  # the router is not a page here (a test runs one page alone)
        pass


def require_role(*roles: Role) -> User:
    """First line of every page: stop unless signed in (re-checked) with one of these roles."""
    user = session_user()
    _ = ui.gettext()
    if user is None:
        st.warning(_("Please sign in to see this page."))
        st.markdown("[" + _("Sign in") + "](/)")
        _to_the_router()
        st.stop()
    if roles and user.role not in roles:
        st.error(_("Your role does not give access to this page."))
        st.stop()
    return user
