"""PDF documents with fpdf2: the organisation's header, status (a DRAFT mark until approved),
revision, date, page x of y. Pure: content and translated labels in, bytes out.

The shipped DejaVu fonts cover Latin, Greek, Cyrillic, Arabic and Hebrew; CJK text uses the
shipped Droid Sans Fallback. Arabic and other complex scripts are shaped (uharfbuzz) in
paragraphs and table cells alike, and never justified (justifying shaped text moved letters).
A glyph no font has is left out (fpdf2 logs it); odd text never raises.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

logging.getLogger("fpdf").setLevel(logging.ERROR)

FONT_DIR = Path(str(resources.files("ovpm.pdf").joinpath("fonts")))
# Shipped with the project (Apache 2.0, see fonts/LICENSE-DroidSansFallback.txt): CJK text must
# not depend on what the machine happens to have.
FALLBACK_FONTS = {"fallback-cjk": [str(FONT_DIR / "DroidSansFallbackFull.ttf")]}
BEYOND_DEJAVU = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
COMPLEX_SCRIPT = re.compile("[\u0590-\u08ff\u0900-\u0dff\ufb1d-\ufdff\ufe70-\ufeff]")
BLUE = (31, 78, 121)
GREY = (110, 110, 110)


@dataclass(frozen=True)
class DocumentInfo:
    """What the header and footer say, already translated."""

    organisation: str
    programme: str
    title: str
    subtitle: str
    status_line: str
    draft_mark: str | None
    page_label: str  # e.g. "Page {page} of {pages}"
    footer_left: str


def alignment(text: str) -> str:
    """Justified for Latin and the like; for text in a complex script, aligned to the side its
    first strong character reads from (right for Arabic or Hebrew)."""
    if not COMPLEX_SCRIPT.search(text):
        return "J"
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return "R"
        if direction == "L":
            return "L"
    return "L"


def _shaping_available() -> bool:
    try:
        import uharfbuzz  # noqa: F401
    except ImportError:
        return False
    return True


class Document(FPDF):
    """An A4 page frame for every document of the Roadmap Hub."""

    def __init__(self, info: DocumentInfo):
        super().__init__(format="A4")
        self.info = info
        self.set_margins(18, 20, 18)
        self.set_auto_page_break(True, margin=20)
        self.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self._fallbacks_loaded = False
        self.alias_nb_pages("{pages}")
        self.set_title(info.title)
        self.set_creator("Roadmap Hub")
        self.add_page()

    def header(self) -> None:
        if self.info.draft_mark:
            self.set_font("DejaVu", "B", 70)
            self.set_text_color(235, 225, 225)
            with self.rotation(45, self.w / 2, self.h / 2):
                width = self.get_string_width(self.info.draft_mark)
                self.text(self.w / 2 - width / 2, self.h / 2, self.info.draft_mark)
        self.set_y(10)
        self.set_font("DejaVu", "B", 9)
        self.set_text_color(*BLUE)
        self.cell(0, 5, self.info.organisation, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font("DejaVu", "", 8)
        self.set_text_color(*GREY)
        self.cell(
            0,
            4,
            self.info.programme + "  ·  " + self.info.status_line,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        self.set_draw_color(*BLUE)
        self.line(self.l_margin, self.get_y() + 1, self.w - self.r_margin, self.get_y() + 1)
        self.set_y(self.get_y() + 5)
        self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("DejaVu", "", 8)
        self.set_text_color(*GREY)
        self.cell(0, 5, self.info.footer_left, align="L")
        self.set_x(self.l_margin)
        self.cell(
            0, 5, self.info.page_label.format(page=self.page_no(), pages="{pages}"), align="R"
        )

    def _load_fallback_fonts(self) -> None:
        # Loaded only for text that needs them: the CJK font alone costs ~250 ms to parse.
        self._fallbacks_loaded = True
        fallbacks = []
        for name, candidates in FALLBACK_FONTS.items():
            found = next((path for path in candidates if Path(path).exists()), None)
            if found:
                self.add_font(name, "", found)
                fallbacks.append(name)
        if fallbacks:
            self.set_fallback_fonts(fallbacks, exact_match=False)

    # --- building blocks -------------------------------------------------------------------

    def _write(self, text: str, size: float, style: str = "", height: float = 5.5) -> None:
        if not self._fallbacks_loaded and BEYOND_DEJAVU.search(text):
            self._load_fallback_fonts()
        shaping = bool(COMPLEX_SCRIPT.search(text)) and _shaping_available()
        self.set_text_shaping(shaping)
        self.set_font("DejaVu", style, size)
        self.multi_cell(0, height, text, align=alignment(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def title_block(self) -> None:
        self._write(self.info.title, 16, "B", 8)
        if self.info.subtitle:
            self.set_text_color(*GREY)
            self._write(self.info.subtitle, 10)
            self.set_text_color(0, 0, 0)
        self.ln(3)

    def section(self, heading: str) -> None:
        if self.get_y() > self.h - 45:
            self.add_page()
        self.ln(2)
        self.set_text_color(*BLUE)
        self._write(heading, 11.5, "B", 6.5)
        self.set_text_color(0, 0, 0)

    def field(self, label: str, value: str) -> None:
        self.set_text_color(*GREY)
        self._write(label, 8.5, "", 4.5)
        self.set_text_color(0, 0, 0)
        self._write(value if value.strip() else "—", 10)
        self.ln(1)

    def paragraph(self, text: str) -> None:
        self._write(text if text.strip() else "—", 10)
        self.ln(1)

    def table(self, headings: list[str], rows: list[list[str]], widths: list[float]) -> None:
        if not self._fallbacks_loaded and any(
            BEYOND_DEJAVU.search(v or "") for r in rows for v in r
        ):
            self._load_fallback_fonts()
        cells = [heading for heading in headings] + [v or "" for r in rows for v in r]
        self.set_text_shaping(
            any(COMPLEX_SCRIPT.search(cell) for cell in cells) and _shaping_available()
        )
        self.set_font("DejaVu", "", 9)
        headings_style = FontFace(emphasis="BOLD", color=BLUE, fill_color=(243, 239, 230))
        with super().table(
            col_widths=widths, text_align="LEFT", line_height=5, headings_style=headings_style
        ) as table:
            header = table.row()
            for heading in headings:
                header.cell(heading)
            for values in rows:
                row = table.row()
                for value in values:
                    row.cell(value or "—")
        self.ln(2)

    def to_bytes(self) -> bytes:
        return bytes(self.output())
