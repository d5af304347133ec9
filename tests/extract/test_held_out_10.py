"""Who did it, rules found on held-out batches 10 and 11, each pinned on fictional sentences of our own."""

from __future__ import annotations


def _accused(sentence: str) -> set[str]:
    from reckon.extract.accusations import find_accused
    from reckon.extract.nlp import load_nlp

    return {m.surface for m in find_accused(load_nlp()(sentence)[:])}


def _blamers(sentence: str) -> dict[str, str | None]:
    from reckon.extract.accusations import find_accused
    from reckon.extract.nlp import load_nlp

    return {m.surface: m.blamer.text if m.blamer is not None else None
            for m in find_accused(load_nlp()(sentence)[:])}


def test_a_group_that_calls_itself_a_quoted_name_is_that_name() -> None:
    sentence = ("Four drivers are still in the hands of the criminal gang, which calls itself \"Jund al-Tilal\" "
                "and is said to operate from the hills.")
    assert "Jund al-Tilal" in _accused(sentence)


def test_a_so_called_group_in_quote_marks_is_the_quoted_name_whole() -> None:
    sentence = ("Early reports indicate that the raiders belong to a faction of the so-called "
                "\"Front pour la défense de la Haute-Varenne\", which rejects the accord.")
    assert "Front pour la défense de la Haute-Varenne" in _accused(sentence)


def test_a_name_known_locally_keeps_its_assimilated_article() -> None:
    sentence = "Herders blamed a militant cell known locally as Saraya ad-Dahab for the kidnapping of the guards."
    assert "Saraya ad-Dahab" in _accused(sentence)


def test_members_of_a_described_organisation_are_of_the_name_set_after_it() -> None:
    sentence = ("Shortly after midnight, members of the outlawed separatist organisation KVF/ARD, crossing "
                "from the hills, carried out an attack on the Dorvel border post.")
    assert _accused(sentence) == {"KVF/ARD"}


def test_pointing_the_finger_at_a_group_blames_it() -> None:
    assert _blamers("Farmers and a local official pointed at a gang known locally as Ahl al-Wadi.") == {
        "Ahl al-Wadi": "Farmers"}
    assert _blamers("Villagers pointed the finger at the Orrin Front.") == {"the Orrin Front": "Villagers"}
    # pointing a weapon or at a place blames no one
    assert _accused("A sentry pointed a rifle at the Orrin Front men.") == set()
    assert _accused("The guide pointed at the hills near Orrin where the bodies lay.") == set()


def test_a_state_force_and_a_named_force_read_as_one_phrase_are_two_accused() -> None:
    assert _accused("Police and Border Security Corps (BSC) personnel fired on the marchers.") == {
        "Police", "Border Security Corps (BSC) personnel"}
    assert _accused("Six inmates died when police and members of the Rural Guard fired into the yard.") == {
        "police", "members of the Rural Guard"}


def test_bare_officers_beside_a_police_force_are_its_officers() -> None:
    from reckon.extract.perpetrators import incident_perpetrators
    from reckon.model import AUTHOR, Accusation

    police = Accusation(actor="Dorvel police", claimant=AUTHOR, span=None, extractor="t")
    officers = Accusation(actor="officers", claimant=AUTHOR, span=None, extractor="t")
    assert incident_perpetrators([police, officers], frozenset()) == (police,)
    # with no police force named, the officers are who the text accuses
    assert incident_perpetrators([officers], frozenset()) == (officers,)


def test_further_qualified_perpetrators_on_lines_of_their_own_are_infobox_values() -> None:
    from reckon.extract.accused_in_text import find_infobox_accused

    text = ("Injured7[1]\nPerpetratorsKessel Valley Front (KVF) (alleged)[3]\nDorvel Brigade (claimed)[4]\n\n"
            "The 2031 Orrin raid was an attack on a border post.")
    assert [a.surface for a in find_infobox_accused(text)] == ["Kessel Valley Front", "Dorvel Brigade"]
    # an unqualified next label is not a further value
    text = "PerpetratorsKessel Valley Front\nMotiveRevenge for the arrests\n\nThe raid began at dawn."
    assert [a.surface for a in find_infobox_accused(text)] == ["Kessel Valley Front"]


def test_an_infobox_label_run_into_a_name_is_no_part_of_its_long_form() -> None:
    from reckon.extract.actor_definitions import find_document_aliases

    text = "Deaths4[2]\nPerpetratorsKessel Valley Front (KVF) (alleged)[3]\n\nThe minister blamed the KVF."
    assert find_document_aliases(text) == {"Kessel Valley Front": {"KVF"}}


