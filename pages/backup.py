"""Backup (General Secretariat only): download the whole database and its attachments."""

import streamlit as st

from ovpm import clock, ui
from ovpm.auth import require_role
from ovpm.services.backup import backup_archive
from ovpm.ui.navigation import roles_of

user = require_role(*roles_of("backup"))
_ = ui.gettext()
db = ui.db()

st.title(_("Backup"))
st.write(
    _(
        "One zip file holds the whole database and every attachment. Keep it somewhere safe: "
        "it contains personal data of the address book."
    )
)
st.download_button(
    _("Download a full backup"),
    lambda: backup_archive(db, user),
    file_name=f"roadmap-hub-backup-{clock.now_utc():%Y%m%d-%H%M}.zip",
    mime="application/zip",
    type="primary",
    icon=":material/download:",
)
st.caption(
    _(
        "To restore a backup, stop the app and run: python -m ovpm restore FILE.zip "
        "(the current database is replaced)."
    )
)
