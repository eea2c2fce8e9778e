"""Import of member cities and contacts: headings in three languages and encodings, every
refusal with its line, all or nothing, the round trip of the exports, a 300-city and
3,000-contact file, and who may import."""

import io

import pandas as pd
import pytest

from ovpm.domain.errors import ImportRefused, PermissionDenied, ValidationError
from ovpm.domain.imports import ImportTarget, RowAction
from ovpm.services import audit as audit_service
from ovpm.services import cities as city_service
from ovpm.services import contacts as contact_service
from ovpm.services import imports
from ovpm.services.contacts import ContactFilter
from ovpm.store import contacts as contact_store

CITIES_FR = (
    "Nom;Pays;Code ISO;Région UNESCO;Latitude;Longitude;À jour de cotisation;Langue;Fuseau horaire\n"
    "Óbidos;Portugal;PT;Europe et Amérique du Nord;39,36;-9,16;oui;Français;Europe/Lisbon\n"
    "Trujillo;Pérou;PE;Amérique latine et Caraïbes;-8,11;-79,03;non;es;America/Lima\n"
)


def counts(db, actors):
    return (
        len(city_service.directory(db, actors["secretariat"])),
        len(contact_service.search_contacts(db, actors["secretariat"], ContactFilter())),
    )


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "latin-1"])
def test_french_headings_semicolons_and_every_encoding_are_read(db, actors, encoding):
    data = CITIES_FR.encode(encoding)
    plan = imports.preview(db, actors["secretariat"], ImportTarget.CITIES, "villes.csv", data)
    assert plan.ready and plan.count(RowAction.CREATE) == 2, plan.refused
    assert ("Région UNESCO", "region") in plan.headings
    obidos = plan.planned[0].record
    assert (obidos.name, obidos.lat, obidos.region, obidos.language) == (
        "Óbidos",
        39.36,
        "Europe and North America",
        "fr",
    )
    assert plan.planned[1].record.good_standing is False


def test_nothing_is_written_before_the_confirmation_then_everything_at_once(db, actors):
    before = counts(db, actors)
    data = CITIES_FR.encode()
    imports.preview(db, actors["secretariat"], ImportTarget.CITIES, "villes.csv", data)
    assert counts(db, actors) == before
    done = imports.run_import(db, actors["secretariat"], ImportTarget.CITIES, "villes.csv", data)
    assert done.count(RowAction.CREATE) == 2
    assert counts(db, actors)[0] == before[0] + 2
    entries = audit_service.audit_entries(db, actors["secretariat"], entity="import")
    assert len(entries) == 1 and entries.iloc[0]["action"] == "cities"


def test_every_refusal_names_its_line_and_field_and_nothing_is_saved(db, actors):
    rows = (
        b"name,country,iso2,region,lat,good_standing,language,timezone\n"
        b"Ok City,Chile,CL,Latin America and the Caribbean,-33,yes,es,America/Santiago\n"
        b",Chile,CL,Latin America and the Caribbean,,yes,es,UTC\n"  # 3: no name
        b"Bad Iso,Chile,chile,Latin America and the Caribbean,,yes,es,UTC\n"  # 4
        b"Bad Region,Chile,CL,Atlantis,,yes,es,UTC\n"  # 5
        b"Bad Lat,Chile,CL,Latin America and the Caribbean,north,yes,es,UTC\n"  # 6
        b"Far Lat,Chile,CL,Latin America and the Caribbean,91,yes,es,UTC\n"  # 7
        b"Bad Standing,Chile,CL,Latin America and the Caribbean,,maybe,es,UTC\n"  # 8
        b"Bad Language,Chile,CL,Latin America and the Caribbean,,yes,klingon,UTC\n"  # 9
        b"Bad Zone,Chile,CL,Latin America and the Caribbean,,yes,es,Mars/Olympus\n"  # 10
        b"Ok City,Chile,CL,Latin America and the Caribbean,-33,yes,es,America/Santiago\n"  # 11
    )
    plan = imports.preview(db, actors["secretariat"], ImportTarget.CITIES, "c.csv", rows)
    refused = {(r.line, r.field) for r in plan.refused}
    assert refused == {
        (3, "name"),
        (4, "iso2"),
        (5, "region"),
        (6, "lat"),
        (7, "lat"),
        (8, "good_standing"),
        (9, "language"),
        (10, "timezone"),
        (11, "name"),
    }
    assert not plan.ready
    before = counts(db, actors)
    with pytest.raises(ImportRefused) as error:
        imports.run_import(db, actors["secretariat"], ImportTarget.CITIES, "c.csv", rows)
    assert {r.line for r in error.value.rows} == {3, 4, 5, 6, 7, 8, 9, 10, 11}
    assert counts(db, actors) == before


def test_contacts_refusals_unknown_city_kind_language_email_and_duplicates(db, actors):
    rows = (
        b"Nombre,Correo,Ciudad,Tipo,Idiomas\n"
        b"Ana Prueba,ana@demo.example.org,Bruges,Experto local,es fr\n"
        b"Sin Ciudad,sin@demo.example.org,Atlantis,Otro,es\n"  # 3: unknown city
        b"Mal Tipo,mal@demo.example.org,Bruges,Astronaut,es\n"  # 4: unknown kind
        b"Mal Idioma,idioma@demo.example.org,Bruges,Otro,xx\n"  # 5: unknown language
        b"Mal Correo,not-an-email,Bruges,Otro,es\n"  # 6: e-mail
        b"Ana Otra,ana@demo.example.org,Bruges,Experto local,es\n"  # 7: same e-mail
        b"Sin Organismo,org@demo.example.org,,Otro,es\n"  # 8: neither city nor organisation
    )
    plan = imports.preview(db, actors["secretariat"], ImportTarget.CONTACTS, "k.csv", rows)
    assert {(r.line, r.field) for r in plan.refused} == {
        (3, "city"),
        (4, "kind"),
        (5, "languages"),
        (6, "email"),
        (7, "email"),
        (8, "organisation"),
    }
    ana = plan.planned[0].record
    assert (str(ana.kind), ana.languages) == ("local_expert", ("es", "fr"))


