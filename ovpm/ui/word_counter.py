"""A live word counter for the text areas of a form (a components-v2 script, no build step)."""

from __future__ import annotations

from importlib import resources

import streamlit as st

from ovpm.domain.submissions import WORD_SEPARATORS

_SCRIPT = resources.files("ovpm.ui").joinpath("word_counter.js").read_text("utf-8")
_counter = st.components.v2.component("ovpm_word_counter", html="<span></span>", js=_SCRIPT)


def live_word_counts(fields: dict[str, int], template: str, key: str) -> None:
    """Show 'n / limit words' under each text area labelled as a key of `fields`, updated as
    the user types; the same limits are enforced by the services on submit."""
    _counter(
        data={
            "fields": [{"label": label, "limit": limit} for label, limit in fields.items()],
            "template": template,
            "separators": WORD_SEPARATORS,
        },
        key=key,
    )
