"""E-mail notifications against a real SMTP server (aiosmtpd on 127.0.0.1): the right people,
in their language, with the link; nothing for a rolled-back save; a failing server never breaks
a save and the message is retried; the users' choices and the digest; reminders sent once."""

import socket
import time
from datetime import timedelta
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller

from ovpm.domain.notifications import Event, Preferences
from ovpm.services import minutes as minutes_service
from ovpm.services import networks as network_service
from ovpm.services import notices, notifications, reminders, todo
from ovpm.services import submissions as service
from ovpm.services.users import create_user
from ovpm.store import notifications as outbox
from tests.services.test_meetings import plan, user_key, write
from tests.services.test_submissions import valid_sheet


class Inbox:
    """What the test SMTP server received."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        message = message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append((envelope.rcpt_tos, message))
        return "250 OK"

    def to(self, address: str) -> list:
        return [m for rcpt, m in self.messages if address in rcpt]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def write_secrets(path, port: int) -> None:
    path.write_text(
        'cookie_key = "x"\n[smtp]\nhost = "127.0.0.1"\n'
        f'port = {port}\nsecurity = "none"\nsender = "hub@owhc.example.org"\n'
        'app_url = "https://hub.example.org"\n',
        encoding="utf-8",
    )


@pytest.fixture
def inbox(tmp_path, monkeypatch):
    received = Inbox()
    port = free_port()
    controller = Controller(received, hostname="127.0.0.1", port=port)
    controller.start()
    secrets = tmp_path / "secrets.toml"
    write_secrets(secrets, port)
    monkeypatch.setenv("OVPM_SECRETS", str(secrets))
    yield received
    controller.stop()


@pytest.fixture
def city_users(db, actors):
    """Users with e-mails: a French officer of Bergen and a Spanish one of Havana."""
    from ovpm.services.cities import city_names

    ids = {name: i for i, name in city_names(db, actors["secretariat"]).items()}
    found = {}
    for key, city, language in (("bergen", "Bergen", "fr"), ("havana", "Havana", "es")):
        found[key] = create_user(
            db,
            actors["secretariat"],
            f"officer.{key}",
            f"Officer {city}",
            f"{key}@city.example.org",
            "city",
            ids[city],
            language,
            "a long enough phrase",
        )
    return found


def submit_sheet(db, actor):
    draft = service.start_submission(db, actor, "theme_sheet", actor.city_id)
    return service.submit(db, actor, draft.id, valid_sheet(), draft.version)


def test_a_submission_tells_the_secretariat_in_its_language_with_the_link(
    db, actors, city_users, inbox
):
    done = submit_sheet(db, city_users["havana"])
    assert notifications.deliver(db) == (1, 0)
    (message,) = inbox.to(actors["secretariat"].email)
    assert message["Subject"] == "Soumis pour examen : Fiche thématique — Havana"
    body = message.get_content()
    assert f"https://hub.example.org/submission?id={done.id}" in body
    assert body.startswith("Bonjour Agent du Secrétariat (démo),")
    assert inbox.to("havana@city.example.org") == []  # never to its own author


def test_changes_requested_and_approval_reach_the_city_in_spanish(db, actors, city_users, inbox):
    done = submit_sheet(db, city_users["havana"])
    service.request_changes(db, actors["secretariat"], done.id, done.version, "Añada un tema")
    notifications.deliver(db)
    (message,) = inbox.to("havana@city.example.org")
    assert message["Subject"].startswith("Cambios solicitados")
    assert "Añada un tema" in message.get_content()


def test_a_request_to_join_goes_to_the_pilot_city_and_its_answer_back(db, actors, inbox):
    bordeaux, cordoba = actors["bordeaux"], actors["cordoba"]
    network_id = 1  # the demo network piloted by Bordeaux
    assert network_service.get_network(db, bordeaux, network_id).pilot_city_id == bordeaux.city_id
    status = network_service.my_status(db, cordoba, network_id)
    if status is not None:
        network_service.leave(db, actors["secretariat"], network_id, cordoba.city_id)
    network_service.ask_to_join(db, cordoba, network_id)
    network_service.decide(db, bordeaux, network_id, cordoba.city_id, accept=True)
    notifications.deliver(db)
    (asked,) = inbox.to(bordeaux.email)
    assert "Córdoba" in asked["Subject"] and f"/network?id={network_id}" in asked.get_content()
    (answer,) = inbox.to(cordoba.email)
    assert "aceptada" in answer.get_content()


def test_nothing_is_sent_for_a_rolled_back_save(db, actors, city_users, inbox, monkeypatch):
    original = notices.submitted

    def tell_then_fail(cur, actor, submission):
        original(cur, actor, submission)
        raise RuntimeError("the save fails after the notice was queued")

    monkeypatch.setattr(notices, "submitted", tell_then_fail)
    with pytest.raises(RuntimeError):
        submit_sheet(db, city_users["bergen"])
    assert notifications.deliver(db) == (0, 0)
    with db.reading() as cur:
        assert outbox.status_counts(cur) == {}
    assert inbox.messages == []


def test_a_failing_server_never_breaks_a_save_and_the_message_is_retried(
    db, actors, city_users, inbox, tmp_path, monkeypatch
):
    live = tmp_path / "secrets.toml"
    dead = tmp_path / "dead.toml"
    write_secrets(dead, free_port())  # nothing listens there
    monkeypatch.setenv("OVPM_SECRETS", str(dead))
    started = time.perf_counter()
    submit_sheet(db, city_users["bergen"])
    assert time.perf_counter() - started < 5  # the save does not talk to the server
    assert notifications.deliver(db) == (0, 1)
    with db.reading() as cur:
        (trouble,) = outbox.troubles(cur).itertuples()
    assert trouble.attempts == 1 and trouble.status == "queued" and trouble.last_error
    assert notifications.deliver(db) == (0, 0)  # not before its retry time
    monkeypatch.setenv("OVPM_SECRETS", str(live))
    later = notifications.now() + timedelta(minutes=2)
    monkeypatch.setattr(notifications, "now", lambda: later)
    assert notifications.deliver(db) == (1, 0)
    assert len(inbox.to(actors["secretariat"].email)) == 1


def test_a_user_mutes_an_event_or_takes_a_daily_digest(db, actors, city_users, inbox):
    secretariat = actors["secretariat"]
    notifications.save_preferences(db, secretariat, Preferences(False, frozenset({"submitted"})))
    submit_sheet(db, city_users["bergen"])
    assert notifications.deliver(db) == (0, 0)
    notifications.save_preferences(db, secretariat, Preferences(True, frozenset()))
    submit_sheet(db, city_users["havana"])
    assert notifications.deliver(db) == (0, 0)  # held for the digest
    reminders.remind(db)
    (digest,) = inbox.to(secretariat.email)
    assert digest["Subject"].startswith("Votre résumé du jour")  # with any deadline of the day
    text = digest.get_content()
    assert "Havana" in text and text.count("Bonjour") == 1 and text.count("\n-- \n") == 1
    reminders.remind(db)
    assert len(inbox.to(secretariat.email)) == 1


def test_reminders_are_sent_once_per_item_and_day(db, actors, inbox, monkeypatch):
    bordeaux = actors["bordeaux"]
    item = next(i for i in todo.my_list(db, bordeaux) if i.due is not None)
    monkeypatch.setattr(reminders, "today", lambda: item.due - timedelta(days=7))
    first = reminders.remind(db)
    assert first.deadlines >= 1 and first.sent >= 1
    soon = [m for m in inbox.to(bordeaux.email) if m["Subject"].startswith("Échéance dans 7 jours")]
    assert any(item.subject in m["Subject"] for m in soon)
    after_first = len(inbox.to(bordeaux.email))
    again = reminders.remind(db)
    assert again.deadlines == 0 and len(inbox.to(bordeaux.email)) == after_first
    monkeypatch.setattr(reminders, "today", lambda: item.due + timedelta(days=1))
    reminders.remind(db)
    passed = [m for m in inbox.to(bordeaux.email) if m["Subject"].startswith("En retard")]
    assert any(item.subject in m["Subject"] for m in passed)


def test_without_an_smtp_server_nothing_is_queued(db, actors, city_users, tmp_path, monkeypatch):
    monkeypatch.setenv("OVPM_SECRETS", str(tmp_path / "none.toml"))
    assert not notifications.mail_is_on()
    submit_sheet(db, city_users["bergen"])
    with db.reading() as cur:
        assert outbox.status_counts(cur) == {}


def test_every_event_has_a_subject_and_a_body_in_every_language():
    from ovpm.domain.notifications import BODIES, EVENT_LABELS, EVENTS_BY_ROLE, SUBJECTS

    assert set(SUBJECTS) == set(BODIES) == set(EVENT_LABELS) == set(Event)
    assert set().union(*EVENTS_BY_ROLE.values()) == set(Event)


def test_the_sender_thread_sends_after_the_commit(db, actors, city_users, inbox):
    notifications.start_sender(db)
    try:
        submit_sheet(db, city_users["bergen"])  # returns before anything is sent
        deadline = time.monotonic() + 60
        while not inbox.to(actors["secretariat"].email) and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        notifications.stop_sender(db)
    assert len(inbox.to(actors["secretariat"].email)) == 1


def test_an_action_owner_and_the_invitees_of_circulated_minutes_are_told(db, actors, inbox):
    bordeaux, bruges, cordoba = actors["bordeaux"], actors["bruges"], actors["cordoba"]
    meeting = plan(db, bordeaux, invitees=(user_key(cordoba), user_key(bruges)))
    minutes = write(
        db, bordeaux, meeting, [("Share the flood map", user_key(bruges), "2024-03-20")]
    )
    # written again unchanged: the owner is not told twice
    minutes = write(
        db,
        bordeaux,
        meeting,
        [("Share the flood map", user_key(bruges), "2024-03-20")],
        version=minutes.version,
    )
    minutes_service.circulate(db, bordeaux, meeting.id, minutes.version)
    notifications.deliver(db)
    assigned = [m for m in inbox.to(bruges.email) if m["Subject"].startswith("Action qui vous")]
    assert len(assigned) == 1 and "20 mars 2024" in assigned[0].get_content()
    (circulated,) = inbox.to(cordoba.email)  # in Spanish, with the meeting's link
    assert circulated["Subject"].startswith("Acta para sus observaciones")
    assert f"/meeting?id={meeting.id}" in circulated.get_content()
    assert inbox.to(bordeaux.email) == []  # the writer is not told of their own act


def test_advice_of_the_advisory_group_reaches_the_city_and_the_secretariat(
    db, actors, city_users, inbox
):
    done = submit_sheet(db, city_users["havana"])
    notifications.deliver(db)
    inbox.messages.clear()
    service.add_comment(db, actors["advisory"], done.id, "Consider the port's heritage.")
    notifications.deliver(db)
    (city,) = inbox.to("havana@city.example.org")
    assert city["Subject"].startswith("Opinión del Grupo asesor")
    assert "Consider the port's heritage." in city.get_content()
    assert len(inbox.to(actors["secretariat"].email)) == 1


def test_who_receives_what_matrix(db, actors, city_users, inbox):
    """Each event reaches exactly the accounts that may read what it tells about (SPEC.md §1):
    never another city, never the Advisory Group for a city's business."""
    everyone = {u.email: key for key, u in {**actors, **city_users}.items() if u.email}

    def received() -> set[str]:
        notifications.deliver(db)
        found = {everyone[rcpt] for rcpts, _ in inbox.messages for rcpt in rcpts}
        inbox.messages.clear()
        return found

    havana, secretariat = city_users["havana"], actors["secretariat"]
    done = submit_sheet(db, havana)
    assert received() == {"secretariat"}
    returned = service.request_changes(db, secretariat, done.id, done.version, "More detail")
    assert received() == {"havana"}
    again = service.submit(db, havana, done.id, valid_sheet(), returned.version)
    assert received() == {"secretariat"}
    service.add_comment(db, actors["advisory"], done.id, "Advice")
    assert received() == {"havana", "secretariat"}
    service.approve(db, secretariat, done.id, again.version)
    assert received() == {"havana"}
    cordoba = actors["cordoba"]
    if network_service.my_status(db, cordoba, 1) is not None:
        network_service.leave(db, secretariat, 1, cordoba.city_id)
        received()
    network_service.ask_to_join(db, cordoba, 1)
    assert received() == {"bordeaux"}
    network_service.decide(db, actors["bordeaux"], 1, cordoba.city_id, accept=False)
    assert received() == {"cordoba"}
