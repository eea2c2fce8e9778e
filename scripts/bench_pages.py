"""Server-side rerun time of every page under each role (AppTest), beside an empty page.

Usage: .venv/bin/python scripts/bench_pages.py [--runs 20] [--scale 1]
It builds a fresh demo database in a temporary folder and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from ovpm.demo import create_demo  # noqa: E402
from ovpm.store.db import open_database  # noqa: E402
from ovpm.ui.navigation import SCREENS  # noqa: E402

ACCOUNTS = {"secretariat": "secretariat", "advisory": "advisory", "city": "bordeaux"}


def timed_runs(at: AppTest, runs: int) -> list[float]:
    at.run()  # warm-up: imports, caches, first query plans
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - start) * 1000)
        assert not at.exception, at.exception
    return times


def summary(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return statistics.median(ordered), ordered[max(0, int(round(0.95 * len(ordered))) - 1)]


def bordeaux_theme_sheet_id(database: Path) -> int:
    from ovpm.services.submissions import listing
    from ovpm.store import users

    db = open_database(database)
    with db.reading() as cur:
        secretariat = users.find(cur, "secretariat")
    frame = listing(db, secretariat, kinds=["theme_sheet"])
    found = int(frame[frame["city"] == "Bordeaux"].iloc[0]["id"])
    db.close()
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--pages", nargs="*", help="only these screens (keys), e.g. budget")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp())
    database = work / "bench.duckdb"
    create_demo(open_database(database), scale=args.scale)
    os.environ["OVPM_DB"] = str(database)
    os.environ.setdefault("OVPM_TODAY", "2024-03-01")
    detail_id = bordeaux_theme_sheet_id(database)
    empty = work / "empty_page.py"
    empty.write_text("import streamlit as st\n")
    floor_median, floor_p95 = summary(timed_runs(AppTest.from_file(str(empty)), args.runs))
    print(
        f"scale {args.scale}, {args.runs} runs each, empty page: median {floor_median:.1f} ms,"
        f" p95 {floor_p95:.1f} ms\n"
    )
    print("| page | role | median ms | p95 ms | × empty (median) |")
    print("|---|---|---|---|---|")
    for screen in SCREENS:
        if args.pages and screen.key not in args.pages:
            continue
        for role, username in ACCOUNTS.items():
            if role not in screen.roles:
                continue
            at = AppTest.from_file(str(ROOT / screen.path), default_timeout=60)
            at.session_state["authentication_status"] = True
            at.session_state["username"] = username
            at.session_state["ovpm_opened_at"] = time.time()
            if screen.key == "submission":  # the detail screen of a real submission
                at.query_params["id"] = str(detail_id)
            median, p95 = summary(timed_runs(at, args.runs))
            print(
                f"| {screen.key} | {role} | {median:.1f} | {p95:.1f} | "
                f"{median / floor_median:.1f} |"
            )


if __name__ == "__main__":
    main()
