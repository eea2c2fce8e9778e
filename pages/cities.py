"""Member cities: the directory with search, filters and a world map; the Secretariat edits."""

import streamlit as st

from ovpm import i18n, ui
from ovpm.auth import require_role
from ovpm.charts import world_map
from ovpm.domain import access
from ovpm.domain.errors import DomainError
from ovpm.domain.models import LANGUAGES, UNESCO_REGIONS, City, Role
from ovpm.domain.times import ZONE_NAMES
from ovpm.services import cities as city_service
from ovpm.ui.navigation import roles_of

user = require_role(*roles_of("cities"))
_ = ui.gettext()
lang = ui.language()
db = ui.db()

st.title(_("Member cities"))
st.caption(_("The public directory of the Organization's member cities."))

regions, countries = city_service.filter_choices(db, user)
with st.container(border=True):
    c1, c2, c3, c4 = st.columns([2, 2, 2, 1])
    text = c1.text_input(
        _("Search"), placeholder=_("Name, local name or country"), key="cities_search"
    )
    chosen_regions = c2.multiselect(
        _("UNESCO region"),
        regions,
        key="cities_regions",
        placeholder=_("Choose one or more"),
        format_func=lambda r: _(UNESCO_REGIONS.get(r, r)),
    )
    chosen_countries = c3.multiselect(
        _("Country"), countries, key="cities_countries", placeholder=_("Choose one or more")
    )
    standing = None
    if user.role != Role.CITY:
        standing_choice = c4.selectbox(
            _("Good standing"),
            ["all", "yes", "no"],
            key="cities_standing",
            format_func=lambda v: {"all": _("All"), "yes": _("Yes"), "no": _("No")}[v],
        )
        standing = {"all": None, "yes": True, "no": False}[standing_choice]


def directory_view(filters: tuple) -> tuple:
    """The count, the map and the table of the matching cities, in the reader's language."""
    frame = city_service.directory(db, user, *filters)
    shown = frame.assign(
        region=frame["region"].map(lambda r: _(UNESCO_REGIONS.get(r, r))),
        country=frame["iso2"].map(lambda code: i18n.country_name(code, lang)),
    )
    columns = {
        "name": _("City"),
        "local_name": _("Local name"),
        "country": _("Country"),
        "region": _("UNESCO region"),
    }
    if user.role != Role.CITY:
        shown["good_standing"] = shown["good_standing"].map({True: _("Yes"), False: _("No")})
        columns["good_standing"] = _("Good standing")
    labels = {"name": _("City"), "country": _("Country")}
    chart = None if frame.empty else world_map(frame, labels, land_url=ui.LAND_URL)
    return len(frame), chart, ui.arrow_table(shown[list(columns)]), columns


filters = (text, tuple(chosen_regions), tuple(chosen_countries), standing)
count, chart, table, columns = ui.kept(
    ("cities", user.role, user.city_id, filters), lambda: directory_view(filters)
)
st.markdown(_("Cities: {count}", count=i18n.format_number(count, lang)))
if chart:
    ui.chart(chart)
st.dataframe(table, hide_index=True, width="stretch", column_config=columns)
st.download_button(
    _("Export CSV"),
    lambda: city_service.export_csv(db, user, *filters),
    file_name="member-cities.csv",
    mime="text/csv",
    icon=":material/download:",
)

if user.city_id is not None:
    own = city_service.get_city(db, user, user.city_id)
    with st.container(border=True):
        st.markdown("#### " + _("My city: {city}", city=ui.literal(own.name)))
        st.write(
            _(
                "{label}: {value}",
                label=_("Member in good standing"),
                value=_("Yes") if own.good_standing else _("No"),
            )
        )
        st.write(
            _(
                "{label}: {value}",
                label=_("Preferred language"),
                value=i18n.LANGUAGE_NAMES.get(own.language, own.language),
            )
        )


def city_form(city: City | None, key: str) -> City | None:
    """The create/edit form; returns the edited city when submitted."""
    current = city or City(None, "", "", "", "", "Europe and North America", None, None)
    with st.form(key):
        a, b = st.columns(2)
        name = a.text_input(_("Name"), current.name, max_chars=120)
        local_name = b.text_input(_("Local name"), current.local_name, max_chars=120)
        country = a.text_input(_("Country"), current.country, max_chars=120)
        iso2 = b.text_input(_("Country code (ISO)"), current.iso2, max_chars=2)
        region_keys = list(UNESCO_REGIONS)
        region = a.selectbox(
            _("UNESCO region"),
            region_keys,
            index=region_keys.index(current.region) if current.region in region_keys else 0,
            format_func=lambda r: _(UNESCO_REGIONS[r]),
        )
        language = b.selectbox(
            _("Preferred language"),
            LANGUAGES,
            index=LANGUAGES.index(current.language) if current.language in LANGUAGES else 1,
            format_func=lambda c: i18n.LANGUAGE_NAMES[c],
        )
        # not bounded here: out of range is refused by the rule, naming the field
        lat = a.number_input(_("Latitude"), value=current.lat, format="%.2f", step=0.01)
        lon = b.number_input(_("Longitude"), value=current.lon, format="%.2f", step=0.01)
        zone = a.selectbox(
            _("Time zone"),
            ZONE_NAMES,
            index=ZONE_NAMES.index(current.timezone) if current.timezone in ZONE_NAMES else None,
            placeholder=_("Choose a time zone"),
        )
        good = st.checkbox(_("Member in good standing"), value=current.good_standing)
        if st.form_submit_button(_("Save"), type="primary"):
            return City(
                current.id,
                name,
                local_name,
                country,
                iso2,
                region,
                lat,
                lon,
                good,
                language,
                current.version,
                zone or "",
            )
    return None


def save(edited: City | None) -> None:
    if edited is None:
        return
    try:
        saved = city_service.save_city(db, user, edited)
    except DomainError as error:
        ui.show_error(error)
        return
    if edited.id is None:
        ui.saved_and_reset("city_new", _("Saved: {name}", name=ui.literal(saved.name)))
    st.success(_("Saved: {name}", name=ui.literal(saved.name)))
    st.session_state.pop("city_editing", None)


if access.can_edit_city(user):
    st.divider()
    st.markdown("#### " + _("Edit the directory"))
    ui.show_flash()
    names = city_service.city_names(db, user)
    # only the open tab is built: the form of the other costs a few ms a rerun
    tab_edit, tab_new = st.tabs(
        [_("Edit a city"), _("Add a city")], key="city_view", on_change="rerun"
    )
    if tab_edit.open:
        with tab_edit:
            chosen = st.selectbox(
                _("City"),
                list(names),
                format_func=names.get,
                index=None,
                placeholder=_("Choose a city"),
                key="city_pick",
            )
            if chosen is not None:
                opened = st.session_state.get("city_editing")
                if opened is None or opened.id != chosen:
                    opened = city_service.get_city(db, user, chosen)
                    st.session_state["city_editing"] = opened
                save(city_form(opened, f"city_edit_{chosen}_{opened.version}"))
    if tab_new.open:
        with tab_new:
            save(city_form(None, ui.form_key("city_new")))
