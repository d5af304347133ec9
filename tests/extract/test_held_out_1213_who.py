"""Rules found on held-out batches 12 and 13 (who did it, who says so), pinned on fictional sentences of our own."""

from __future__ import annotations


def _claimed(text: str) -> list[tuple[str, int, str]]:
    from reckon import extract
    from reckon.formats import findings_to_json

    data = findings_to_json(extract(text), id="t")
    return [(c["kind"], c["min"], c["claimed_by"]) for i in data["incidents"] for c in i["counts"]]


def test_a_full_name_set_off_after_a_person_role_is_the_holder_whatever_the_tagger_calls_it() -> None:
    # An unfamiliar first name and surname may be tagged as a place; between commas after a
    # role only a person holds, it is the holder's name.
    text = ("Bomb kills two in Lorvale market\n\nLORVALE, 3 March 2026 - A bomb killed two people in the market "
            "of Lorvale on Friday.\n\nThe Minister of Government, Gonzalo Arancibia, told a press conference on "
            "Saturday that the four people arrested on Friday night were members of the Front for Lorvale.\n")
    assert ("arrested", 4, "Gonzalo Arancibia") in _claimed(text)


def test_a_raw_dataset_export_with_upper_case_field_names_codes_its_first_actor() -> None:
    # The same coding as "Actor 1:"/"Event type:" spelled as the export's column names.
    from reckon.extract.accusations import find_coded_accused

    text = ("EVENT_ID: OST-2031-00412\nEVENT_DATE: 2 May 2031\nEVENT_TYPE: Violence against civilians\n"
            "SUB_EVENT_TYPE: Attack\nACTOR1: Kelm Valley raiders (Ostravia)\nASSOC_ACTOR_1: —\n"
            "INTER1: 3\nACTOR2: Civilians (Ostravia)\nLOCATION: Orrin\nFATALITIES: 4\n\n"
            "EVENT_ID: OST-2031-00418\nEVENT_DATE: 4 May 2031\nEVENT_TYPE: Battles\n"
            "ACTOR1: Police Forces of Ostravia (2020-)\nACTOR2: Kelm Valley raiders (Ostravia)\nFATALITIES: 2\n")
    assert [a.surface for a in find_coded_accused(text)] == ["Kelm Valley raiders"]


def test_who_did_not_confirm_a_figure_is_not_its_source() -> None:
    # "a figure X did not confirm" hangs the reported clause on a negated "confirm"; the one
    # who gave the figure keeps it.
    text = ("Blast kills nine in Lorvale\n\nLORVALE, 3 March 2026 - A bomb exploded in the market of Lorvale on "
            "Friday, killing nine people.\n\nA nurse at the district hospital, who asked not to be named, said at "
            "least 17 people had died, a figure police did not confirm.\n")
    claims = _claimed(text)
    assert ("killed", 17, "nurse") in claims
    assert not any("police" in who for _, _, who in claims)


def _accused(sentence: str) -> set[str]:
    from reckon.extract.accusations import find_accused
    from reckon.extract.nlp import load_nlp

    return {m.surface for m in find_accused(load_nlp()(sentence)[:])}


def test_one_cast_as_responsible_for_the_violence_is_accused() -> None:
    sentence = ("The authorities have described the Orrin Liberation Movement, an exile group, as responsible "
                "for the violence.")
    assert any("Orrin Liberation Movement" in a for a in _accused(sentence))
    sentence = "State media portrayed the Kelm Front as responsible for the bombing of the bus depot."
    assert any("Kelm Front" in a for a in _accused(sentence))
    # responsible for something that is no harm: no accusation
    assert _accused("The council named the Kelm Front as responsible for the new water pipeline.") == set()


def test_the_label_of_a_toll_listed_by_source_is_no_killer() -> None:
    # "- Source: 14 killed" lists whose figure it is; the parser may read the label as the
    # subject of "killed".
    assert _accused("- Diocese of Orrin: 14 killed") == set()
    assert _accused("- Kelm Red Crescent (via local radio): 9 killed, 12 injured") == set()
    # a subject that does kill is still accused
    assert any("Kelm Front" in a for a in _accused("The Kelm Front killed 14 villagers in Orrin."))


def _quotes(text: str) -> list[tuple[str | None, str]]:
    from reckon.extract.quotes import find_quotes
    from reckon.extract.speakers import SpeakerResolver

    return [(q.speaker, q.starts_with(3)) for q in find_quotes(text, speakers=SpeakerResolver(text, use_nlp=False))]


def test_a_that_inside_a_relative_aside_does_not_open_the_speakers_clause() -> None:
    # ", who asked that her name not be published," is an aside about the subject; the
    # "that" inside it neither starts the clause nor pairs with a later "and that".
    text = ('A nurse at the Orrin district hospital, who asked that her name not be published, told Kelm Radio '
            'that "the corridors were full of wounded boys".')
    assert _quotes(text) == [("nurse at the Orrin district hospital", "the corridors were")]
    text = ('A nurse at the Orrin district hospital, who asked that her name not be published, told Kelm Radio '
            'that the morgue received 27 bodies and that "the corridors were full of wounded boys".')
    assert _quotes(text) == [("nurse at the Orrin district hospital", "the corridors were")]


