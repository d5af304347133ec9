"""Forms met on held-out batch 4b (contested blame: an army and a rebel group blaming each
other for an airstrike and a massacre). Sentences written for these tests, about fictional
events, places, people and groups."""

from __future__ import annotations

import pytest

from reckon import extract
from reckon.extract.accusations import find_accused
from reckon.extract.nlp import load_nlp
from reckon.formats import findings_to_json


def _accused(sentence: str) -> dict[str, str | None]:
    """Accused surface -> the word of the blamer (None when the sentence's claimant decides)."""
    doc = load_nlp()(sentence)
    return {m.surface: (m.blamer.text if m.blamer is not None else None) for m in find_accused(doc[:])}


def _rows(text: str) -> set[tuple[str, int | None, int | None, str]]:
    data = findings_to_json(extract(text), id="t")
    return {(c["kind"], c["min"], c["max"], c["claimed_by"]) for i in data["incidents"] for c in i["counts"]}


def _perpetrators(text: str) -> set[tuple[str, str]]:
    data = findings_to_json(extract(text), id="t")
    return {(p["actor"], p["claimed_by"]) for i in data["incidents"] for p in i["perpetrators"]}


# -- denials ----------------------------------------------------------------------------------

def test_a_clause_that_a_denial_governs_accuses_no_one() -> None:
    assert _accused("The Velmar army categorically denies that any aircraft of its air force carried out "
                    "a strike on Osk.") == {}
    assert _accused("The Osk Front denied that its fighters attacked the convoy.") == {}


def test_a_clause_before_a_denial_is_not_what_it_denies() -> None:
    assert "gunmen" in _accused("Velmar: gunmen on motorbikes kill 12 at Osk fair; armed group denies role")


# -- who a blame lands on ---------------------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "accused", "blamer"),
    [
        # a blamed weapon: who fired it; the first conjunct's subject blames
        ("The army denied involvement and blamed mortar fire by the Osk Front, saying seven civilians had died.",
         "the Osk Front", "army"),
        # deaths attributed to shelling by someone
        ("The ministry attributed the deaths to shelling by the Tarrow Brigade.", "the Tarrow Brigade", "ministry"),
        # a passive attribution whose "to" the parser hangs on the blamers
        ("The raid was attributed by farmers and the district police to the Dessane Guard, a local militia.",
         "the Dessane Guard", "farmers"),
    ],
)
def test_a_blame_lands_on_who_used_the_weapon_or_on_the_attributed_group(sentence: str, accused: str,
                                                                           blamer: str) -> None:
    assert _accused(sentence).get(accused) == blamer


def test_killings_committed_by_a_group_accuse_it() -> None:
    assert "Dessane Guard" in _accused("Rumours that the killings were committed by the volunteers known as the "
                                       "Dessane Guard are false.")


def test_the_killers_named_after_a_copula_are_accused() -> None:
    assert "Dessane Guard" in _accused("The killers were the so-called Dessane Guard, a militia from the hills.")


def test_an_office_and_its_holder_named_beside_it_are_one_accused() -> None:
    accused = _accused("Villagers were killed by raiders acting at the behest of the Osk County Commissioner, "
                       "Jonas Terrel Mabe, last week.")
    assert "Jonas Terrel Mabe" in accused
    assert not any("Commissioner" in surface for surface in accused)


# -- weapons dropped, fired, hitting ----------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "accused"),
    [
        ("At noon a government Antonov aircraft circled Osk twice and dropped four bombs on the stalls.",
         "a government Antonov aircraft"),
        ("Witnesses said the clinic was hit by rockets fired by the Osk Brigade.", "the Osk Brigade"),
        ("Observers say the depot was hit by aerial bombs dropped from a government aircraft.",
         "a government aircraft"),
        # the aircraft are the force's
        ("On Sunday, two jets of the regime's air force dropped bombs on the monastery in Osk.",
         "the regime's air force"),
    ],
)
def test_who_delivers_a_weapon_is_accused(sentence: str, accused: str) -> None:
    assert accused in _accused(sentence)


