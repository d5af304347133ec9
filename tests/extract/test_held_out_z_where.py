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


def _incidents(text: str) -> list[tuple]:
    from reckon import extract
    from reckon.formats import findings_to_json

    found = findings_to_json(extract(text), id="t")["incidents"]
    return [(i["date"], i["place"], [(c["kind"], c["min"]) for c in i["counts"]]) for i in found]


def test_a_month_a_clause_measures_from_sets_no_earlier_incident() -> None:
    text = ("Posted on November 18, 2026\n\nGunmen shelled the market of Tel Harun on Saturday 14 November "
            "2026, killing nine people, the council said.\n\nThe army's spokesman announced only \"three "
            "martyrs\" on Saturday evening and blamed the so-called Saif al-Din, a group that most people in "
            "Tel Harun had never heard of before last month.")
    assert [(d, p) for d, p, _ in _incidents(text)] == [("2026-11-14", "Tel Harun")]


def test_an_indefinite_family_of_a_number_is_the_people_harmed() -> None:
    text = ("Posted on November 18, 2026\n\nGunmen shelled the market of Tel Harun on Saturday 14 November "
            "2026, killing nine people, the council said.\n\nLast March, a shell from the same camp killed a "
            "family of six, a father, his wife and four children, in their house in the village of Kafr "
            "Numan.\n\nThe family of one victim told reporters they had received no help.")
    assert _incidents(text) == [("2026-11-14", "Tel Harun", [("killed", 9)]),
                                ("2026-03", "Kafr Numan", [("killed", 6)])]


def test_a_headline_kind_word_points_at_the_one_numbered_site_of_that_kind() -> None:
    text = ("Gunmen hold dozens in Tajik school, six dead\n\nOSH-KALA, Tajikistan, May 4 (Wire) - Armed men who "
            "seized a school in the town of Osh-Kala on Monday were still holding dozens of pupils on Tuesday, "
            "and at least six people had been killed, the health ministry said.\n\nPolice have sealed off "
            "School No. 7 near the bazaar. Shots were heard from the building overnight.")
    assert [p for _, p, _ in _incidents(text)] == ["School No. 7"]


def test_a_flattened_infobox_location_label_names_the_site() -> None:
    text = ("Osh-Kala school siege\n\nFrom Openpedia\n\nOsh-Kala school siegePart of the unrest in the valley"
            "LocationSchool No. 7, Osh-Kala, TajikistanDate4 May 2026\n\nThe Osh-Kala school siege began on "
            "4 May 2026 when gunmen seized School No. 7 in the town of Osh-Kala. At least six people were "
            "killed.")
    assert [p for _, p, _ in _incidents(text)] == ["School No. 7"]


def test_a_numbered_site_in_the_town_then_called_by_its_kind_is_the_place() -> None:
    text = ("Osh-Kala: toll rises to 30\n\nTwo days after special forces stormed School No. 7 in Osh-Kala, the "
            "commission said 30 hostages had been killed.\n\nOn Wednesday, 28 bodies had been "
            "recovered from the school. Parents in Osh-Kala gathered outside the district office.")
    assert [p for _, p, _ in _incidents(text)] == ["School No. 7"]


def test_the_x_centre_takes_the_kind_of_centre_the_report_speaks_of() -> None:
    text = ("Air strike on migrant detention centre kills 20\n\nAn air strike hit a detention centre south of "
            "the capital late on Tuesday. The strike tore through a hangar at the Dar Wahid centre, killing "
            "at least 20 people, officials said.")
    assert [(m.text, m.kind) for m in find_places(text) if "Wahid" in m.text] == [("Dar Wahid centre", "prison")]
    # no lower-case kind of centre in the text: "the Nour centre" may be anything
    assert [m.text for m in find_places("Talks were held at the Nour centre on Friday.")] == []


def _place_referred(text: str, sentence_opening: str) -> str | None:
    from reckon.extract.count_place import place_referred_to
    from reckon.model import Span

    at = text.index(sentence_opening)
    found = place_referred_to(Span(start=at, end=text.index(".", at) + 1), text, find_places(text))
    return found.name if found else None


