"""Operator's command line: `python -m ovpm --help`."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import datetime
from pathlib import Path

from ovpm.config import ensure_secrets, settings
from ovpm.domain.errors import ValidationError
from ovpm.domain.rules import FIELD_LABELS
from ovpm.services import setup
from ovpm.store import bulk
from ovpm.store.backup import restore_backup, write_backup
from ovpm.store.db import DatabaseLocked, open_database


def _open():
    return open_database(settings().db_path)


def cmd_init(args: argparse.Namespace) -> int:
    ensure_secrets()
    db = _open()
    with db.reading() as cur:
        empty = bulk.is_empty(cur)
    if args.demo_if_new and empty:
        from ovpm.demo import create_demo

        counts = create_demo(db)
        print(
            f"Demo database created at {db.path}: {counts['cities']} cities, "
            f"{counts['contacts']} contacts, {counts['users']} accounts."
        )
        return 0
    if setup.start_empty(db):
        print(f"Empty database created at {db.path}: the programme cycle, no demo data.")
    else:
        print(f"Database ready at {db.path}.")
    if setup.needs_first_account(db):
        return _first_account(db, args)
    return 0


def _first_account(db, args: argparse.Namespace) -> int:
    """Ask for the first Secretariat account (or take it from the options and OVPM_ADMIN_PASSWORD),
    again until the rules hold."""
    if not (args.admin or sys.stdin.isatty()):
        print(
            "No Secretariat account yet: run `python -m ovpm init --admin NAME` (or "
            "`create-user … --role secretariat`) to create the first one.",
            file=sys.stderr,
        )
        return 1
    print("The first General Secretariat account:")
    while True:
        if args.admin:  # given as options: nothing is asked but the password, if not set
            username, name, email = args.admin, args.admin_name or "", args.admin_email or ""
        else:
            username, name, email = input("User name: "), input("Full name: "), input("E-mail: ")
        password = os.environ.get("OVPM_ADMIN_PASSWORD") or getpass.getpass(
            "Password (12 to 128 characters): "
        )
        try:
            user = setup.create_first_account(
                db, username, name, email, args.admin_language, password
            )
        except ValidationError as error:
            _print_errors(error)
            if args.admin:  # nothing to ask again: the options are wrong
                return 1
            continue
        print(f"Secretariat account {user.username} created; sign in with it.")
        return 0


def _print_errors(error: ValidationError) -> None:
    for e in error.errors:
        print(
            f"{FIELD_LABELS.get(e.field, e.field)}: {e.message.format(**e.params)}", file=sys.stderr
        )


def cmd_demo(args: argparse.Namespace) -> int:
    from ovpm.demo import create_demo

    path = settings().db_path
    if path.exists() and not args.replace:
        print(f"{path} exists; pass --replace to start a new demo database there.", file=sys.stderr)
        return 1
    if path.exists():
        open_database(path).close()  # refuses while the app holds the file
        path.unlink()
        Path(str(path) + ".wal").unlink(missing_ok=True)
    counts = create_demo(open_database(path), scale=args.scale)
    print(
        f"Demo database at {path} (scale {args.scale}): {counts['cities']} cities, "
        f"{counts['contacts']} contacts, {counts['audit']} audit rows, {counts['users']} accounts."
    )
    return 0


def cmd_create_user(args: argparse.Namespace) -> int:
    from ovpm.services.users import create_user
    from ovpm.store import cities

    db = _open()
    city_id = None
    if args.city:
        with db.reading() as cur:
            matches = [
                i for i, name in cities.names(cur).items() if name.lower() == args.city.lower()
            ]
        if not matches:
            print(f"No city named {args.city!r}.", file=sys.stderr)
            return 1
        city_id = matches[0]
    password = args.password or getpass.getpass("Password (12 to 128 characters): ")
    try:
        user = create_user(
            db,
            None,
            args.username,
            args.name,
            args.email or "",
            args.role,
            city_id,
            args.language,
            password,
        )
    except ValidationError as error:
        _print_errors(error)
        return 1
    print(f"User {user.username} ({user.role}) created.")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from ovpm.domain.errors import ImportRefused
    from ovpm.domain.imports import RowAction
    from ovpm.services import imports

    db = _open()
    actor = _operator(db, args.as_user)
    if actor is None:
        return 1
    path = Path(args.file)
    data = path.read_bytes()
    try:
        plan = imports.preview(db, actor, args.target, path.name, data)
    except ValidationError as error:
        _print_errors(error)
        return 1
    for heading, column in plan.headings:
        print(f"  {heading!r} -> {column or '(not imported)'}")
    if plan.missing:
        print(f"Missing columns: {', '.join(plan.missing)}", file=sys.stderr)
        return 1
    for refusal in plan.refused:
        message = refusal.message.format(**refusal.params)
        print(f"line {refusal.line}: {refusal.field}: {message}", file=sys.stderr)
    counts = {action: plan.count(action) for action in RowAction}
    print(
        f"{counts[RowAction.CREATE]} to create, {counts[RowAction.UPDATE]} to update, "
        f"{counts[RowAction.UNCHANGED]} left alone, {len({r.line for r in plan.refused})} "
        "rows refused."
    )
    if plan.refused:
        print("Nothing imported: correct the refused rows and run again.", file=sys.stderr)
        return 1
    if not args.yes and input("Import? [y/N] ").strip().lower() not in ("y", "yes", "o", "oui"):
        print("Nothing imported.")
        return 0
    try:
        imports.run_import(db, actor, args.target, path.name, data)
    except ImportRefused as refused:  # the data changed since the preview
        print(f"Nothing imported: {len(refused.rows)} refusals.", file=sys.stderr)
        return 1
    print("Imported.")
    return 0


def _operator(db, username: str | None):
    """The Secretariat account a command acts as (audited under its name)."""
    from ovpm.domain.models import Role
    from ovpm.store import users

    with db.reading() as cur:
        if username:
            user = users.find(cur, username)
        else:
            every = users.listing(cur)
            first = every[(every["role"] == Role.SECRETARIAT) & every["active"]]
            user = users.get(cur, int(first["id"].iloc[0])) if len(first) else None
    if user is None or user.role != Role.SECRETARIAT or not user.active:
        print("An active Secretariat account is needed (--as USER).", file=sys.stderr)
        return None
    return user


def cmd_remind(args: argparse.Namespace) -> int:
    from ovpm.services.notifications import mail_is_on
    from ovpm.services.reminders import remind

    if not mail_is_on():
        print("E-mail is off: no [smtp] host in the secrets file; nothing to send.")
        return 0
    try:
        done = remind(_open())
    except DatabaseLocked:
        from ovpm.services.app_requests import ask_app
        from ovpm.services.reminders import Reminded

        answer = ask_app(settings().db_path, "remind", {})
        if answer is None:
            print(
                "The app holds the database but did not answer within 3 minutes.", file=sys.stderr
            )
            return 2
        done = Reminded(**answer)
    print(
        f"{done.deadlines} deadline reminders and {done.digests} digests queued; "
        f"{done.sent} messages sent, {done.refused} refused (retried later)."
    )
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    config = settings()
    folder = config.db_path.parent / "backups"
    out = Path(args.out or folder / f"ovpm-{datetime.now():%Y%m%d-%H%M%S}.zip").resolve()
    try:
        write_backup(_open(), config.attachments_dir, out)
    except DatabaseLocked:  # the app runs: it writes the backup itself
        from ovpm.services.app_requests import ask_app

        if ask_app(config.db_path, "backup", {"out": str(out)}) is None:
            print(
                "The app holds the database but did not answer within 3 minutes.", file=sys.stderr
            )
            return 2
    print(f"Backup written to {out}.")
    if args.keep:
        for old in sorted(out.parent.glob("ovpm-*.zip"))[: -args.keep]:
            old.unlink()
            print(f"Removed the older backup {old.name}.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    config = settings()
    restore_backup(Path(args.file), config.db_path, config.attachments_dir)
    print(f"{config.db_path} restored from {args.file}.")
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="python -m ovpm",
        description=(
            "Roadmap Hub operator commands. The database is OVPM_DB (default data/ovpm.duckdb); "
            "while the app runs it holds the file, so stop it first or use the app's own pages."
        ),
    )
    sub = main.add_subparsers(dest="command", required=True)
    init = sub.add_parser(
        "init",
        help="create the database (empty, with the programme cycle) and the first Secretariat "
        "account; apply migrations",
    )
    init.add_argument(
        "--demo-if-new", action="store_true", help="fill a new database with demo data"
    )
    init.add_argument("--admin", help="user name of the first Secretariat account (else asked)")
    init.add_argument("--admin-name", help="its full name")
    init.add_argument("--admin-email", help="its e-mail")
    init.add_argument("--admin-language", default="fr", choices=["fr", "en", "es"])
    init.set_defaults(run=cmd_init)
    demo = sub.add_parser("demo", help="create a demo database")
    demo.add_argument(
        "--scale",
        type=int,
        default=1,
        help="multiply cities, contacts, audit rows, meetings, pilot projects and practices",
    )
    demo.add_argument("--replace", action="store_true", help="replace an existing database file")
    demo.set_defaults(run=cmd_demo)
    user = sub.add_parser("create-user", help="create an account")
    user.add_argument("username")
    user.add_argument("--name", required=True)
    user.add_argument("--role", required=True, choices=["secretariat", "city", "advisory"])
    user.add_argument("--city", help="the city's English name, for a city user")
    user.add_argument("--email")
    user.add_argument("--language", default="fr", choices=["fr", "en", "es"])
    user.add_argument("--password", help="asked for when left out")
    user.set_defaults(run=cmd_create_user)
    load = sub.add_parser(
        "import",
        help="import member cities or contacts from CSV/XLSX (preview, then all or nothing)",
    )
    load.add_argument("target", choices=["cities", "contacts"])
    load.add_argument("file")
    load.add_argument("--as", dest="as_user", help="the Secretariat account to act as")
    load.add_argument("--yes", action="store_true", help="import without asking once previewed")
    load.set_defaults(run=cmd_import)
    reminders = sub.add_parser(
        "remind", help="queue today's deadline reminders and digests, and send the outbox"
    )
    reminders.set_defaults(run=cmd_remind)
    backup = sub.add_parser("backup", help="write a zip of the database and its attachments")
    backup.add_argument("--out", help="the zip file to write")
    backup.add_argument(
        "--keep", type=int, default=0, help="keep only the N newest ovpm-*.zip backups beside it"
    )
    backup.set_defaults(run=cmd_backup)
    restore = sub.add_parser("restore", help="replace the database with a backup")
    restore.add_argument("file")
    restore.set_defaults(run=cmd_restore)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except DatabaseLocked as error:
        print(f"Database locked: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
