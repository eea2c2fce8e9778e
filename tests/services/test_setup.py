"""A real start from the command line: `init` on a new file gives an empty hub (the cycle, no
demo data) and its first Secretariat account; `import` previews, refuses a file with a wrong
row (nothing written), then imports the corrected one."""

import pytest

from ovpm.__main__ import main
from ovpm.services import cities as city_service
from ovpm.services import contacts as contact_service
from ovpm.services.contacts import ContactFilter
from ovpm.services.cycle import current_cycle
from ovpm.store import users
from ovpm.store.db import open_database


@pytest.fixture
def new_file(tmp_path, monkeypatch):
    path = tmp_path / "hub.duckdb"
    monkeypatch.setenv("OVPM_DB", str(path))
    monkeypatch.setenv("OVPM_SECRETS", str(tmp_path / "secrets.toml"))
    monkeypatch.setenv("OVPM_ADMIN_PASSWORD", "a long enough phrase")
    return path


def test_init_on_a_new_file_gives_an_empty_hub_and_its_first_secretariat_account(new_file):
    assert main(["init", "--admin", "sg.owhc", "--admin-name", "Camille SG"]) == 0
    database = open_database(new_file)
    with database.reading() as cur:
        admin = users.find(cur, "sg.owhc")
        accounts = users.listing(cur)
    assert admin.role == "secretariat" and len(accounts) == 1
    assert city_service.directory(database, admin).empty
    assert contact_service.search_contacts(database, admin, ContactFilter()).empty
    assert [m.key for m in current_cycle(database).milestones][-1] == "cordoba_congress"
    database.close()
    assert main(["init"]) == 0  # once there is an account, init only applies migrations


def test_init_refuses_a_first_account_that_breaks_the_rules(new_file, monkeypatch):
    monkeypatch.setenv("OVPM_ADMIN_PASSWORD", "short")
    assert main(["init", "--admin", "sg.owhc", "--admin-name", "Camille SG"]) == 1
    database = open_database(new_file)
    with database.reading() as cur:
        assert users.listing(cur).empty
    database.close()


def test_the_command_line_import_is_all_or_nothing(new_file, tmp_path, capsys):
    main(["init", "--admin", "sg.owhc", "--admin-name", "Camille SG"])
    wrong = tmp_path / "villes.csv"
    wrong.write_text(
        "Nom;Pays;Code ISO;Région\nÓbidos;Portugal;PT;Europe et Amérique du Nord\n"
        "Nowhere;Atlantis;AT;Atlantide\n",
        encoding="utf-8",
    )
    assert main(["import", "cities", str(wrong), "--yes"]) == 1
    assert "line 3: region: must be one of the UNESCO regions." in capsys.readouterr().err
    right = tmp_path / "villes-ok.csv"
    right.write_text(
        wrong.read_text(encoding="utf-8").replace("Atlantide", "Afrique"), encoding="utf-8"
    )
    assert main(["import", "cities", str(right), "--yes"]) == 0
    database = open_database(new_file)
    with database.reading() as cur:
        admin = users.find(cur, "sg.owhc")
    assert sorted(city_service.directory(database, admin)["name"]) == ["Nowhere", "Óbidos"]
    database.close()