def test_a_blow_that_is_no_weapon_accuses_no_one() -> None:
    assert _accused("The price rise hit the poorest families of Osk hardest.") == {}


# -- who says the figure ----------------------------------------------------------------------

def test_a_participle_or_a_second_verb_speaks_for_the_blamer() -> None:
    opening = "Gunmen killed 12 people in Osk, Velmar, on Tuesday. "
    rows = _rows(opening + "The army denied involvement and blamed mortar fire by the Osk Front, saying seven "
                 "civilians had died; the Osk Front denied having fighters in the area.")
    assert ("killed", 7, 7, "army") in rows
    rows = _rows(opening + "The army blamed the Osk Front, and said five civilians had been killed.")
    assert ("killed", 5, 5, "army") in rows


def test_the_holder_of_a_title_the_tagger_takes_for_a_name_speaks() -> None:
    rows = _rows("Gunmen killed 12 people in Osk, Velmar, on Tuesday. The United Nations Humanitarian "
                 "Coordinator, Jane Dorrit, said after visiting the hospital that at least 29 people had been killed.")
    assert ("killed", 29, None, "Jane Dorrit") in rows


# -- an official release's figures ------------------------------------------------------------

def test_a_figure_echoed_in_digits_is_one_figure_and_keeps_its_kind() -> None:
    rows = _rows("Osk, 3rd May 2024. On Friday 2nd May 2024, terrorists fired mortar rounds into the market of "
                 "Osk, Chad. The provisional toll is four (4) civilians dead and nine (9) wounded. In the ensuing "
                 "engagement, twelve (12) terrorists were neutralised.")
    assert rows == {("killed", 4, 4, "author"), ("injured", 9, 9, "author"), ("killed", 12, 12, "author")}


def test_digits_in_brackets_after_a_word_that_is_no_number_stay() -> None:
    from reckon.extract.numbers import find_quantities
    from reckon.extract.sentences import parse_text

    assert parse_text("under Article (5) of the code") == "under Article (5) of the code"
    assert [q.value for q in find_quantities("four (4) civilians and Article (5)")] == [4, 5]


def test_a_bare_figure_before_a_harm_verb_with_no_object_was_harmed() -> None:
    rows = _rows("Gunmen attacked the market of Osk, Chad, on 2 May 2024. The toll is four civilians dead and "
                 "nine wounded.")
    assert ("injured", 9, 9, "author") in rows


# -- where ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Rebels fired mortar rounds from the hills east of Korrapi into the market on Friday.", "Korrapi"),
        ("The army denies that its aircraft carried out an air strike on Korrapi last week.", "Korrapi"),
    ],
)
def test_a_bearing_from_a_place_and_a_strike_on_it_name_the_scene(sentence: str, place: str) -> None:
    from reckon.extract.places import find_places

    assert place in {p.name for p in find_places(sentence)}


# -- a dataset record's fields ----------------------------------------------------------------

def test_a_field_label_with_qualifiers_states_the_figure_in_the_records_voice() -> None:
    rows = _rows("Incident log — Osk market, Chad\nDate: 3 May 2024\nCivilians reported killed: 14–20\n"
                 "Civilians reported injured: 30–45+\n\nSummary: On 3 May 2024, gunmen attacked the market of Osk.\n")
    assert ("killed", 14, 20, "author") in rows
    assert ("injured", 30, None, "author") in rows


def test_an_unknown_label_states_nothing() -> None:
    rows = _rows("Incident log — Osk market, Chad\nDate: 3 May 2024\nVehicles reported burned: 14\n\n"
                 "Summary: On 3 May 2024, gunmen attacked the market of Osk and killed two traders.\n")
    assert rows == {("killed", 2, 2, "author")}


# -- a second scene set one sentence before its figures ----------------------------------------

def test_a_village_located_by_its_distance_from_a_town_sets_the_scene() -> None:
    findings = extract("Gunmen attacked the market of Osk, Chad, on 3 May 2024, killing nine traders.\n\n"
                       "Two days later, on 5 May 2024, armed men entered the village of Tarrembi, ten kilometres "
                       "south of Osk, and went from hut to hut. At least 12 villagers were shot or hacked to death.\n")
    places = {(i.place.name if i.place else None): {(str(c.kind), c.min) for c in i.counts} for i in findings.incidents}
    assert places.get("Tarrembi") == {("killed", 12)}


