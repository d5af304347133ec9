"""Quotes and their speakers, rules found on held-out batches 10 and 11, each pinned on
fictional sentences of our own."""

from __future__ import annotations

from reckon.extract.quotes import find_quotes
from reckon.extract.speakers import SpeakerResolver


def _quotes(text: str) -> list[tuple[str | None, str]]:
    found = find_quotes(text, speakers=SpeakerResolver(text, use_nlp=False), include_unattributed=False)
    return [(q.speaker, q.starts_with(4)) for q in found]


def test_as_stated_by_names_the_speaker_not_the_word_as() -> None:
    text = ("The outpost above Velmora is in our hands. As stated by our Minister Oskar Delvane: "
            "\"Nobody who fired on the guards will escape justice.\"")
    assert _quotes(text) == [("Oskar Delvane", "Nobody who fired on")]


def test_as_she_put_it_is_the_person_named_before() -> None:
    text = ("Mayor Irena Tolvik visited the market on Sunday. As she put it, "
            "\"the town will not be frightened into silence.\"")
    assert _quotes(text) == [("Irena Tolvik", "the town will not")]


def test_a_name_in_quote_marks_after_called_is_nobody_s_words() -> None:
    text = ("The Harbour Widows' Union (sometimes called the \"Dockside Mothers' League\") held a vigil "
            "on Friday.")
    assert _quotes(text) == []


def test_a_name_spelt_another_way_in_quote_marks_is_nobody_s_words() -> None:
    text = ("Local radio blamed the band, which it sometimes spells \"Saraya Ahl Tilal\", for the raid "
            "on the well at Dorvana.")
    assert _quotes(text) == []


def test_called_with_lower_case_words_still_quotes_them() -> None:
    text = "The Lawyers' Guild of Ostrava called the ruling \"a first step, and only that\"."
    assert _quotes(text) == [("Lawyers' Guild of Ostrava", "a first step, and")]


def test_a_fragment_inside_a_clause_is_credited_by_the_attribution_closing_the_sentence() -> None:
    text = ("A panel will be set up \"within two days\" to look into the shooting at the depot, "
            "Governor Mira Santhal told reporters on Tuesday.")
    assert _quotes(text) == [("Mira Santhal", "within two days")]


def test_a_fragment_before_a_new_clause_with_its_own_content_is_not_credited_by_it() -> None:
    text = ("Crews patched the bridge with a \"temporary fix\" on Monday, "
            "the governor said the road would reopen in May.")
    assert _quotes(text) == []


def test_a_date_opening_the_sentence_is_no_part_of_the_speaker() -> None:
    text = ("The ministry set up a review board under a retired judge. On 4 March 2026 the board's "
            "interim report stated that \"more force than needed\" had been used at the gate.")
    assert _quotes(text) == [("board", "more force than needed")]


def test_claims_spread_by_a_so_called_group_are_that_group_s_words() -> None:
    text = ("The baseless claims spread by the so-called \"Ridge Lions\" through their channels, that "
            "\"the barracks fell in an hour\", are untrue.")
    assert _quotes(text) == [("Ridge Lions", "the barracks fell in")]


def test_an_adjective_then_claims_is_a_noun_not_a_verb() -> None:
    text = "The unfounded claims \"that the wells were poisoned\" were false, Governor Ana Brel said."
    assert _quotes(text) == [("Ana Brel", "that the wells were")]


def test_the_group_claims_is_still_a_verb() -> None:
    text = "The group claims \"total control\" of the pass."
    assert [words for _, words in _quotes(text)] == ["total control"]


def test_it_in_what_it_called_is_the_body_its_sentence_opens_with() -> None:
    text = ("The Velmar Liberation Front said it had fought the army. The opposition called for calm, "
            "while criticising what it called the \"starving of the hill villages\".")
    assert _quotes(text) == [("opposition", "starving of the hill")]


def test_it_opening_the_next_sentence_is_not_in_the_sentence_before() -> None:
    text = ("Nine other people were hurt at the Dorvel post, the army said in a statement. "
            "It said 12 \"bandits\" had been killed.")
    resolver = SpeakerResolver(text, use_nlp=False)
    assert not resolver._same_sentence(0, text.index("It said"))
    assert resolver._same_sentence(0, text.index("the army"))


def test_a_quotation_in_a_labelled_list_item_is_the_label_s() -> None:
    text = ("Figures given for the raid differ:\n"
            "- Velmar Interior Ministry: 7 killed, 4 wounded; 9 raiders \"eliminated\".\n"
            "- Dorvel Monitoring Group: 12 killed.\n")
    assert _quotes(text) == [("Velmar Interior Ministry", "eliminated")]


def test_a_quotation_in_a_list_item_without_a_label_is_not_credited_by_it() -> None:
    text = "Events:\n- Troops entered the \"red zone\" at dawn.\n"
    assert _quotes(text) == []


def test_the_faction_s_spokesman_speaks_for_the_body_named_as_that_faction() -> None:
    text = ("Police blamed the Front pour la libération du Haut-Vel, the armed faction that rejected the "
            "truce. The faction's self-styled spokesman denied any role and called the killings "
            "\"a quarrel between smugglers\".")
    assert _quotes(text) == [("spokesman for Front pour la libération du Haut-Vel", "a quarrel between smugglers")]


def test_a_verb_before_the_name_of_the_faction_is_no_part_of_it() -> None:
    text = ("Residents blamed the Dorvel Front, the armed faction of the hills. The faction's spokesman "
            "called the claim \"a lie from start to end\".")
    assert _quotes(text) == [("spokesman for Dorvel Front", "a lie from start")]


def test_a_wing_named_in_apposition_speaks_not_the_body_it_belongs_to() -> None:
    text = ("The army blamed the Velmar Liberation Front (VLF). In a statement, a commander of the VLF's "
            "armed wing, the Ridge Brigades, said its fighters had \"taken the pass\".")
    assert _quotes(text) == [("Ridge Brigades", "taken the pass")]
