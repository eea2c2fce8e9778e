"""Pure chart builders: DataFrames in, Vega-Lite specs out (labels come translated). Altair
writes each spec once per set of labels; the rows go in as named datasets on every run."""

from __future__ import annotations

import copy
import json
from functools import lru_cache

import altair as alt
import pandas as pd

from ovpm import i18n
from ovpm.config import STATIC_DIR

HERITAGE_BLUE = "#1F4E79"
STONE = "#C8B88A"
LAND = "#E9E4D8"


# Natural Earth land outlines at 1:110m, from the world-atlas package (ISC licence).
LAND_FILE = "land-110m.json"


@lru_cache(maxsize=1)
def _land() -> dict:
    return json.loads((STATIC_DIR / LAND_FILE).read_text("utf-8"))


ROWS = "rows"
TODAY = "today"


def _records(frame: pd.DataFrame) -> list[dict]:
    """Rows as JSON-ready records (dates as ISO text, missing values as null)."""
    columns = list(frame.columns)
    return [
        {column: _json_value(value) for column, value in zip(columns, row)}
        for row in frame.itertuples(index=False, name=None)
    ]


def _json_value(value):
    if value is None or (isinstance(value, float) and value != value) or value is pd.NaT:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _filled(template: dict, **datasets: list[dict]) -> dict:
    """A chart template with its data: the spec is built by Altair once per set of labels
    (building it costs 5–20 ms a run), the rows are added on every run."""
    spec = copy.deepcopy({k: v for k, v in template.items() if k != "datasets"})
    spec["datasets"] = {**template.get("datasets", {}), **datasets}  # shared, never changed
    return spec


def localised(spec: dict, language: str) -> dict:
    """The spec with the language's number and date formats (axes, tooltips)."""
    config = {**spec.get("config", {}), "locale": i18n.chart_locale(language)}
    return {**spec, "config": config}


def _key(labels: dict) -> str:
    # the order of the labels is kept: some give a colour scale's domain in order
    return json.dumps(labels, ensure_ascii=False)


def world_map(
    cities: pd.DataFrame,
    labels: dict,
    color_field: str | None = None,
    color_title: str = "",
    land_url: str | None = None,
) -> dict:
    """A Vega-Lite spec of cities as points on a world outline; `labels` names the tooltip
    fields, and its `order` (optional) lists the values of `color_field` in the order of their
    colours, so that a colour means the same in every language.

    Drawn without map tiles, so it renders offline and in exported images. The outline is
    fetched from `land_url` when given (a browser keeps it), else carried in the spec."""
    points = cities.dropna(subset=["lat", "lon"])[
        ["name", "country", "lat", "lon"] + ([color_field] if color_field else [])
    ]
    template = _world_map(_key(labels), color_field, color_title, land_url)
    return _filled(template, **{ROWS: _records(points)})


@lru_cache(maxsize=32)
def _world_map(
    labels_key: str, color_field: str | None, color_title: str, land_url: str | None
) -> dict:
    labels = json.loads(labels_key)
    outline = alt.TopoDataFormat(feature="land", type="topojson")
    land = alt.Chart(
        alt.UrlData(url=land_url, format=outline)
        if land_url
        else alt.Data(name=LAND_DATASET, format=outline)
    ).mark_geoshape(fill=LAND, stroke="#B9B2A1", strokeWidth=0.4, aria=False)  # decoration
    encoding = {
        "longitude": "lon:Q",
        "latitude": "lat:Q",
        "tooltip": [
            alt.Tooltip("name:N", title=labels["name"]),
            alt.Tooltip("country:N", title=labels["country"]),
        ],
    }
    if color_field:
        encoding["color"] = alt.Color(
            f"{color_field}:N",
            title=color_title,
            legend=alt.Legend(labelLimit=260),
            scale=alt.Scale(domain=labels["order"]) if "order" in labels else alt.Undefined,
        )
    dots = (
        alt.Chart(alt.NamedData(ROWS))
        .mark_circle(size=60, opacity=0.85, color=HERITAGE_BLUE, stroke="white", strokeWidth=0.8)
        .encode(**encoding)
    )
    spec = (
        alt.layer(land, dots)
        .project(type="equalEarth")
        .properties(height=380, width="container")
        .configure_view(stroke=None)
    ).to_dict(validate=False)
    if not land_url:
        # The outline goes in as a named dataset after Altair has built the spec: wrapping it
        # in Altair objects costs hundreds of milliseconds.
        spec.setdefault("datasets", {})[LAND_DATASET] = _land()
    return spec


LAND_DATASET = "world_land"


def milestone_timeline(
    milestones: pd.DataFrame, today_label: str, today: pd.Timestamp, labels: dict[str, str]
) -> dict:
    """A Vega-Lite spec of milestones as bars on a time axis (columns: label, starts, ends,
    state), with a rule at today."""
    return _filled(
        _milestone_timeline(_key(labels)),
        **{
            ROWS: _records(milestones[["label", "starts", "ends", "state"]]),
            TODAY: [{"today": pd.Timestamp(today).isoformat(), "text": today_label}],
        },
    )


