"""The network's Workshop tab shows each reader what SPEC.md §1 lets them have: the organisers
everything and its buttons, the Advisory Group everything to read, a participating city the
participants and the approved deliverables' PDFs, another member city the programme only."""

import pytest

from tests.app.test_literal_text import open_screen

PROGRAMME = ["Programme (PDF)", "Calendrier (ICS)"]
PARTICIPANTS = ["Participants (CSV)", "Participants (vCard)"]
SEEN = {
    # account: (downloads, buttons, costs shown)
    "bordeaux": (PROGRAMME + PARTICIPANTS, {"Modifier"}, True),
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
    if not buttons:  # (the page's links to other screens aside)
        assert not [b for b in at.button if b.label != "Évaluation et contribution"]
    assert bool(at.toggle) == (username == "bordeaux")  # the programme's editor, on demand
    headers = [m.value for m in at.markdown]
    assert ("#### Coûts" in headers) == costs
    assert ("#### Participants" in headers) == (username != "cordoba")
    assert "#### Livrables" in headers


def test_the_pilot_city_opens_the_programme_editor_on_demand(db_path):
    at = open_screen("network", "bordeaux", {"id": "1"}, {"network_view": "Atelier"})
    assert "Enregistrer le programme" not in {b.label for b in at.button}
    at.toggle[0].set_value(True).run()
    assert not at.exception
    assert "Enregistrer le programme" in {b.label for b in at.button}
