"""Pure chart builders: DataFrames in, Altair charts out (labels come translated)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

import altair as alt
import pandas as pd

HERITAGE_BLUE = "#1F4E79"
STONE = "#C8B88A"
LAND = "#E9E4D8"


@lru_cache(maxsize=1)
def _land() -> dict:
    # Natural Earth land outlines at 1:110m, from the world-atlas package (ISC licence).
    return json.loads(resources.files("ovpm.charts").joinpath("land-110m.json").read_text("utf-8"))


def world_map(
    cities: pd.DataFrame,
    labels: dict[str, str],
    color_field: str | None = None,
    color_title: str = "",
) -> dict:
    """A Vega-Lite spec of cities as points on a world outline; `labels` names the tooltip fields.

    Drawn without map tiles, so it renders offline and in exported images. The outline goes in
    as a named dataset after Altair has built the spec: wrapping it in Altair objects costs
    hundreds of milliseconds on every run."""
    land = alt.Chart(
        alt.Data(name=LAND_DATASET, format=alt.TopoDataFormat(feature="land", type="topojson"))
    ).mark_geoshape(fill=LAND, stroke="#B9B2A1", strokeWidth=0.4)
    points = cities.dropna(subset=["lat", "lon"])[
        ["name", "country", "lat", "lon"] + ([color_field] if color_field else [])
    ]
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
            f"{color_field}:N", title=color_title, legend=alt.Legend(labelLimit=260)
        )
    dots = (
        alt.Chart(points)
        .mark_circle(size=60, opacity=0.85, color=HERITAGE_BLUE, stroke="white", strokeWidth=0.8)
        .encode(**encoding)
    )
    spec = (
        alt.layer(land, dots)
        .project(type="equalEarth")
        .properties(height=380, width="container")
        .configure_view(stroke=None)
    ).to_dict(validate=False)
    spec.setdefault("datasets", {})[LAND_DATASET] = _land()
    return spec


LAND_DATASET = "world_land"


def milestone_timeline(
    milestones: pd.DataFrame, today_label: str, today: pd.Timestamp, labels: dict[str, str]
) -> dict:
    """A Vega-Lite spec of milestones as bars on a time axis (columns: label, starts, ends,
    state), with a rule at today. Built without re-validation: its structure is fixed and a
    test validates it."""
    bars = (
        alt.Chart(milestones)
        .mark_bar(cornerRadius=3, height=18)
        .encode(
            x=alt.X("starts:T", title=None, axis=alt.Axis(format="%Y-%m")),
            x2="ends:T",
            y=alt.Y("label:N", title=None, sort=None, axis=alt.Axis(labelLimit=320)),
            color=alt.Color(
                "state:N",
                title=labels["state"],
                scale=alt.Scale(
                    domain=list(labels["states"].values()), range=["#9DB4C9", HERITAGE_BLUE, STONE]
                ),
            ),
            tooltip=[
                alt.Tooltip("label:N", title=labels["milestone"]),
                alt.Tooltip("starts:T", title=labels["starts"], format="%Y-%m-%d"),
                alt.Tooltip("ends:T", title=labels["ends"], format="%Y-%m-%d"),
            ],
        )
    )
    rule = (
        alt.Chart(pd.DataFrame({"today": [today], "text": [today_label]}))
        .mark_rule(color="#B03A2E", strokeDash=[4, 3])
        .encode(x="today:T")
    )
    return alt.layer(bars, rule).properties(height=200, width="container").to_dict(validate=False)


def stage_bars(counts: pd.DataFrame, labels: dict[str, str]) -> dict:
    """A Vega-Lite spec: how many cities and networks stand at each stage (columns: order,
    stage, kind, count), stages in programme order, one bar per kind."""
    chart = (
        alt.Chart(counts)
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
            color=alt.Color("kind:N", title=None, scale=alt.Scale(range=[HERITAGE_BLUE, STONE])),
            tooltip=[
                alt.Tooltip("stage:N", title=labels["stage"]),
                alt.Tooltip("kind:N", title=""),
                alt.Tooltip("count:Q", title=labels["count"]),
            ],
        )
        .properties(height=30 * counts["stage"].nunique(), width="container")
    )
    return chart.to_dict(validate=False)


def programme_timeline(rows: pd.DataFrame, today: pd.Timestamp, labels: dict[str, str]) -> dict:
    """A Vega-Lite spec of the cycle's milestones and the networks' activities on one time axis
    (columns: label, kind, starts, ends), with a rule at today."""
    bars = (
        alt.Chart(rows)
        .mark_bar(cornerRadius=3, height=12)
        .encode(
            x=alt.X("starts:T", title=None, axis=alt.Axis(format="%Y-%m")),
            x2="ends:T",
            y=alt.Y("label:N", title=None, sort=None, axis=alt.Axis(labelLimit=320)),
            color=alt.Color(
                "kind:N", title=None, scale=alt.Scale(range=[HERITAGE_BLUE, "#B07D2B", "#6F8F72"])
            ),
            tooltip=[
                alt.Tooltip("label:N", title=labels["what"]),
                alt.Tooltip("starts:T", title=labels["starts"], format="%Y-%m-%d"),
                alt.Tooltip("ends:T", title=labels["ends"], format="%Y-%m-%d"),
            ],
        )
    )
    rule = (
        alt.Chart(pd.DataFrame({"today": [today]}))
        .mark_rule(color="#B03A2E", strokeDash=[4, 3])
        .encode(x="today:T")
    )
    return (
        alt.layer(bars, rule)
        .properties(height=max(120, 18 * len(rows)), width="container")
        .to_dict(validate=False)
    )