@lru_cache(maxsize=8)
def _milestone_timeline(labels_key: str) -> dict:
    labels = json.loads(labels_key)
    colour = alt.Color(
        "state:N",
        title=labels["state"],
        scale=alt.Scale(
            domain=list(labels["states"].values()), range=["#9DB4C9", HERITAGE_BLUE, STONE]
        ),
    )
    return (
        _time_bars(colour, 18, labels["milestone"], labels)
        .properties(height=200)
        .to_dict(validate=False)
    )


def _time_bars(colour: alt.Color, bar_height: int, what: str, labels: dict) -> alt.LayerChart:
    """Bars from `starts` to `ends` by `label`, coloured, with a dashed rule at today."""
    bars = (
        alt.Chart(alt.NamedData(ROWS))
        .mark_bar(cornerRadius=3, height=bar_height)
        .encode(
            x=alt.X("starts:T", title=None, axis=alt.Axis(format="%Y-%m")),
            x2="ends:T",
            y=alt.Y("label:N", title=None, sort=None, axis=alt.Axis(labelLimit=320)),
            color=colour,
            tooltip=[
                alt.Tooltip("label:N", title=what),
                alt.Tooltip("starts:T", title=labels["starts"], format="%Y-%m-%d"),
                alt.Tooltip("ends:T", title=labels["ends"], format="%Y-%m-%d"),
            ],
        )
    )
    rule = (
        alt.Chart(alt.NamedData(TODAY))
        .mark_rule(color="#B03A2E", strokeDash=[4, 3])
        .encode(x="today:T")
    )
    return alt.layer(bars, rule).properties(width="container")


def stage_bars(counts: pd.DataFrame, labels: dict[str, str]) -> dict:
    """A Vega-Lite spec: how many cities and networks stand at each stage (columns: order,
    stage, kind, count), stages in programme order, one bar per kind."""
    spec = _filled(_stage_bars(_key(labels)), **{ROWS: _records(counts)})
    spec["height"] = 30 * counts["stage"].nunique()
    return _whole_number_ticks(spec, "x", int(counts["count"].max()) if len(counts) else 0)


@lru_cache(maxsize=8)
def _stage_bars(labels_key: str) -> dict:
    labels = json.loads(labels_key)
    return (
        alt.Chart(alt.NamedData(ROWS))
        .mark_bar(cornerRadiusEnd=3)
        .encode(
            y=alt.Y(
                "stage:N",
                title=None,
                sort=alt.EncodingSortField("order"),
                axis=alt.Axis(labelLimit=260),
            ),
            x=alt.X("count:Q", title=labels["count"], axis=alt.Axis(tickMinStep=1)),
            yOffset="kind:N",
            color=alt.Color(  # colours follow `kinds`, not the alphabet of a language
                "kind:N",
                title=None,
                scale=alt.Scale(domain=labels["kinds"], range=[HERITAGE_BLUE, STONE]),
            ),
            tooltip=[
                alt.Tooltip("stage:N", title=labels["stage"]),
                alt.Tooltip("kind:N", title=""),
                alt.Tooltip("count:Q", title=labels["count"]),
            ],
        )
        .properties(width="container")
        .to_dict(validate=False)
    )


def programme_timeline(rows: pd.DataFrame, today: pd.Timestamp, labels: dict[str, str]) -> dict:
    """A Vega-Lite spec of the cycle's milestones and the networks' activities on one time axis
    (columns: label, kind, starts, ends), with a rule at today."""
    spec = _filled(
        _programme_timeline(_key(labels)),
        **{
            ROWS: _records(rows[["label", "kind", "starts", "ends"]]),
            TODAY: [{"today": pd.Timestamp(today).isoformat()}],
        },
    )
    spec["height"] = {"step": 22}  # one band per row: every label keeps its room
    return spec


@lru_cache(maxsize=8)
def _programme_timeline(labels_key: str) -> dict:
    labels = json.loads(labels_key)
    colour = alt.Color(  # colours follow `kinds`, not the alphabet of a language
        "kind:N",
        title=None,
        scale=alt.Scale(domain=labels["kinds"], range=[HERITAGE_BLUE, "#B07D2B", "#6F8F72"]),
    )
    return _time_bars(colour, 12, labels["what"], labels).to_dict(validate=False)


def measure_bars(rows: pd.DataFrame, title: str, order: list[str], colours: list[str]) -> dict:
    """Grouped horizontal bars of amounts (columns: group, measure, value), the measures in
    `order` with their `colours`; `title` names the groups."""
    return _filled(
        _measure_bars(title, tuple(order), tuple(colours)),
        **{ROWS: _records(rows[["group", "measure", "value"]])},
    )


