"""Where and when rules found on held-out batch Z, on short fictional reports of our own:
a joint release's dateline filed from two offices, a town whose first word a gazetteer
knows alone ("Bir" of "Bir al-Qatrani")."""

from __future__ import annotations

from reckon.extract.dates import find_published
from reckon.extract.places import find_places


def test_a_joint_release_dateline_with_two_offices_dates_the_release() -> None:
    text = ("Press release\n\nShelling of clinic kills five\n\nAMMAN / GENEVA, 3 May 2026 – Relief "
            "Partners condemns the shelling of the Tel Zuhra clinic on Friday.")
    found = find_published(text)
    assert found is not None and found[0] == "2026-05-03"


def test_a_gazetteer_word_before_a_joined_arabic_article_is_the_head_of_a_longer_name() -> None:
    text = "Four killed as shells hit a market in Bir al-Qatrani on Friday."
    assert [m.text for m in find_places(text) if m.text == "Bir"] == []
