"""Refusals where the user looks: a place for the message beside the buttons of a form and one
beside each field, filled when a save or a submit is refused."""

from __future__ import annotations

import streamlit as st

from ovpm import i18n
from ovpm.domain.errors import ConflictError, DomainError, RowError, ValidationError
from ovpm.ui import error_text, flash_and_rerun, gettext, language, show_conflict_details


class FormMessages:
    """The message places of one form. Inside the form, call `field(key)` right after the
    widgets of a field and `buttons()` right before its buttons; after a refusal, `show(error)`
    puts the whole message above the buttons (where the user pressed) and each broken rule
    beside its own field."""

    def __init__(self) -> None:
        self._fields: dict[str, st.delta_generator.DeltaGenerator] = {}
        self._buttons = None

    def field(self, *keys: str) -> None:
        """The place for the messages of the fields `keys` ('challenges', 'themes',
        'elected_official'): a broken rule goes to the place of its longest matching key."""
        place = st.container()
        for key in keys:
            self._fields[key] = place

    def buttons(self) -> None:
        """The place for the whole message, just above the form's buttons."""
        self._buttons = st.container()

    def show(self, error: DomainError, heading: str | None = None) -> None:
        """The refusal above the buttons and beside each refused field. A conflict's stored
        version and its reload button follow where this is called (outside the form)."""
        with self._buttons if self._buttons is not None else st.container():
            st.error(error_text(error, heading), icon=":material/error:")
        if isinstance(error, ValidationError):
            self._show_beside_fields(error)
        if isinstance(error, ConflictError):
            show_conflict_details(error)

    def run(self, action, message: str) -> None:
        """Run one service call from this form: a refusal goes to the form's places, success
        shows `message` once on the next run (the form's twin of `ui.run_action`)."""
        try:
            action()
        except DomainError as error:
            self.show(error)
        else:
            flash_and_rerun(message)

    def _show_beside_fields(self, error: ValidationError) -> None:
        lang = language()
        for field_error in error.errors:
            place = self._place_of(field_error.field)
            if place is not None:
                place.error(i18n.field_error_text(field_error, lang), icon=":material/error:")

    def _place_of(self, field: str):
        parts = field.split(".")
        for length in range(len(parts), 0, -1):
            place = self._fields.get(".".join(parts[:length]))
            if place is not None:
                return place
        return None


def show_refused_rows(rows: list[RowError]) -> None:
    """The refused rows of an import: nothing was saved; each row with its line, field and
    reason in the reader's language."""
    _ = gettext()
    st.error(
        _(
            "Nothing was imported: {n} rows cannot be imported.",
            n=len({r.line for r in rows}),
        )
    )
    refused_rows_table(rows)


def refused_rows_table(rows: list[RowError]) -> None:
    """Line, field and reason of each refused row."""
    _ = gettext()
    lang = language()
    st.dataframe(
        [
            {
                "line": r.line,
                "field": i18n.field_label(r.field, lang),
                "reason": _(r.message, **r.params),
            }
            for r in rows
        ],
        hide_index=True,
        width="stretch",
        column_config={"line": _("Line"), "field": _("Field"), "reason": _("Reason")},
    )