def test_harm_over_a_whole_country_accuses_no_one_of_this_attack() -> None:
    # a figure for the whole country is the conflict's, even when two verbs share it
    assert _accused("Kessel forces killed or captured 112 armed militants across the country last year, "
                    "according to defence ministry figures.") == set()
    assert _accused("Troops have killed 40 insurgents nationwide, the army said.") == set()
    # two verbs sharing one object keep their accused when nothing widens them
    assert _accused("Gunmen killed or abducted 12 people in Orrin on Sunday.") == {"Gunmen"}


def test_a_self_name_is_read_also_where_the_pipeline_blanked_its_quote_marks() -> None:
    from reckon.extract.sentences import parse_text

    sentence = ("Two guards are still in the hands of the criminal gang, which calls itself \"Jund al-Tilal\" "
                "and is said to operate from the hills.")
    assert "Jund al-Tilal" in _accused(parse_text(sentence))
    sentence = "The raiders belong to the so-called \"Front pour la défense de la Haute-Varenne\", a splinter faction."
    assert "Front pour la défense de la Haute-Varenne" in _accused(parse_text(sentence))


def _claimed(text: str) -> list[tuple[str, int, str]]:
    from reckon import extract
    from reckon.formats import findings_to_json

    data = findings_to_json(extract(text), id="t")
    return [(c["kind"], c["min"], c["claimed_by"]) for i in data["incidents"] for c in i["counts"]]


def test_a_release_headed_by_its_body_in_title_case_speaks_in_its_own_voice() -> None:
    from reckon.extract.issuer import masthead

    text = ("Velmar Rights Forum (VRF)\nHome | About Us | Press\n\nPRESS RELEASE\nFor immediate release - Orrin, "
            "3 May 2031\n\nSix farmers were killed near Orrin on Sunday, according to information gathered by the "
            "Velmar Rights Forum (VRF) from relatives.")
    assert masthead(text) == "Velmar Rights Forum"
    assert _claimed(text) == [("killed", 6, "author")]
    # a headline in title case is no masthead
    assert masthead("Police Kill Six In Orrin\n\nBy A Reporter\nSix were killed.") is None


def test_a_wire_update_note_is_the_agency_s_own_voice() -> None:
    text = ("Gunmen killed four prisoners in Orrin on Saturday.\n\n"
            "UPDATE 1, May 14, 2130 GMT: Adds toll rising to five, hospital comment")
    assert ("killed", 5, "author") in _claimed(text)


def test_a_source_closing_a_dash_set_aside_claims_the_figure_and_he_goes_on_with_it() -> None:
    text = ("Gunmen stopped the coach on Tuesday. Two men were killed - the driver, shot dead when he tried to "
            "reverse, and a guard travelling in plain clothes - a gendarmerie officer in Kessel told Orrin 24. "
            "He said 21 passengers had been taken.")
    assert _claimed(text) == [("killed", 2, "gendarmerie officer"), ("abducted", 21, "gendarmerie officer")]
    # "he" of no unnamed source stays the writer's
    assert ("abducted", 21, "author") in _claimed(
        "Gunmen stopped the coach on Tuesday, killing two, police said. He said 21 passengers had been taken.")


def test_a_dataset_entry_coding_one_actor_a_line_accuses_its_first_actor_of_one_sided_violence() -> None:
    from reckon.extract.accusations import find_coded_accused

    text = ("EVENT ID: OST101\nEvent type: Violence against civilians\nActor 1: Kelm Valley Front (KVF)\n"
            "Actor 2: Civilians (Ostravia)\nFatalities: 2\n\n"
            "EVENT ID: OST102\nEvent type: Battles\nActor 1: Military Forces of Ostravia (2020-)\n"
            "Actor 2: Kelm Valley Front (KVF)\nFatalities: 5\n\n"
            "EVENT ID: OST103\nEvent type: Explosions/Remote violence\nActor 1: Unidentified Armed Group (Ostravia)\n"
            "Actor 2: Military Forces of Ostravia (2020-)\nFatalities: 0\n")
    assert [a.surface for a in find_coded_accused(text)] == ["Kelm Valley Front", "Unidentified Armed Group (Ostravia)"]


