"""Text in other scripts survives into PDFs on any machine: the CJK font ships with the project,
Arabic is shaped and reads right to left in paragraphs and table cells alike."""

from pathlib import Path

from ovpm.pdf import FALLBACK_FONTS, FONT_DIR, Document, DocumentInfo, alignment
from tests.services.test_networks import pdf_text

INFO = DocumentInfo("OVPM", "Roadmap", "Title", "", "status", None, "{page}/{pages}", "")
ARABIC = "مدينة فاس القديمة تراث عالمي حي تحافظ على الحرف التقليدية في قلب المغرب"
JAPANESE = "京都の町家と景観の保全"


def test_the_cjk_font_is_shipped_with_the_project_not_taken_from_the_machine():
    for candidates in FALLBACK_FONTS.values():
        assert all(Path(path).parent == FONT_DIR and Path(path).exists() for path in candidates)
    assert (FONT_DIR / "LICENSE-DroidSansFallback.txt").exists()


def test_japanese_text_is_in_the_extracted_text_of_a_pdf():
    document = Document(INFO)
    document.paragraph(JAPANESE)
    document.table(["Ville", "Thème"], [["Kyoto", JAPANESE]], [40, 130])
    assert pdf_text(document.to_bytes()).count(JAPANESE) == 2


def test_arabic_in_a_table_cell_is_shaped_like_a_paragraph():
    document = Document(INFO)
    document.table(["Ville", "Thème"], [["فاس", ARABIC]], [40, 130])
    text = pdf_text(document.to_bytes())
    assert "التقليدية" in text and "ةيديلقتلا" not in text  # joined, right to left


def test_text_in_a_complex_script_is_never_justified():
    assert alignment("La ville et son patrimoine.") == "J"
    assert alignment(ARABIC) == "R"
    assert alignment("Fès : " + ARABIC) == "L"