def test_a_sentence_opening_on_the_same_kind_points_back_to_that_site() -> None:
    text = ("Shells struck the Kafr Numan Central Hospital on Friday, killing nine.\n\nOfficials in Cairo "
            "condemned it.\n\nThe same hospital was hit by shelling in March 2024, when two nurses were wounded.")
    assert _place_referred(text, "The same hospital") == "Kafr Numan Central Hospital"


def test_a_paragraph_calling_a_site_by_its_kind_word_is_at_that_site() -> None:
    text = ("Shells struck the Kafr Numan Central Hospital on Friday, killing nine.\n\nOfficials in Cairo "
            "condemned it.\n\nThis is not the first time the hospital has been hit. In July 2025, a mortar round "
            "struck its outpatient wing, wounding four members of staff.")
    assert _place_referred(text, "In July 2025") == "Kafr Numan Central Hospital"


_REGISTER = ("INCIDENT REGISTER\nRelease 12/2026 · coded 10 May 2026\n\n-----\nRecord: R-101\n"
             "Date/time: 06/05/2026 (Wed) 20:40\nProvince > district > location: Osk > Tal Vara > Tal Vara town, "
             "Blue Lotus Hotel (car park)\nCategory: Bombing\nKilled: 7\nInjured: 20\n\n-----\nRecord: R-102\n"
             "Date/time: 29/04/2026 (Wed) evening\nProvince > district > location: Osk > Dar Pele > Kamo Rai "
             "village\nCategory: Shooting\nKilled: 2\nInjured: 0\n\n-----\nRecord: R-103\n"
             "Date/time: 07/05/2026 (Thu) morning\nProvince > district > location: Osk > Dar Pele > Sami Kot village\n"
             "Category: Bombing\nKilled: 0\nInjured: 0\n\n-----\n"
             "Release totals (records in this release): 2 records; 9 killed; 20 injured.\n"
             "Year to date (Jan 1 – May 8, 2026): 88 incidents; 61 killed; 140 injured.\n")


def test_a_register_record_is_placed_by_the_last_step_of_its_location_path_and_dated_by_date_time() -> None:
    found = _incidents(_REGISTER)
    assert ("2026-05-06", "Blue Lotus Hotel", [("killed", 7), ("injured", 20)]) in found
    assert ("2026-04-29", "Kamo Rai", [("killed", 2)]) in found


def test_a_line_labelled_as_totals_sums_every_figure_past_its_semicolons() -> None:
    figures = [n for _, _, counts in _incidents(_REGISTER) for _, n in counts]
    assert not {9, 61, 140} & set(figures)


def test_a_record_whose_figures_are_all_nought_is_no_incident() -> None:
    assert "Sami Kot" not in [p for _, p, _ in _incidents(_REGISTER)]


def test_a_day_range_whose_days_carry_their_weekdays_is_dated_by_its_first_day() -> None:
    from reckon.extract.dates import find_dates

    found = find_dates("the massacre in Osk during the night of Saturday 12 to Sunday 13 September 2026")
    assert [(d.text, d.value) for d in found] == [("Saturday 12 to Sunday 13 September 2026", "2026-09-12")]


def test_a_tally_since_a_conflict_began_or_since_a_month_and_year_is_an_aggregate() -> None:
    from reckon.extract.count_scope import _is_aggregate

    text = "More than 4,000 people have been killed in the hills since the rebellion flared up in March 2011."
    assert _is_aggregate(text, text.index("4,000"))
    text = "At least 310 people have been killed in the province since January 2019, monitors say."
    assert _is_aggregate(text, text.index("310"))
    text = "Nine people have been killed since January 5, when the clashes began."
    assert not _is_aggregate(text, text.index("Nine"))


def test_a_sector_named_by_of_or_known_as_is_a_place() -> None:
    found = [(m.name, m.kind) for m in find_places(
        "Troops repelled an attack in the sector known as Loma Verde. Gunmen killed five farmers in the "
        "sector of Paso de Yuca in 2025.")]
    assert found == [("Loma Verde", "district"), ("Paso de Yuca", "district")]
