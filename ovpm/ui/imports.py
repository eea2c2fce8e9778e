"""The import screen's parts: the upload and its preview (the mapping of the headings, what each
row will do, the refused rows) and the confirmation."""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from ovpm import i18n
from ovpm.domain.errors import DomainError, ImportRefused
from ovpm.domain.imports import ROW_ACTION_LABELS, ImportTarget, RowAction
from ovpm.domain.models import User
from ovpm.services import imports as service
from ovpm.ui import arrow_table, db, form_key, gettext, language, saved_and_reset, show_error
from ovpm.ui.forms import refused_rows_table, show_refused_rows

EXAMPLE_COLUMNS = {
    ImportTarget.CITIES: "name, local_name, country, iso2, region, lat, lon, good_standing, "
    "language, timezone",
    ImportTarget.CONTACTS: "name, title, email, phone, city, organisation, kind, languages, "
    "expertise",
}


def uploaded_preview(user: User, target: ImportTarget) -> service.ImportPreview | None:
    """The file chosen for `target` and what importing it would do (kept while the file and
    the data stay the same); None before a file is chosen or when it cannot be read."""
    _ = gettext()
    st.caption(
        _(
            "Columns read: {columns}. Contacts are matched by e-mail, cities by name and "
            "country; a column the file does not have leaves that field as it is.",
            columns=EXAMPLE_COLUMNS[target],
        )
    )
    upload = st.file_uploader(
        _("File"), type=["csv", "xlsx"], key=form_key(f"import_file_{target}")
    )
    if upload is None:
        return None
    data = upload.getvalue()
    digest = hashlib.sha256(data).hexdigest()
    try:
        return db().derived(
            ("import_preview", target, digest, user.id),
            lambda: service.preview(db(), user, target, upload.name, data),
        )
    except DomainError as error:
        show_error(error)
        return None


def show_preview(plan: service.ImportPreview) -> None:
    """What needs the reader first: the counts and the refused rows (or the columns missing,
    with the headings' mapping)."""
    _ = gettext()
    lang = language()
    if plan.missing:
        st.error(
            _(
                "The file must have a column for: {fields}.",
                fields=", ".join(i18n.field_label(c, lang) for c in plan.missing),
            )
        )
        _mapping(plan)
        return
    refused_lines = len({r.line for r in plan.refused})
    counts = st.columns(4)
    for column, action in zip(counts, RowAction):
        column.metric(_(ROW_ACTION_LABELS[action]), i18n.format_number(plan.count(action), lang))
    counts[3].metric(_("Refused rows"), i18n.format_number(refused_lines, lang))
    if plan.refused:
        st.error(
            _(
                "{n} rows are refused: correct them in the file and choose it again. Nothing "
                "can be imported while a row is refused.",
                n=refused_lines,
            )
        )
        refused_rows_table(plan.refused)


def show_details(plan: service.ImportPreview) -> None:
    """The headings' mapping and every row's action (below the confirmation)."""
    _ = gettext()
    if plan.missing:
        return
    _mapping(plan)
    st.markdown("#### " + _("Rows"))
    st.dataframe(arrow_table(_rows_frame(plan)), hide_index=True, width="stretch")


def _mapping(plan: service.ImportPreview) -> None:
    """Each heading of the file and the field it fills."""
    _ = gettext()
    lang = language()
    st.markdown("#### " + _("Columns of the file"))
    st.dataframe(
        pd.DataFrame(
            [
                [heading, i18n.field_label(column, lang) if column else _("(not imported)")]
                for heading, column in plan.headings
            ],
            columns=[_("Heading in the file"), _("Field")],
        ),
        hide_index=True,
    )


def _rows_frame(plan: service.ImportPreview) -> pd.DataFrame:
    _ = gettext()
    lang = language()
    return pd.DataFrame(
        [
            [
                row.line,
                _(ROW_ACTION_LABELS[row.action]),
                row.record.name,
                ", ".join(i18n.field_label(f, lang) for f in row.changes),
            ]
            for row in plan.planned
        ],
        columns=[_("Line"), _("What happens"), _("Name"), _("Fields changed")],
    )


def confirm_button(user: User, plan: service.ImportPreview) -> None:
    """Import every row at once; offered only when no row is refused."""
    _ = gettext()
    if not st.button(
        _("Import {n} rows", n=len(plan.planned)),
        type="primary",
        disabled=not plan.ready,
        key="import_confirm",
    ):
        return
    upload = st.session_state.get(form_key(f"import_file_{plan.target}"))
    try:
        done = service.run_import(db(), user, plan.target, upload.name, upload.getvalue())
    except ImportRefused as refused:  # the data changed since the preview
        show_refused_rows(refused.rows)
    except DomainError as error:
        show_error(error)
    else:
        saved_and_reset(
            f"import_file_{plan.target}",
            _(
                "Imported: {created} created, {updated} updated, {unchanged} left alone.",
                created=done.count(RowAction.CREATE),
                updated=done.count(RowAction.UPDATE),
                unchanged=done.count(RowAction.UNCHANGED),
            ),
        )