def test_blaming_a_described_band_tied_to_a_group_blames_the_group() -> None:
    assert _blamers("The prefect blamed an armed band linked to the remnants of the Kessel Front for the killings.") == {
        "the Kessel Front": "prefect"}
    assert _blamers("The prefect blamed a gang close to the Orrin Brigade.") == {"the Orrin Brigade": "prefect"}
    # a group with a name of its own is who is blamed, whatever it is tied to
    assert _blamers("Officials blamed the Orrin Front, which is linked to the Kessel Front.") == {
        "the Orrin Front": "Officials"}


def test_a_group_telling_of_its_own_fighters_harm_claims_it() -> None:
    from reckon.extract.accusations import find_accused
    from reckon.extract.nlp import load_nlp

    def claimed(sentence: str) -> set[tuple[str, bool]]:
        return {(m.surface, m.self_claimed) for m in find_accused(load_nlp()(sentence)[:])}

    assert claimed("The Kessel Front said in a statement that its fighters attacked the post.") == {
        ("The Kessel Front", True)}
    assert claimed("A spokesman for the Kessel Front said its men had stormed the post and killed 12 guards.") == {
        ("the Kessel Front", True)}
    # a denial claims nothing
    assert claimed("The Kessel Front denied that its fighters had attacked the post.") == set()


def test_a_list_of_each_source_s_figures_credits_each_line_to_its_label() -> None:
    text = ("Casualties\nFigures given for the raid differ:\n"
            "- Kessel Ministry of Defence: 9 killed (6 soldiers, 3 civilians), 9 wounded.[1]\n"
            "- A local official, via the Orrin Post: 11 killed.[2]\n"
            "- Orrin Rights Association: 10 killed.[7]\n")
    assert set(_claimed(text)) == {("killed", 9, "Kessel Ministry of Defence"), ("injured", 9, "Kessel Ministry of Defence"),
                                   ("killed", 11, "local official"), ("killed", 10, "Orrin Rights Association")}
    # a record's field label is no source, nor is a place a summary is ordered by
    assert set(_claimed("Timeline\n- Civilians reported killed: 12\n")) == {("killed", 12, "author")}
    assert set(_claimed("Weekly summary\n- Kessel Province: 4 killed.\n- Ostravia: 3 killed.\n")) == {
        ("killed", 4, "author"), ("killed", 3, "author")}


def test_a_figure_credited_with_per_is_that_source_s() -> None:
    assert _claimed("Gunmen killed 12 (per local officials) in Orrin on Monday.") == [("killed", 12, "local officials")]
    assert _claimed("Gunmen killed 12 people, per the Orrin Post, on Monday.") == [("killed", 12, "Orrin Post")]
    # a rate is no source
    assert _claimed("Gunmen killed 12 people per village in Orrin on Monday.") == [("killed", 12, "author")]


def test_information_with_no_one_behind_it_is_the_writer_s() -> None:
    text = ("Gunmen abducted nine people in Orrin on Monday. According to the information available, three "
            "villagers are still missing.")
    assert _claimed(text) == [("abducted", 9, "author"), ("missing", 3, "author")]


def test_a_verb_after_a_colon_that_reports_its_own_clause_reports_nothing_before_it() -> None:
    text = ("The Orrin Forum has collected the names of nine dead, all of them prisoners, and believes the true "
            "toll may be higher: families of three further inmates say they have not been able to see them.")
    assert ("killed", 9, "families of three further inmates") not in _claimed(text)
    # a headline's source after a colon still credits the figure
    assert _claimed("Toll in Orrin jail riot rises to 40: Red Crescent says") == [("killed", 40, "Red Crescent")]


def test_a_name_ending_in_its_own_bracket_keeps_it_closed() -> None:
    from reckon.extract.actors import ActorResolver

    resolver = ActorResolver("Actor 1: Unidentified Armed Group (Ostravia)")
    assert resolver.resolve("Unidentified Armed Group (Ostravia)") == "Unidentified Armed Group (Ostravia)"


def test_a_rate_per_number_is_no_source() -> None:
    assert _claimed("Gunmen killed 12 people per 1,000 residents in Orrin on Monday.") == [("killed", 12, "author")]


def test_the_authorities_are_the_government_only_where_the_text_speaks_of_one() -> None:
    text = ("Gunmen killed villagers in Orrin, Senegal, on Sunday. The authorities have put the toll at 13. "
            "Witnesses said at least 17 were killed.")
    assert ("killed", 13, "authorities") in _claimed(text)
    text = ("Gunmen killed villagers in Orrin, Senegal, on Sunday. The government promised an inquiry. "
            "The authorities have put the toll at 13.")
    assert ("killed", 13, "authorities") not in _claimed(text)
