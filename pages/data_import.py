"""Import (General Secretariat): member cities or address-book contacts from a CSV or XLSX file,
previewed row by row, then written all at once."""

import streamlit as st

from ovpm import ui
from ovpm.auth import require_role
from ovpm.domain.imports import IMPORT_TARGET_LABELS, ImportTarget
from ovpm.ui.imports import confirm_button, show_details, show_preview, uploaded_preview
from ovpm.ui.navigation import roles_of

user = require_role(*roles_of("data_import"))
_ = ui.gettext()

st.title(_("Import"))
st.write(
    _(
        "Load the member cities or the address book from a spreadsheet (CSV — comma or "
        "semicolon, UTF-8 or Latin-1 — or XLSX). Headings in French, English or Spanish are "
        "matched to the fields; every row is checked with the forms' rules. Nothing is saved "
        "until you confirm, and then every row is saved, or none."
    )
)
ui.show_flash()
target = st.segmented_control(
    _("What to import"),
    list(ImportTarget),
    default=ImportTarget.CITIES,
    format_func=lambda t: _(IMPORT_TARGET_LABELS[t]),
    key="import_target",
    required=True,
)
plan = uploaded_preview(user, ImportTarget(target))
if plan is not None:
    show_preview(plan)
    confirm_button(user, plan)
    show_details(plan)
