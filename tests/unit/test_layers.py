"""The layering of ARCHITECTURE.md: only ovpm.ui and ovpm.auth import Streamlit; no SQL in pages."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_imports_no_streamlit():
    offenders = []
    for path in (ROOT / "ovpm").rglob("*.py"):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith(("ovpm/ui/", "ovpm/auth/")):
            continue
        if any(
            m == "streamlit" or m.startswith(("streamlit.", "streamlit_"))
            for m in imported_modules(path)
        ):
            offenders.append(relative)
    assert offenders == []


def test_domain_imports_neither_streamlit_nor_duckdb():
    for path in (ROOT / "ovpm" / "domain").rglob("*.py"):
        modules = imported_modules(path)
        assert not any(m.startswith(("streamlit", "duckdb", "pandas")) for m in modules), path


def test_pages_hold_no_sql_and_start_with_their_guard():
    for path in (ROOT / "pages").glob("*.py"):
        text = path.read_text("utf-8")
        assert "duckdb" not in text and ".execute(" not in text, path
        assert not re.search(r"\b(SELECT|INSERT INTO|DELETE FROM)\b", text), path
        statements = [
            node
            for node in ast.parse(text).body
            if not isinstance(node, (ast.Import, ast.ImportFrom))
            and not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))
        ]
        first = ast.unparse(statements[0])
        assert first.startswith("user = require_role("), (path, first)


def test_sql_is_never_built_from_f_strings():
    for path in (ROOT / "ovpm").rglob("*.py"):
        assert not re.search(r"execute\(\s*f[\"']", path.read_text("utf-8")), path


def test_no_user_html_is_rendered_unescaped():
    for path in [*(ROOT / "pages").glob("*.py"), *(ROOT / "ovpm").rglob("*.py"), ROOT / "app.py"]:
        assert "unsafe_allow_html=True" not in path.read_text("utf-8"), path


def test_services_and_ui_hold_no_sql():
    for folder in ("services", "ui", "domain", "pdf", "charts", "exports"):
        for path in (ROOT / "ovpm" / folder).rglob("*.py"):
            text = path.read_text("utf-8")
            assert ".execute(" not in text, path


def test_the_files_the_app_writes_beside_its_database_are_ignored_by_git():
    import subprocess

    from ovpm.config import attachments_dir_for

    root = Path(__file__).resolve().parents[2]
    written = attachments_dir_for(root / "data" / "ovpm.duckdb") / "letter.pdf"
    for path in (written, root / "data" / "ovpm.duckdb", root / "data" / "ovpm.duckdb.wal"):
        ignored = subprocess.run(["git", "check-ignore", "-q", str(path)], cwd=root)
        assert ignored.returncode == 0, path