def test_to_death_on_a_conjoined_verb_kills() -> None:
    rows = _rows("Gunmen raided Osk, Chad, on 3 May 2024. At least 12 villagers were shot or hacked to death.")
    assert rows == {("killed", 12, None, "author")}


# -- descriptions, injuries, datelines, titles ------------------------------------------------

def test_a_description_that_names_whose_force_it_is_is_no_stand_in() -> None:
    from reckon.extract.accusations import is_generic

    assert is_generic("the aircraft")
    assert not is_generic("a government aircraft")
    assert not is_generic("army jets")


def test_injuries_to_people_injure_them() -> None:
    rows = _rows("Bombs struck the market of Osk, Chad, on 2 May 2024. Monitors have documented the deaths of 31 "
                 "civilians and injuries to at least 52 others.")
    assert ("injured", 52, None, "Monitors") in rows


def test_a_release_dated_in_brackets_after_its_city() -> None:
    from reckon.extract.dates import find_published

    found = find_published("Velmar: expert alarmed by attacks\n\nNEW OSK (20 September 2024) – A UN expert today "
                           "called for an inquiry.")
    assert found is not None and found[0] == "2024-09-20"


def test_the_holder_of_a_capitalised_title_speaks_when_the_text_names_only_the_title() -> None:
    findings = findings_to_json(extract(
        "GENEVA (20 September 2024) – The UN Special Rapporteur on Velmar, Ingrid Sollberg-Achebe, today called "
        "for an inquiry into an attack on Osk that killed 12 people.\n\nIn a statement, the Special Rapporteur "
        "said:\n\n\"A market full of traders is not a military objective.\"\n"), id="t")
    assert {(q["speaker"], q["starts_with"][:8]) for q in findings["quotes"]} == {("Ingrid Sollberg-Achebe", "A market")}


def test_soldiers_who_lost_their_lives_are_killed_and_recovered_weapons_are_no_one() -> None:
    rows = _rows("Gunmen attacked Osk, Chad, on 3 May 2024. Two (2) of our gallant soldiers lost their lives and "
                 "three (3) were wounded. Two mortar tubes, nine rifles and a quantity of ammunition were recovered.")
    assert rows == {("killed", 2, 2, "author"), ("injured", 3, 3, "author")}


# -- the issuer's own voice -------------------------------------------------------------------

def test_the_issuers_own_monitors_speak_in_its_voice_after_a_navigation_bar() -> None:
    from reckon.extract.issuer import is_issuer, masthead

    text = ("Home | About us | Statements | Donate\n\nVELMAR CIVIC FORUM IN EXILE\n\nSoldiers shelled the market of "
            "Osk, Chad, on 3 May 2024. According to the Forum's own network of monitors, at least 20 civilians "
            "were killed.\n")
    assert masthead(text) == "VELMAR CIVIC FORUM IN EXILE"
    assert is_issuer("Forum's own network of monitors", "VELMAR CIVIC FORUM IN EXILE")
    assert not is_issuer("Church's own records", "VELMAR CIVIC FORUM IN EXILE")
    assert ("killed", 20, None, "author") in _rows(text)


def test_a_figure_dated_on_the_day_another_site_was_hit_joins_that_site() -> None:
    findings = extract("GENEVA (20 May 2024) – A UN expert condemned the killing of villagers in Tarrembi, Chad.\n\n"
                       "On 16 May, at least 11 villagers were killed in Tarrembi. Gunmen raided Tarrembi at night.\n\n"
                       "Two days earlier, on 14 May, bombs struck the market in Korrapi, killing 31 civilians.\n\n"
                       "More than 4,000 people have fled the area since 14 May, according to the UN mission.\n")
    by_place = {(i.place.name if i.place else None, i.date): {(str(c.kind), c.min) for c in i.counts}
                for i in findings.incidents}
    assert len(by_place) == 2
    assert ("displaced", 4001) in by_place[("Korrapi", "2024-05-14")]


