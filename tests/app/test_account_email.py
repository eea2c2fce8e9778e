"""My account: a user chooses which e-mails they receive, or a daily summary; the screen says
when e-mail is off; only the events of the user's role are offered."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from ovpm.domain.notifications import Event
from ovpm.services import notifications
from tests.conftest import signed_in_state

ROOT = Path(__file__).resolve().parents[2]


def account_page(username: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / "account.py"), default_timeout=30)
    for name, value in signed_in_state(username).items():
        at.session_state[name] = value
    return at.run()


def test_a_city_user_takes_a_daily_summary_without_approvals(db, db_path, actors, monkeypatch):
    monkeypatch.setenv("OVPM_SECRETS", str(db_path.parent / "no-mail.toml"))
    at = account_page("bordeaux")
    assert "Le courriel est désactivé" in at.info[0].value
    choices = at.multiselect[0]
    assert Event.SUBMITTED not in choices.options and len(choices.value) == len(choices.options)
    at.radio[0].set_value("digest")
    choices.set_value([e for e in choices.value if e != Event.APPROVED])
    at.button[1].click().run()  # the e-mail form's button (the profile form's is first)
    assert not at.exception
    chosen = notifications.my_preferences(db, actors["bordeaux"])
    assert chosen.digest and chosen.muted == frozenset({"approved"})
