"""Rules found on held-out batch 7, each pinned on fictional sentences of our own."""

from __future__ import annotations


def test_a_coded_first_actor_of_remote_violence_or_an_attack_is_accused_whoever_the_target() -> None:
    # The dataset codes the one who struck first in every event type but a battle, also when
    # the target is an armed unit rather than civilians.
    from reckon.extract.accusations import find_coded_accused

    text = ("1. 02/05/2026 | Ostravia – Kelm – Dunmarsh\nEvent type: Explosions/Remote violence – Drone strike\n"
            "Actors: Unidentified military forces; Kelm Valley Front\nFatalities: 3\n\n"
            "2. 03/05/2026 | Ostravia – Kelm – Orrin\nEvent type: Violence against civilians – Attack\n"
            "Actors: Unidentified gunmen; Orrin village guards\nFatalities: 1\n\n"
            "3. 04/05/2026 | Ostravia – Kelm – Tabb\nEvent type: Battles – Armed clash\n"
            "Actors: Police Forces of Ostravia; Kelm Valley Front\nFatalities: 2\n")
    assert [a.surface for a in find_coded_accused(text)] == ["Unidentified military forces", "Unidentified gunmen"]



def _accused(sentence: str) -> set[str]:
    from reckon.extract.accusations import find_accused
    from reckon.extract.nlp import load_nlp

    return {m.surface for m in find_accused(load_nlp()(sentence)[:])}


def test_blaming_a_force_for_negligence_accuses_it_of_no_harm() -> None:
    assert _accused("The mayor of Korvel blamed the municipal guard for negligence at the gates.") == set()
    assert _accused("The mayor blamed the Korvel Front for lapses that let the bomber through.") == set()
    # blamed for the harm itself: still an accusation
    assert "the Korvel Front" in _accused("The mayor blamed the Korvel Front for the bombing of the bus station.")


def test_a_group_that_claimed_the_attack_in_a_relative_clause_claims_it() -> None:
    sentence = "The Dorrin Brigade, which claimed the attack on Monday night, published a second statement on Tuesday."
    assert "The Dorrin Brigade" in _accused(sentence)


def _quotes(text: str) -> list[tuple[str | None, str]]:
    from reckon.extract.quotes import find_quotes
    from reckon.extract.speakers import SpeakerResolver

    return [(q.speaker, q.starts_with(3)) for q in find_quotes(text, speakers=SpeakerResolver(text, use_nlp=False))]


def test_an_opening_late_or_early_on_a_day_is_no_speaker() -> None:
    text = ("Gunmen attacked the depot in Orsk. Late on Monday, a statement posted on a channel used by the "
            "Dorrin Brigade said its fighters had struck \"where the traitors sleep\" in the town.")
    assert _quotes(text) == [("Dorrin Brigade", "where the traitors")]
    text = "Early on Friday, a message signed by the Dorrin Brigade said it had hit \"the camp of the traitors\"."
    assert _quotes(text) == [("Dorrin Brigade", "the camp of")]


def test_an_unnamed_envoy_or_coordinator_of_a_body_speaks_as_described() -> None:
    # The role bearer is a claimant of their own, not the whole organisation.
    text = ("The army condemned the attack. The UN refugee coordinator for Ostravia said she was "
            "\"shocked by the targeting of a school\".")
    assert _quotes(text) == [("UN refugee coordinator for Ostravia", "shocked by the")]


def test_a_he_after_a_tradesman_who_spoke_is_that_tradesman() -> None:
    text = ("Karel Osk, a trader, said the blast threw him to the ground. \"I saw fire everywhere,\" Osk said.\n\n"
            "A baker whose shop faces the square said a grey van had stood near the gate since dawn. "
            "\"Nobody asked who owned it. Everybody thought it was a visitor,\" he said, declining to give his name.")
    assert _quotes(text)[1] == ("baker", "Nobody asked who")


def test_a_pronoun_ending_an_aside_about_the_speaker_is_not_the_speaker() -> None:
    text = ("Posted by Orsk Desk\n\nSeveral witnesses have told us that they saw soldiers. One survivor, a fisherman "
            "whose son was shot in front of him, told our researchers: \"They were wearing uniforms.\"")
    assert _quotes(text) == [("survivor", "They were wearing")]
    # "one of them" is still the one who speaks
    text = "Four fishermen reached the shore. One of them told us: \"We swam for an hour.\""
    assert _quotes(text)[0][1] == "We swam for"


def _perpetrators(text: str) -> set[str]:
    from reckon import extract
    from reckon.formats import findings_to_json

    data = findings_to_json(extract(text), id="t")
    return {p["actor"] for i in data["incidents"] for p in i["perpetrators"]}