def test_a_bodys_own_statement_speaks_for_the_body() -> None:
    text = 'The opposition denies it. The ministry\'s own statement says only that "several officers" were hurt.'
    assert _quotes(text) == [("ministry", "several officers")]


def test_an_it_can_stand_for_a_body_named_by_what_it_is() -> None:
    # "the office of the president ... what it called": an institution's head noun makes it a body
    assert _quotes('The office of the president condemned what it called a "cowardly act".') == [
        ("office of the president", "cowardly act")]


def test_what_someone_responded_to_is_not_their_words() -> None:
    text = ('Interior Minister Arlo Penn said the security forces had responded to "a planned provocation by '
            'the Kelm Front".')
    assert _quotes(text) == [("Arlo Penn", "a planned provocation")]
    # a reply itself still quotes who replies
    assert _quotes('Asked about the toll, the governor replied: "We are still counting."') == [
        ("governor", "We are still")]


def test_a_source_in_brackets_closing_a_clause_of_figures_claims_them() -> None:
    text = ("KELM VALLEY MONITOR - Event record\n\nEVENT_DATE: 4 May 2031\nLOCATION: Orrin\n"
            "NOTES: Armed raiders attacked Orrin village, burning houses. Six women abducted (Kelm Watch); "
            "7 raiders and 1 policeman killed, 2 policemen wounded, and 3 suspects arrested (Police). "
            "[size=no report]\nFATALITIES: 11\n")
    claims = _claimed(text)
    assert ("abducted", 6, "Kelm Watch") in claims
    assert ("arrested", 3, "police") in claims
    assert ("killed", 7, "police") in claims


def test_an_alias_in_brackets_after_a_name_is_no_source() -> None:
    from reckon.extract.source_marks import bracketed_source

    text = "Nine villagers were killed by the Kelm Front (KF); the army said."
    assert bracketed_source(text, text.index("Nine") + 4) is None
    text = "Twelve civilians killed (Kenya)."  # a dataset's country, not a source
    assert bracketed_source(text, text.index("Twelve") + 6) is None


def test_unsigned_posts_are_unnamed_media_whatever_capital_opens_the_sentence() -> None:
    text = ("Gunmen kill twelve in Orrin church\n\nORRIN, 3 March 2031 - Gunmen killed twelve worshippers at a "
            "church in Orrin on Sunday, the police said.\n\nUnverified posts on social media claimed more than 40 "
            "deaths, which the police called false.\n")
    assert ("killed", 41, "press reports") in _claimed(text)


def test_a_states_intelligence_service_can_be_blamed() -> None:
    sentence = ("The Kelm Front has denied responsibility and described the bombing as a false flag, blaming state "
                "intelligence.")
    assert "state intelligence" in _accused(sentence)
    assert "the intelligence services" in _accused("The Kelm Front blamed the intelligence services for the bombing.")
    assert _accused("The minister blamed poor intelligence for the failure to stop the bombing.") == set()


def test_an_it_can_stand_for_an_outlet_named_by_what_it_is() -> None:
    text = ('State television said that the Kelm Front, which it calls a "criminal gang", had "organised armed '
            'provocations" in the square.')
    assert _quotes(text) == [("State television", "criminal gang"), ("State television", "organised armed provocations")]


def test_what_a_relatives_subject_called_something_in_lower_case_words_is_its_judgement() -> None:
    text = 'Unverified posts claimed more than 40 deaths, which the police called "false and misleading".'
    assert _quotes(text) == [("police", "false and misleading")]
    # a name in quote marks stays a name
    assert _quotes('They moved to a village which the locals called "Little Orrin".') == [(None, "Little Orrin")]


def test_two_words_before_one_plural_head_are_one_source() -> None:
    assert _quotes('British and French diplomats said they were "deeply concerned".') == [
        ("British and French diplomats", "deeply concerned")]
    speaker = _quotes('The US and EU embassies in Orrin said they were "following reports of violence".')[0][0]
    assert speaker is not None and speaker.startswith("US and EU embassies")


def test_the_tellers_own_staff_counting_leaves_the_figure_with_the_teller() -> None:
    text = ("Blast kills nine in Lorvale\n\nLORVALE, 3 March 2026 - A bomb exploded in the market of Lorvale on "
            "Friday, killing nine people.\n\nA doctor at the clinic told Radio Orrin that staff had counted 12 "
            "bodies and treated \"more than forty\" people for wounds.\n")
    claims = _claimed(text)
    assert ("killed", 12, "doctor") in claims
    # a named counter keeps the count
    text = text.replace("that staff had counted", "that the Kelm Red Cross had counted")
    assert ("killed", 12, "Kelm Red Cross") in _claimed(text)
