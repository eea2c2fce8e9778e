"""E-mail on the screens: each user's choices (My account) and the outbox's state with its
failures for the Secretariat (Users)."""

from __future__ import annotations

import streamlit as st

from ovpm import i18n
from ovpm.domain.errors import DomainError
from ovpm.domain.models import User
from ovpm.domain.notifications import (
    EVENT_LABELS,
    EVENTS_BY_ROLE,
    OUTBOX_STATUS_LABELS,
    Event,
    Preferences,
)
from ovpm.services import notifications as service
from ovpm.ui import db, flash_and_rerun, gettext, language, show_error, show_flash


def my_email_choices(user: User) -> None:
    """Which messages the user receives, or a daily digest; says when e-mail is off."""
    _ = gettext()
    st.markdown("##### " + _("E-mail notifications"))
    show_flash()
    if not service.mail_is_on():
        st.info(
            _(
                "E-mail is off: no mail server is configured for this hub. Your choices are "
                "kept for when it is."
            )
        )
    if not user.email:
        st.caption(_("Your account has no e-mail address: the Secretariat can add one."))
    chosen = service.my_preferences(db(), user)
    with st.form("account_email"):
        mode = st.radio(
            _("How"),
            ["each", "digest"],
            index=1 if chosen.digest else 0,
            format_func=lambda m: (
                _("One message per event") if m == "each" else _("One daily summary")
            ),
            horizontal=True,
        )
        offered = EVENTS_BY_ROLE[str(user.role)]
        wanted = st.multiselect(
            _("Tell me when"),
            offered,
            default=[e for e in offered if chosen.wants(e)],
            format_func=lambda e: _(EVENT_LABELS[e]),
            placeholder=_("No e-mail"),
        )
        if st.form_submit_button(_("Save my e-mail choices")):
            kept = {e for e in chosen.muted if Event(e) not in offered}  # of another role
            muted = frozenset(str(e) for e in offered if e not in wanted) | kept
            try:
                service.save_preferences(db(), user, Preferences(mode == "digest", muted))
            except DomainError as error:
                show_error(error)
            else:
                flash_and_rerun(_("Saved."))


def delivery_panel(user: User) -> None:
    """The outbox by status, the messages refused at least once, and a retry (Secretariat)."""
    _ = gettext()
    lang = language()
    st.markdown("#### " + _("E-mail delivery"))
    if not service.mail_is_on():
        st.info(_("E-mail is off: add an [smtp] table to the secrets file (see docs/DEPLOY.md)."))
    counts, troubles = service.delivery_state(db(), user)
    columns = st.columns(len(OUTBOX_STATUS_LABELS))
    for column, (status, label) in zip(columns, OUTBOX_STATUS_LABELS.items()):
        column.metric(_(label), i18n.format_number(counts.get(str(status), 0), lang))
    if troubles.empty:
        st.caption(_("No message has been refused by the mail server."))
        return
    shown = troubles.assign(
        status=troubles["status"].map(lambda s: _(OUTBOX_STATUS_LABELS.get(s, s)))
    )
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        column_config={
            "created_at": _("Queued at"),
            "email": _("E-mail"),
            "subject": _("Subject"),
            "status": _("Status"),
            "attempts": _("Attempts"),
            "last_error": _("Last error"),
            "next_attempt_at": _("Next attempt"),
        },
    )
    if counts.get("failed") and st.button(_("Send the failed messages again")):
        flash_and_rerun(_("{n} messages queued again.", n=service.retry_failed(db(), user)))