@lru_cache(maxsize=32)
def _measure_bars(title: str, order: tuple[str, ...], colours: tuple[str, ...]) -> dict:
    return (
        alt.Chart(alt.NamedData(ROWS))
        .mark_bar()
        .encode(
            y=alt.Y("group:N", title=title, sort=None, axis=alt.Axis(labelLimit=260)),
            x=alt.X("value:Q", title=""),
            yOffset=alt.YOffset("measure:N", sort=list(order)),
            color=alt.Color(
                "measure:N",
                title="",
                sort=list(order),
                scale=alt.Scale(domain=list(order), range=list(colours)),
            ),
            tooltip=[
                alt.Tooltip("group:N", title=title),
                alt.Tooltip("measure:N", title=""),
                alt.Tooltip("value:Q", format=",.2f", title=""),
            ],
        )
        .properties(height=alt.Step(14), width="container")
        .to_dict(validate=False)
    )


def stacked_counts(
    rows: pd.DataFrame, labels: dict[str, str], sort: list[str], colours: list[str]
) -> dict:
    """Horizontal stacked bars of counts (columns: category, part, size): `labels` names the
    count, the category and the part; categories in `sort` order."""
    spec = _filled(
        _stacked_counts(_key(labels), tuple(sort), tuple(colours)),
        **{ROWS: _records(rows[["category", "part", "size"]])},
    )
    largest = int(rows.groupby("category")["size"].sum().max()) if len(rows) else 0
    return _whole_number_ticks(spec, "x", largest)


def _whole_number_ticks(spec: dict, channel: str, largest: int) -> dict:
    """Ticks of a count axis at whole numbers only (about ten at most): Vega would put them at
    0.5 steps for small counts, in the browser and in the briefing pack alike."""
    step = max(1, -(-largest // 10))
    encoding = copy.deepcopy(spec["encoding"][channel])
    axis = encoding.setdefault("axis", {})
    axis["values"], axis["format"] = list(range(0, largest + step, step)), "d"
    return {**spec, "encoding": {**spec["encoding"], channel: encoding}}


@lru_cache(maxsize=16)
def _stacked_counts(labels_key: str, sort: tuple[str, ...], colours: tuple[str, ...]) -> dict:
    labels = json.loads(labels_key)
    return (
        alt.Chart(alt.NamedData(ROWS))
        .mark_bar()
        .encode(
            x=alt.X("size:Q", title=labels["count"], axis=alt.Axis(tickMinStep=1)),
            y=alt.Y(
                "category:N",
                title=labels["category"],
                sort=list(sort),
                axis=alt.Axis(labelLimit=260),
            ),
            color=alt.Color("part:N", title=labels["part"], scale=alt.Scale(range=list(colours))),
            tooltip=[
                alt.Tooltip("category:N", title=labels["category"]),
                alt.Tooltip("part:N", title=labels["part"]),
                alt.Tooltip("size:Q", title=labels["count"]),
            ],
        )
        .properties(height=200, width="container")
        .to_dict(validate=False)
    )


def indicator_chart(values: pd.DataFrame, levels: pd.DataFrame, labels: dict[str, str]) -> dict:
    """An indicator over time: the measured values (columns: day, value) as a line with points,
    the baseline and the target (columns: level, value) as dashed rules. `labels`: 'date',
    'value' (the unit), and the names of the two levels, 'baseline' and 'target'."""
    return _filled(
        _indicator_chart(_key(labels)),
        **{ROWS: _records(values[["day", "value"]]), "levels": _records(levels)},
    )


@lru_cache(maxsize=32)
def _indicator_chart(labels_key: str) -> dict:
    labels = json.loads(labels_key)
    line = (
        alt.Chart(alt.NamedData(ROWS))
        .mark_line(point=True, color=HERITAGE_BLUE)
        .encode(
            x=alt.X("day:T", title=labels["date"]),
            y=alt.Y("value:Q", title=labels["value"], scale=alt.Scale(zero=False)),
            tooltip=[
                alt.Tooltip("day:T", title=labels["date"]),
                alt.Tooltip("value:Q", title=labels["value"], format=",.2~f"),
            ],
        )
    )
    rules = (
        alt.Chart(alt.NamedData("levels"))
        .mark_rule(strokeDash=[6, 4])
        .encode(
            y="value:Q",
            color=alt.Color(
                "level:N",
                title="",
                scale=alt.Scale(
                    domain=[labels["baseline"], labels["target"]], range=[STONE, "#2E7D32"]
                ),
                legend=alt.Legend(orient="bottom"),
            ),
            tooltip=[alt.Tooltip("level:N", title=""), alt.Tooltip("value:Q", format=",.2~f")],
        )
    )
    return alt.layer(rules, line).properties(height=220, width="container").to_dict(validate=False)