def test_a_file_without_the_required_columns_or_unreadable_is_refused(db, actors):
    plan = imports.preview(
        db, actors["secretariat"], ImportTarget.CONTACTS, "k.csv", b"phone;title\n1;2\n"
    )
    assert plan.missing == ["name"] and not plan.ready
    with pytest.raises(ValidationError):
        imports.run_import(
            db, actors["secretariat"], ImportTarget.CONTACTS, "k.csv", b"phone;title\n1;2\n"
        )
    with pytest.raises(ValidationError) as error:
        imports.preview(db, actors["secretariat"], ImportTarget.CITIES, "c.xlsx", b"not a zip")
    assert error.value.errors[0].field == "file"


def test_contacts_are_matched_by_email_and_only_the_given_columns_change(db, actors):
    secretariat = actors["secretariat"]
    known = contact_service.search_contacts(db, secretariat, ContactFilter()).iloc[0]
    data = f"name,email,title\n{known['name']},{known['email']},Head of heritage\n".encode()
    done = imports.run_import(db, secretariat, ImportTarget.CONTACTS, "k.csv", data)
    assert done.count(RowAction.UPDATE) == 1 and done.planned[0].changes == ("title",)
    with db.reading() as cur:
        after = contact_store.get(cur, int(known["id"]))
    assert after.title == "Head of heritage" and after.phone == known["phone"]
    assert after.kind == known["kind"] and list(after.expertise) == list(known["expertise"])


def test_the_exports_reimport_without_changes(db, actors):
    secretariat = actors["secretariat"]
    directory = city_service.export_csv(db, secretariat)
    book = contact_service.export_csv(db, secretariat, ContactFilter())
    cities = imports.preview(db, secretariat, ImportTarget.CITIES, "d.csv", directory)
    contacts = imports.preview(db, secretariat, ImportTarget.CONTACTS, "a.csv", book)
    for plan in (cities, contacts):
        assert plan.ready, plan.refused[:3]
        assert plan.count(RowAction.UNCHANGED) == len(plan.planned)
    before = counts(db, actors)
    imports.run_import(db, secretariat, ImportTarget.CONTACTS, "a.csv", book)
    assert counts(db, actors) == before


def test_an_xlsx_export_of_a_spreadsheet_is_read(db, actors):
    frame = pd.DataFrame(
        {
            "Ciudad": ["Sucre"],
            "País": ["Bolivia"],
            "ISO": ["BO"],
            "Región": ["América Latina y el Caribe"],
        }
    )
    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False)
    plan = imports.preview(
        db, actors["secretariat"], ImportTarget.CITIES, "ciudades.xlsx", buffer.getvalue()
    )
    assert plan.ready and plan.planned[0].record.region == "Latin America and the Caribbean"


def test_300_cities_and_3000_contacts_import_at_once(db, actors):
    secretariat = actors["secretariat"]
    city_rows = "\n".join(
        f"Ville {i},Pays {i % 40},FR,Africa,{i % 80}.5,{i % 170}.25,yes,fr,Africa/Dakar"
        for i in range(300)
    )
    cities = "name,country,iso2,region,lat,lon,good_standing,language,timezone\n" + city_rows
    done = imports.run_import(db, secretariat, ImportTarget.CITIES, "c.csv", cities.encode())
    assert done.count(RowAction.CREATE) == 300
    contact_rows = "\n".join(
        f"Person {i},person{i}@demo.example.org,Ville {i % 300},local_expert,fr en,water; heritage"
        for i in range(3000)
    )
    contacts = "name,email,city,kind,languages,expertise\n" + contact_rows
    done = imports.run_import(db, secretariat, ImportTarget.CONTACTS, "k.csv", contacts.encode())
    assert done.count(RowAction.CREATE) == 3000
    found = contact_service.search_contacts(db, secretariat, ContactFilter(text="Person 2999"))
    assert list(found["expertise"].iloc[0]) == ["water", "heritage"]


@pytest.mark.parametrize("role", ["advisory", "bordeaux"])
def test_only_the_secretariat_imports(db, actors, role):
    with pytest.raises(PermissionDenied):
        imports.preview(db, actors[role], ImportTarget.CITIES, "c.csv", CITIES_FR.encode())
    with pytest.raises(PermissionDenied):
        imports.run_import(db, actors[role], ImportTarget.CITIES, "c.csv", CITIES_FR.encode())


def test_a_city_user_exports_the_public_directory_only(db, actors):
    text = city_service.export_csv(db, actors["bordeaux"]).decode("utf-8-sig")
    header = text.splitlines()[0].split(",")
    assert header == ["name", "local_name", "country", "iso2", "region", "lat", "lon"]
    secretariat = city_service.export_csv(db, actors["secretariat"]).decode("utf-8-sig")
    assert secretariat.splitlines()[0].endswith("good_standing,language,timezone")
