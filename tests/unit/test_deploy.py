"""The container image: it builds and serves the login page where a Docker engine runs; the
files it copies exist everywhere."""

import re
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_every_file_the_image_copies_exists():
    sources = re.findall(r"^COPY (\S+)", (ROOT / "Dockerfile").read_text(), re.MULTILINE)
    assert sources and all((ROOT / s).exists() for s in sources), sources


def _engine() -> bool:
    if shutil.which("docker") is None:
        return False
    return subprocess.run(["docker", "info"], capture_output=True).returncode == 0


@pytest.mark.skipif(not _engine(), reason="no Docker engine runs on this machine (docker info)")
def test_the_image_builds_and_serves_the_login_page(tmp_path):
    tag = "roadmap-hub-test"
    subprocess.run(["docker", "build", "-t", tag, str(ROOT)], check=True, timeout=1800)
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('cookie_key = "' + "k" * 48 + '"\n')
    container = subprocess.run(
        ["docker", "run", "-d", "-p", "127.0.0.1:18501:8501"]
        + ["-v", f"{secrets}:/data/secrets.toml:ro", tag],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    try:
        for _ in range(120):
            try:
                with urllib.request.urlopen("http://127.0.0.1:18501/_stcore/health") as answer:
                    if answer.status == 200:
                        break
            except OSError:
                time.sleep(1)
        with urllib.request.urlopen("http://127.0.0.1:18501/") as page:
            assert page.status == 200
    finally:
        subprocess.run(["docker", "rm", "-f", container], capture_output=True)
