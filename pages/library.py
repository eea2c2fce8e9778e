"""The library of good practices: the published Mission4City reports, searched by words in any
language (accents and case aside) and filtered by region, country, axis, field of expertise and
year; each practice with its report's PDF. Open to every signed-in user."""

import streamlit as st

from ovpm import ui
from ovpm.auth import require_role
from ovpm.domain.errors import NotFound
from ovpm.ui.library import show_practice, show_search
from ovpm.ui.navigation import roles_of

user = require_role(*roles_of("library"))
_ = ui.gettext()
db = ui.db()

st.title(_("Library of good practices"))
st.caption(
    _(
        "What the Mission4City missions taught, published by the General Secretariat for "
        "every member city."
    )
)
chosen = st.query_params.get("practice")
if chosen:
    try:
        show_practice(user, int(chosen))
    except (ValueError, NotFound):
        st.warning(_("This practice is not in the library."))
else:
    show_search(user)
