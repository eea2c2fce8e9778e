import altair as alt
import pandas as pd

from ovpm.charts import LAND_DATASET, milestone_timeline, world_map


def test_world_map_is_a_valid_vega_lite_spec_with_the_outline_and_every_located_city():
    cities = pd.DataFrame(
        {
            "name": ["Québec", "Kazan", "Nowhere"],
            "country": ["CA", "RU", "XX"],
            "lat": [46.81, 55.79, None],
            "lon": [-71.21, 49.12, None],
        }
    )
    spec = world_map(cities, {"name": "Ville", "country": "Pays"})
    alt.TopLevelLayerSpec.from_dict({k: v for k, v in spec.items() if k != "datasets"})
    assert spec["datasets"][LAND_DATASET]["type"] == "Topology"
    points = [d for name, d in spec["datasets"].items() if name != LAND_DATASET][0]
    assert [p["name"] for p in points] == ["Québec", "Kazan"]
    tooltip_titles = [t["title"] for t in spec["layer"][1]["encoding"]["tooltip"]]
    assert tooltip_titles == ["Ville", "Pays"]


def test_milestone_timeline_marks_today():
    rows = pd.DataFrame(
        {
            "label": ["Roadmap"],
            "starts": [pd.Timestamp("2023-01-01")],
            "ends": [pd.Timestamp("2024-09-23")],
            "state": ["En cours"],
        }
    )
    chart = milestone_timeline(
        rows,
        "Aujourd'hui",
        pd.Timestamp("2024-03-01"),
        {
            "state": "Statut",
            "states": {"done": "Terminé", "current": "En cours", "upcoming": "À venir"},
            "milestone": "Jalon",
            "starts": "Début",
            "ends": "Fin",
        },
    )
    alt.TopLevelLayerSpec.from_dict({k: v for k, v in chart.items() if k != "datasets"})
    assert chart["layer"][1]["mark"]["type"] == "rule"
    # done, under way, upcoming keep their colours in that order (light, heritage blue, stone)
    assert chart["layer"][0]["encoding"]["color"]["scale"]["domain"] == [
        "Terminé",
        "En cours",
        "À venir",
    ]


def test_world_map_fetches_its_outline_from_a_url_when_given_one():
    cities = pd.DataFrame({"name": ["Kazan"], "country": ["RU"], "lat": [55.79], "lon": [49.12]})
    spec = world_map(cities, {"name": "City", "country": "Country"}, land_url="app/static/x.json")
    assert LAND_DATASET not in spec["datasets"]
    assert spec["layer"][0]["data"]["url"] == "app/static/x.json"
    assert spec["layer"][0]["data"]["format"] == {"feature": "land", "type": "topojson"}


def test_chart_rows_travel_as_arrow_and_outlines_as_they_are(monkeypatch):
    import pyarrow as pa
    import streamlit as st

    from ovpm import ui

    drawn = {}
    monkeypatch.setattr(st, "vega_lite_chart", lambda spec, **kw: drawn.update(spec))
    rows = [{"name": "Kazan", "count": 2}, {"name": "Cuenca", "count": None}]
    outline = {"type": "Topology", "objects": {}}
    ui.chart({"mark": "bar", "datasets": {"rows": rows, "land": outline}})
    table = pa.ipc.open_stream(drawn["datasets"]["rows"]).read_all()
    assert table.to_pylist() == rows
    assert drawn["datasets"]["land"] is outline
    assert drawn["config"]["locale"]["number"]["decimal"] == ","  # French unless chosen


def test_charts_speak_the_readers_language():
    from ovpm.charts import localised

    spec = {"mark": "bar", "config": {"view": {"stroke": None}}}
    french, spanish, english = (localised(spec, lang)["config"] for lang in ("fr", "es", "en"))
    assert french["view"] == {"stroke": None}  # the chart's own config stays
    assert "locale" not in spec["config"]  # the spec given is not changed
    assert (french["locale"]["number"]["thousands"], french["locale"]["number"]["decimal"]) == (
        "\u202f",
        ",",
    )
    assert spanish["locale"]["time"]["months"][0] == "enero"
    assert english["locale"]["time"]["shortDays"][0] == "Sun"


def test_colours_mean_the_same_in_every_language():
    from ovpm.charts import HERITAGE_BLUE, programme_timeline, stage_bars

    counts = pd.DataFrame(
        {"order": [0, 0], "stage": ["1.1", "1.1"], "kind": ["Villes", "Réseaux"], "count": [2, 1]}
    )
    bars = stage_bars(counts, {"count": "Nombre", "stage": "Étape", "kinds": ["Villes", "Réseaux"]})
    scale = bars["encoding"]["color"]["scale"]
    assert scale["domain"] == ["Villes", "Réseaux"] and scale["range"][0] == HERITAGE_BLUE
    rows = pd.DataFrame(
        {
            "label": ["Roadmap"],
            "kind": ["Jalon"],
            "starts": [pd.Timestamp("2023-01-01")],
            "ends": [pd.Timestamp("2023-02-01")],
        }
    )
    kinds = ["Jalon", "Activité de réseau", "Cible d'étape"]
    timeline = programme_timeline(
        rows,
        pd.Timestamp("2024-03-01"),
        {"what": "Quoi", "starts": "Début", "ends": "Fin", "kinds": kinds},
    )
    colour = timeline["layer"][0]["encoding"]["color"]["scale"]
    assert colour["domain"] == kinds and colour["range"][0] == HERITAGE_BLUE


def test_count_axes_tick_whole_numbers_only():
    from ovpm.charts import stacked_counts, stage_bars

    counts = pd.DataFrame(
        {"order": [1, 2], "stage": ["1.1", "1.3"], "kind": ["Villes", "Villes"], "count": [1, 2]}
    )
    labels = {"count": "Nombre", "stage": "Étape", "kinds": ["Villes", "Réseaux"]}
    axis = stage_bars(counts, labels)["encoding"]["x"]["axis"]
    assert axis["values"] == [0, 1, 2] and axis["format"] == "d"
    rows = pd.DataFrame({"category": ["a"] * 3, "part": ["x", "y", "z"], "size": [10, 20, 7]})
    labels = {"count": "Nombre", "category": "Ville", "part": "Étape"}
    axis = stacked_counts(rows, labels, ["a"], ["#000"])["encoding"]["x"]["axis"]
    assert axis["values"] == [0, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40]
