"""Rules found on held-out batch 4c (documents listing many incidents: a weekly roundup
under country headings, an encyclopedia list page, a local paper with two attacks).
Fictional text only."""

from __future__ import annotations

from reckon import extract
from reckon.extract.counts import _is_aggregate
from reckon.extract.dates import find_dates
from reckon.extract.places import find_places
from reckon.formats import findings_to_json


def _incidents(text: str) -> list[dict]:
    return findings_to_json(extract(text), id="t")["incidents"]


def test_a_heading_with_accents_places_the_villages_of_its_entries():
    text = ("TOGO\n\nGunmen killed four herders in Velmoka village, Osk prefecture, on 2 May.\n\n"
            "CÔTE D'IVOIRE\n\nArmed men abducted six farmers in Tassiga-Nord village, Dunmore department, on 3 May.")
    countries = {m.name: m.country for m in find_places(text)}
    assert countries["Velmoka"] == "TG" and countries["Tassiga-Nord"] == "CI"


def test_another_capitalised_heading_ends_the_countrys_section():
    text = ("GHANA\n\nGunmen killed four herders in Velmoka village on 2 May.\n\nTRENDS\n\n"
            "Togo saw most of the violence, and in Togo raids near Palmeru village continued.")
    countries = {m.name: m.country for m in find_places(text)}
    assert countries["Velmoka"] == "GH" and countries["Palmeru"] == "TG"


def test_the_area_after_a_village_apposition_only_says_where_the_village_is():
    from reckon.extract.incidents import _LOCATES_PREVIOUS

    for between in (", a hamlet in ", ", a farming village in the ", ", in the ", " near "):
        assert _LOCATES_PREVIOUS.fullmatch(between), between
    assert not _LOCATES_PREVIOUS.fullmatch(", and then attacked ")


def test_a_release_where_the_freed_walked_to_stays_with_the_abduction():
    text = ("Weekly roundup, 7 May 2024\n\nOn 30 April, armed men raided Tassiga-Nord, a hamlet in Osk department, "
            "abducting seven people. Two of them were released on 3 May and walked to the gendarmerie in Dunmore, "
            "residents said.")
    found = [(i["place"], i["date"], sorted(c["min"] for c in i["counts"])) for i in _incidents(text)]
    assert found == [("Tassiga-Nord", "2024-04-30", [2, 7])]


def test_a_tally_since_the_first_of_a_month_is_an_aggregate():
    for text in ("Since 1 January, the Observatory has recorded 47 fatalities in the region.",
                 "The monitor counted 29 deaths over the same period of 2023."):
        assert _is_aggregate(text, text.index("4" if "47" in text else "29"))


def test_a_title_year_dates_the_yearless_days_of_an_undated_list():
    text = "List of attacks in Osk in 2023\n\nThe conflict began in the 1960s.\n\n14 January | Velmoka | 2 | 1"
    days = [d.value for d in find_dates(text) if d.day]
    assert days == ["2023-01-14"]
