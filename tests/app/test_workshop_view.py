"""The network's Workshop tab shows each reader what SPEC.md §1 lets them have: the organisers
everything and its buttons, the Advisory Group everything to read, a participating city the
participants and the approved deliverables' PDFs, another member city the programme only."""

import pytest

from tests.app.test_literal_text import open_screen

PROGRAMME = ["Programme (PDF)", "Calendrier (ICS)"]
PARTICIPANTS = ["Participants (CSV)", "Participants (vCard)"]
SEEN = {
    # account: (downloads, buttons, costs shown)
    "bordeaux": (PROGRAMME + PARTICIPANTS, {"Modifier", "Enregistrer le programme"}, True),
    "advisory": (PROGRAMME + PARTICIPANTS, {"Révisions, commentaires et historique"}, True),
    "bruges": (PROGRAMME + PARTICIPANTS + ["Télécharger en PDF"] * 2, set(), False),
    "cordoba": (PROGRAMME, set(), False),
}


@pytest.mark.parametrize("username", list(SEEN))
def test_each_reader_sees_what_the_access_rules_allow(db_path, username):
    downloads, buttons, costs = SEEN[username]
    at = open_screen("network", username, {"id": "1"}, {"network_view": "Atelier"})
    assert not at.exception
    assert [d.proto.label for d in at.get("download_button")] == downloads
    assert buttons <= {b.label for b in at.button}
    if not buttons:
        assert not at.button
    headers = [m.value for m in at.markdown]
    assert ("#### Coûts" in headers) == costs
    assert ("#### Participants" in headers) == (username != "cordoba")
    assert "#### Livrables" in headers
