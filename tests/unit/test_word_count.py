"""Words are counted as a French, English or Spanish reader counts them (the same rule runs in
the browser's live counter: tests/e2e/test_forms.py)."""

import pytest

from ovpm.domain.submissions import count_words

NBSP, NNBSP = "\u00a0", "\u202f"
FRENCH = (
    "Bruges : la ville « patrimoine » face au tourisme ! C'est l'eau, aujourd'hui, mise en "
    "œuvre rue Saint-Louis au 17e siècle."
)
EXAMPLES = [
    (FRENCH, 18),
    # as pasted from a word processor: no-break spaces before : ! and inside « »
    (FRENCH.replace(" :", NBSP + ":").replace(" !", NNBSP + "!"), 18),
    (FRENCH.replace("« ", "«" + NNBSP).replace(" »", NNBSP + "»"), 18),
    ("la ville" + NBSP + "historique", 3),
    ("¿Dónde está el patio? ¡Aquí, en Córdoba!", 7),
    ("¿ Dónde ? ¡ Aquí !", 2),
    ("the quays — and the residents – live here", 7),
    ("quays—residents", 2),
    ("2022–2024", 2),
    ("C’est l’eau d’un fleuve", 4),  # typographic apostrophes join like '
    ("Saint-Louis, Trois-Rivières, Aix-en-Provence", 3),
    ("17e siècle, 1er étage, 3,5 km", 6),
    ("… — « » : ; ! ? ¿ ¡ - –", 0),
    ("", 0),
    (None, 0),
    ("  \n\t word \n", 1),
]


@pytest.mark.parametrize(("text", "words"), EXAMPLES)
def test_words_are_counted_as_a_reader_counts_them(text, words):
    assert count_words(text) == words


def test_five_hundred_french_words_with_detached_punctuation_count_five_hundred():
    text = " ".join(["patrimoine"] * 497) + " : « quais » ! les ? eaux"
    assert count_words(text) == 500
