"""Screen parts of the library of good practices: the search with its filters, the results
with the matching words marked, and one practice with its report's PDF."""

from __future__ import annotations

import streamlit as st

from ovpm import i18n
from ovpm.domain import N_
from ovpm.domain.models import UNESCO_REGIONS
from ovpm.services import library as service
from ovpm.ui import db, gettext, kept, language, literal
from ovpm.ui.mission_followup import show_report_content
from ovpm.ui.submissions import axis_label

LIBRARY_PAGE = "pages/library.py"
SHOWN_HITS = 10
FIELD_LABELS = {
    "title": N_("Title"),
    "situation": N_("Description of the situation"),
    "lessons": N_("Lessons learned"),
    "solutions": N_("Solutions"),
}


def marked(parts) -> str:
    """A passage with its matching words highlighted; the text itself shown literally."""
    return "".join(
        ":orange-background[" + literal(text) + "]" if on else literal(text) for text, on in parts
    )


def show_search(user) -> None:
    """Words and filters; the results, best match first."""
    _ = gettext()
    facets = service.facets(db(), user)
    text = st.text_input(
        _("Search the practices"),
        placeholder=_("Words in any language: flood, réseau, patrimonio…"),
        key="library_text",
    )
    columns = st.columns(5)
    filters = service.Filters(
        tuple(
            columns[0].multiselect(
                _("Region"),
                facets["regions"],
                format_func=lambda r: _(UNESCO_REGIONS.get(r, r)),
                key="library_regions",
                placeholder=_("Choose one or more"),
            )
        ),
        tuple(
            columns[1].multiselect(
                _("Country"),
                facets["countries"],
                key="library_countries",
                placeholder=_("Choose one or more"),
            )
        ),
        tuple(
            columns[2].multiselect(
                _("Strategic axis"),
                facets["axes"],
                format_func=lambda a: axis_label(a, short=True),
                key="library_axes",
                placeholder=_("Choose one or more"),
            )
        ),
        tuple(
            columns[3].multiselect(
                _("Field of expertise"),
                facets["fields"],
                key="library_fields",
                placeholder=_("Choose one or more"),
            )
        ),
        tuple(
            columns[4].multiselect(
                _("Year"), facets["years"], key="library_years", placeholder=_("Choose one or more")
            )
        ),
    )
    # the same practices for every reader: the results are kept until the next write
    count, shown = kept(("library_search", text, filters), lambda: _results(user, text, filters))
    if not count:
        st.info(_("No practice matches."))
        return
    st.caption(_("Practices found: {n}", n=count))
    if count > SHOWN_HITS:
        st.caption(_("The first {n} are shown: add words or filters to narrow.", n=SHOWN_HITS))
    for mission_id, text_of_hit in shown:
        st.markdown(text_of_hit)  # one text a practice: few elements, whatever the library's size
        if st.button(_("Open the practice"), key=f"practice_{mission_id}"):
            st.query_params["practice"] = str(mission_id)
            st.rerun()


def _results(user, text: str, filters) -> tuple[int, list[tuple[int, str]]]:
    hits = service.search(db(), user, text, filters)
    return len(hits), [(h.practice.mission_id, _hit_text(h)) for h in hits[:SHOWN_HITS]]


def _hit_text(hit) -> str:
    """A result as Markdown: its title and facts, then the passages where the words are."""
    _ = gettext()
    practice = hit.practice
    title = marked(hit.passages["title"]) if "title" in hit.passages else literal(practice.title)
    facts = " · ".join(
        part
        for part in (
            literal(practice.city),
            literal(practice.country),
            axis_label(practice.request.axis, short=True),
            literal(", ".join(practice.request.fields)),
            i18n.format_day(practice.published_on, language(), "medium"),
        )
        if part
    )
    lines = ["#### " + title, ":gray[" + facts + "]"]
    lines += [
        "*" + _(FIELD_LABELS[field]) + "* — " + marked(parts)
        for field, parts in hit.passages.items()
        if field != "title"
    ]
    return "\n\n".join(lines)


def show_practice(user, mission_id: int) -> None:
    """One practice: the request's situation and the report, with its PDF."""
    _ = gettext()
    practice = service.practice(db(), user, mission_id)
    if st.button(_("Back to the library"), icon=":material/arrow_back:", type="tertiary"):
        del st.query_params["practice"]
        st.rerun()
    st.subheader(literal(practice.title))
    st.caption(
        literal(practice.city)
        + " · "
        + literal(practice.country)
        + " · "
        + i18n.format_day(practice.published_on, language(), "medium")
    )
    st.download_button(
        _("Download in PDF"),
        lambda: service.practice_pdf(db(), user, mission_id, language()),
        file_name=f"practice-{mission_id}.pdf",
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
    )
    st.markdown("**" + _("Description of the situation") + "**")
    st.text(practice.request.situation)
    show_report_content(
        practice.report, user.id, lambda photo: service.photo(db(), user, mission_id, photo)
    )