def test_the_attackers_in_another_sources_words_point_back_to_the_attackers_already_described() -> None:
    text = ("Armed men entered the village of Tembo Kusi shortly before midnight and set fire to houses, "
            "killing at least 12 people, according to survivors. Families also told us that at least five "
            "girls were taken away by the attackers and have not been heard from since.")
    found = _perpetrators(text)
    assert "the attackers" not in {f.lower() for f in found}
    assert "armed men" in {f.lower() for f in found}


def test_a_headline_in_capitals_credits_its_quotation_like_running_text() -> None:
    text = ("ORSK MASSACRE: 12 KILLED BY SOLDIERS, AND THE ARMY BLAMES \"BANDITS\"\n\n"
            "Twelve people were killed in Orsk on Monday.")
    assert _quotes(text) == [("army", "BANDITS")]


def test_a_decade_is_no_year() -> None:
    from reckon.extract.dates import find_dates

    text = "The valley has been contested since the early 2010s and the 1990's. The Front emerged in 2023."
    assert [d.year for d in find_dates(text)] == [2023]


def test_figures_without_a_date_take_the_full_date_of_the_sentence_leading_into_them() -> None:
    from reckon import extract
    from reckon.formats import findings_to_json

    text = ("Orsk market bombing\n\n"
            "Background\nThe Kelm valley has seen fighting for years. The Dorrin Brigade emerged in 2021 from a "
            "split in an older network and has attacked checkpoints.\n\n"
            "The Orsk market bombing was a car bomb attack on the market of Orsk, a town in Kelm province, on the "
            "morning of 4 May 2026. Between 20 and 25 people were killed. The Dorrin Brigade claimed the attack.\n")
    data = findings_to_json(extract(text), id="t")
    assert data["incidents"][0]["date"] == "2026-05-04"


def test_where_a_wounded_victim_died_is_not_a_scene_of_its_own() -> None:
    from reckon import extract
    from reckon.formats import findings_to_json

    text = ("A car bomb struck the livestock market of Orsk, a town in Kelm province of Ostravia, on 4 May 2026, "
            "killing at least 20 people.\n\nCasualties\n* The health office gave 15 dead on the day of the attack.\n"
            "* The Ministry of Interior put the toll at 20 dead on 5 May, and at 21 on 9 May, after a boy died of "
            "his wounds in Tarvik.\n")
    data = findings_to_json(extract(text), id="t")
    assert [i["place"] for i in data["incidents"]] == ["Orsk"]


def test_a_coded_entry_line_with_a_bracketed_number_and_a_bar_names_its_place() -> None:
    from reckon.extract.places import find_places

    text = ("[1] 27/10/2026 | Kenya – Kelm – Dunmarsh\nEvent type: Battles\n\n"
            "[2] 28/10/2026 | Kenya – Kelm – Orrin (update)\nEvent type: Battles\n")
    headings = [(m.name, m.source) for m in find_places(text) if m.source == "heading"]
    assert ("Dunmarsh", "heading") in headings and ("Orrin", "heading") in headings


# A weekly digest of two coded entries; the second entry's notes end at "{recalled}".
_TWO_ENTRIES = ("WEEKLY EVENT SUMMARY\nCoverage: 12 - 18 March 2026 | Published: 19 March 2026\n\n"
                "Key points\n- A further attack at the Dunmarsh market in Kenya.\n\n"
                "[1] 13/03/2026 | Kenya – Kelm – Orrin\nEvent type: Violence against civilians – Attack\n"
                "Actors: Unidentified gunmen; Civilians (Kenya)\nNotes: Gunmen shot dead two herders in Orrin.\n"
                "Fatalities: 2\n\n"
                "[2] 15/03/2026 | Kenya – Kelm – Dunmarsh\nEvent type: Violence against civilians – Attack\n"
                "Actors: Unidentified gunmen; Civilians (Kenya)\nNotes: Gunmen shot dead a trader outside the "
                "market.{recalled}\nFatalities: 1\n")


def test_a_coded_entry_at_a_place_the_overview_named_is_its_own_event_dated_by_its_line() -> None:
    from reckon import extract
    from reckon.formats import findings_to_json

    text = _TWO_ENTRIES.format(recalled="")
    data = findings_to_json(extract(text), id="t")
    assert ("2026-03-15", "Dunmarsh") in {(i["date"], i["place"]) for i in data["incidents"]}


def test_a_figure_a_coded_entry_recalls_from_an_earlier_day_is_that_days_event() -> None:
    from reckon import extract
    from reckon.formats import findings_to_json

    text = _TWO_ENTRIES.format(recalled=" The same market was hit by a car bombing on 4 January 2026 that "
                                          "killed at least 19 people.")
    data = findings_to_json(extract(text), id="t")
    dated = {(i["date"], i["place"]) for i in data["incidents"]}
    assert ("2026-03-15", "Dunmarsh") in dated and ("2026-01-04", "Dunmarsh") in dated