def test_an_allegation_the_writer_rejects_is_not_the_writers_accusation() -> None:
    accused = _perpetrators("Gunmen killed 12 people in Osk, Chad, on 3 May 2024, the army said. The allegation that "
                            "a government plane bombed the market is a fabrication of exile websites.")
    assert ("a government plane", "press reports") in accused
    assert not any(actor == "a government plane" and by == "author" for actor, by in accused)


# -- more ways of saying who did it -----------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "accused", "blamer"),
    [
        ("The governor accused the Osk Brigade of the massacre.", "the Osk Brigade", "governor"),
        ("An airstrike reportedly carried out by the Velmar air force killed 12 people.", "the Velmar air force", None),
        ("The strike, which witnesses attributed to the Velmar air force, killed 12 people.", "the Velmar air force",
         "witnesses"),
        ("Witnesses attributed the strike to a Velmar army drone.", "Velmar army", "Witnesses"),
        ("Police suspect the Tarrow Front of carrying out the bombing.", "the Tarrow Front", "Police"),
        ("The Tarrow Front is suspected of carrying out the bombing.", "The Tarrow Front", None),
    ],
)
def test_more_ways_of_naming_who_did_it(sentence: str, accused: str, blamer: str | None) -> None:
    found = _accused(sentence)
    assert accused in found and found[accused] == blamer


@pytest.mark.parametrize(
    "sentence",
    [
        "Police suspect a gas leak caused the blast.",
        "Following a search operation conducted by the Velmar army, nine pupils were found.",
    ],
)
def test_suspicions_of_no_deed_and_operations_that_answer_an_attack_accuse_no_one(sentence: str) -> None:
    assert _accused(sentence) == {}


def test_an_operation_that_answers_an_attack_accuses_no_one() -> None:
    assert _accused("The governor said the army had launched a vast combing operation around the island.") == {}
    assert "The Osk Brigade" in _accused("The Osk Brigade launched an operation against the village.")


def test_a_blamer_named_by_surname_is_the_person_named_in_full() -> None:
    accused = _perpetrators("Gunmen killed 12 people in Osk, Chad, on 3 May 2024, according to the district "
                            "commissioner, Jules Tarrem Mbala.\n\n\"The enemy came in large numbers. Our forces killed four of the "
                            "assailants,\" Tarrem said in a statement, blaming the Alliance des Forces du Korro (AFK), a "
                            "militia active in the area.\n")
    assert any(actor.startswith("Alliance des Forces") and by == "Jules Tarrem Mbala" for actor, by in accused)
    assert not any(by == "Tarrem" for _, by in accused)


@pytest.mark.parametrize(
    ("sentence", "accused"),
    [
        ("Evidence gathered by the group points to the Osk Brigade.", "the Osk Brigade"),
        ("The ministry said the explosion was caused by a bomb planted by the Velmar Front.", "the Velmar Front"),
    ],
)
def test_evidence_pointing_to_a_group_and_a_bomb_planted_by_it_accuse_it(sentence: str, accused: str) -> None:
    assert accused in _accused(sentence)


def test_pointing_at_a_place_accuses_no_one() -> None:
    assert _accused("The guide pointed to the hills where the camp had been.") == {}


# -- the innermost source of a figure ---------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        ("The UN said at least 29 people had been killed, citing local health officials.", "local health officials"),
        ("A tally by Velmar News put the toll at 14.", "Velmar News"),
    ],
)
def test_the_cited_source_or_the_tallys_maker_is_the_claimant(sentence: str, claimant: str) -> None:
    rows = _rows("Gunmen attacked Osk, Chad, on 3 May 2024. " + sentence)
    assert any(by == claimant for kind, _, _, by in rows if by != "author")


def test_citing_no_source_leaves_the_speaker() -> None:
    rows = _rows("Gunmen attacked Osk, Chad, on 3 May 2024. The UN said at least 29 people had been killed, citing "
                 "security concerns.")
    assert ("killed", 29, None, "United Nations") in rows


def test_a_possessive_owner_of_a_claim_is_named_without_its_s() -> None:
    from reckon.extract.attribution import clean_name

    assert clean_name("army's") == "army"
    assert clean_name("the Velmar Front’s") == "Velmar Front"


def test_a_body_reporting_what_it_documented_is_the_claimant_and_a_contrast_is_cut() -> None:
    opening = "Twelve people were killed in Osk, Chad, on 3 May 2024. "
    assert ("Chadian soldiers", "Velmar Watch") in _perpetrators(
        opening + "Velmar Watch said it had documented how soldiers executed nine men.")
    assert any(actor == "the rebels" for actor, _ in _perpetrators(
        opening + "The army said the rebels, not its aircraft, were responsible for the deaths."))


def test_a_strike_attributed_by_residents_to_a_force_accuses_it_by_them() -> None:
    assert _accused("On 6 May 2024, a drone strike attributed by residents to the army killed three people in "
                    "Korrapi.") == {"the army": "residents"}


def test_a_description_glued_before_a_name_is_not_the_claimant() -> None:
    rows = _rows("Bombs hit the market in Korrapi, Chad, on 3 May 2024. The UN office documented 31 deaths, while the "
                 "exile Equatoria Democratic Forum put the toll at 43.")
    assert ("killed", 43, 43, "Equatoria Democratic Forum") in rows


@pytest.mark.parametrize(
    ("sentence", "row"),
    [
        ("The army said its troops had neutralised about 40 terrorists and lost four men.",
         ("killed", 4, 4, "Chadian army")),
        ("She lost two sons in the attack.", ("killed", 2, 2, "author")),
    ],
)
def test_people_lost_to_an_attack_were_killed(sentence: str, row: tuple) -> None:
    assert row in _rows("Gunmen attacked Korrapi, Chad, on 3 May 2024. " + sentence)


def test_things_lost_are_no_one() -> None:
    assert _rows("Gunmen attacked Korrapi, Chad, on 3 May 2024. The company lost four trucks.") == set()


def test_bandits_are_accused_and_those_who_kill_bandits_are_responders() -> None:
    from reckon.extract.accusations import is_generic

    assert "Bandits" in _accused("Bandits killed nine people in Osk on Tuesday.")
    assert _accused("The news agency claimed that five bandits were killed by security forces.") == {}
    assert not is_generic("armed bandits")


def test_an_opening_date_without_a_comma_does_not_swallow_the_subject() -> None:
    from reckon.extract.sentences import parse_text

    sentence = "On 1 June 2024 the Tarrow Defence Brigade stormed Korrapi and killed 14 villagers."
    assert parse_text(sentence).startswith(" " * len("On 1 June 2024 ") + "the Tarrow")
    assert "the Tarrow Defence Brigade" in _accused(parse_text(sentence).strip())
    assert ("killed", 14, 14, "author") in _rows("Korrapi, Chad\n\n" + sentence)


def test_who_gave_the_orders_for_a_harm_is_accused() -> None:
    assert "Colonel Jan Mirr" in _accused("Soldiers killed nine men on orders from the Osk garrison commander, "
                                          "Colonel Jan Mirr.")
    assert _accused("The court adjourned the hearing on the orders of the judge.") == {}


def test_deaths_spoken_of_are_killed_by_the_speaker_and_speaking_where_people_died_is_no_claim() -> None:
    opening = "Gunmen attacked Korrapi, Chad, on 3 May 2024. "
    assert ("killed", 6, 6, "embassy") in _rows(opening + "The embassy spoke of about six deaths.")
    assert ("killed", 12, 12, "author") in _rows(opening + "The governor spoke to reporters in Korrapi, where 12 "
                                                           "people were killed.")


def test_eliminated_attackers_are_killed_and_a_so_called_claimant_is_named_plainly() -> None:
    opening = "Gunmen attacked Korrapi, Chad, on 3 May 2024. "
    assert ("killed", 12, 12, "author") in _rows(opening + "Twelve terrorists were eliminated and five others captured.")
    assert ("killed", 20, 20, "Velmar Front") in _rows(
        opening + "The so-called Velmar Front has claimed on social media to have killed 20 soldiers.")
