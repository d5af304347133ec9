"""Speaker names: titles off, short forms expanded, pronouns and role nouns resolved.

The people, places and bodies below are fictional.
"""

from __future__ import annotations

import pytest

from reckon.extract.person_names import strip_titles
from reckon.extract.speakers import SpeakerResolver
from reckon.extract.speech_verbs import load_speech_verbs

STORY = (
    "Interior Minister Halvard Orsk visited the town of Tarvel on Monday. "
    "Major General Idris Mabeko, a defence ministry spokesman, said 12 people died. "
    "The headteacher, Nadia Ferrante, said the girls were missing. "
    "Mrs. Lena Varga, the president of the Tarvel council, spoke later. "
    "Her husband, Mr. Tomas Varga, stayed silent. "
    "Justice Amara Quint sentenced the gunman. "
    "Human Rights Watch said the toll was higher."
)


@pytest.fixture(scope="module")
def story() -> SpeakerResolver:
    return SpeakerResolver(STORY, use_nlp=False)


def at(phrase: str) -> int:
    return STORY.index(phrase) + len(phrase)


@pytest.mark.parametrize(
    ("surface", "name", "titles"),
    [
        ("Major General Idris Mabeko", "Idris Mabeko", {"major", "general"}),
        ("retired Army Col. Petra Lund", "Petra Lund", {"retired", "army", "col"}),
        ("Mr.Anton Rell", "Anton Rell", {"mr"}),
        (
            "Kenyan Interior Minister Otieno Wafula",
            "Otieno Wafula",
            {"kenyan", "interior", "minister"},
        ),
        ("PNP chief Arturo Belmonte", "Arturo Belmonte", {"pnp", "chief"}),
        ("Nadia Ferrante", "Nadia Ferrante", set()),
        ("Transport Minister Kofi Asante", "Kofi Asante", {"transport", "minister"}),
    ],
)
def test_strip_titles(surface: str, name: str, titles: set[str]) -> None:
    assert strip_titles(surface) == (name, titles)


def test_load_speech_verbs_inflects_and_keeps_irregular_pasts() -> None:
    verbs = load_speech_verbs()
    assert verbs["said"] == "say"
    assert verbs["told"] == "tell"
    assert verbs["reiterated"] == "reiterate"
    assert verbs["condemning"] == "condemn"


@pytest.mark.parametrize(
    ("surface", "after", "expected"),
    [
        ("Director of Information, Major General Idris Mabeko", "spokesman, said", "Idris Mabeko"),
        ("Mabeko", "were missing.", "Idris Mabeko"),
        ("Ferrante", "were missing.", "Nadia Ferrante"),
        ("Mrs. Varga", "stayed silent.", "Lena Varga"),
        ("Mr. Varga", "stayed silent.", "Tomas Varga"),
        ("the minister", "Justice Amara Quint", "Halvard Orsk"),
        ("the general", "Justice Amara Quint", "Idris Mabeko"),
        ("the spokesman", "Justice Amara Quint", "Idris Mabeko"),
        ("the headteacher", "Justice Amara Quint", "Nadia Ferrante"),
        ("the judge", "the gunman.", "Amara Quint"),
        ("The same general", "the gunman.", "Idris Mabeko"),
        ("she", "spoke later.", "Lena Varga"),
        ("he", "stayed silent.", "Tomas Varga"),
        ("HRW", "higher.", "Human Rights Watch"),
        ("the organisation", "higher.", "Human Rights Watch"),
        ("it", "higher.", "Human Rights Watch"),
        ("In a letter on Friday, the headteacher, Nadia Ferrante", "higher.", "Nadia Ferrante"),
        ("unnamed security officials", "higher.", "security officials"),
        ("witness accounts", "higher.", "witnesses"),
        ("officials overseeing the operation", "higher.", "officials overseeing the operation"),
    ],
)
def test_speaker_resolver_resolve(
    story: SpeakerResolver, surface: str, after: str, expected: str
) -> None:
    assert story.resolve(surface, position=at(after)) == expected


def test_speaker_resolver_finds_full_name_written_anywhere() -> None:
    text = "Kare Olsen drove the truck. Police questioned Olsen on Monday."
    resolver = SpeakerResolver(text, use_nlp=False)
    assert resolver.resolve("Olsen", position=text.index("on Monday")) == "Kare Olsen"


def test_speaker_resolver_plural_role_finds_first_description() -> None:
    text = "A coalition of regional human rights organizations condemned the raid on Tarvel. The organizations stated it."
    resolver = SpeakerResolver(text, use_nlp=False)
    assert resolver.resolve("the organizations", position=text.index("stated")) == (
        "coalition of regional human rights organizations"
    )


def test_speaker_resolver_statement_is_its_issuer() -> None:
    text = "A Tarvel Relief Agency statement praised the rescue. Later the statement added more."
    resolver = SpeakerResolver(text, use_nlp=False)
    assert (
        resolver.resolve("a Tarvel Relief Agency statement", position=0) == "Tarvel Relief Agency"
    )
    assert resolver.resolve("the statement", position=text.index("added")) == "Tarvel Relief Agency"


def test_speaker_resolver_generic_body_takes_the_text_country() -> None:
    text = "Nigeria’s army entered Tarvel on Sunday. The military said the town was calm."
    resolver = SpeakerResolver(text, use_nlp=False)
    assert resolver.resolve("The military", position=text.index("said")) == "Nigerian military"


def test_speaker_resolver_with_entities_finds_untitled_people() -> None:
    text = "Said Oskar Brandvik, a researcher at the Tarvel institute: the town is empty."
    resolver = SpeakerResolver(text)
    assert resolver.resolve("Brandvik", position=len(text)) == "Oskar Brandvik"


def test_speaker_resolver_pronoun_skips_names_inside_quotations() -> None:
    from reckon.model import Span

    text = 'Mrs. Lena Varga spoke. "We remember Tomas Varga," she said. Then he left.'
    resolver = SpeakerResolver(text, use_nlp=False)
    quote_start = text.index('"') + 1
    resolver.mark_quoted([Span(start=quote_start, end=text.index(',"'))])
    assert resolver.resolve("he", position=text.index("he left")) == ""
    assert resolver.resolve("she", position=text.index("she said")) == "Lena Varga"



def test_speaker_resolver_description_before_a_capitalised_name_is_not_a_role() -> None:
    # "The opposition ... Party" opens a sentence: a name with a description, not "the party"
    # the text mentioned last (here the police).
    text = "Police in Orvel made arrests. The opposition Valley Unity Party said the toll was higher."
    resolver = SpeakerResolver(text, use_nlp=False)
    assert resolver.resolve("The opposition Valley Unity Party", position=text.index("said")) == "Valley Unity Party"


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("A nurse at the Tarvel clinic", "nurse at the Tarvel clinic"),
        ("By Monday evening a community leader in Tarvel", "community leader in Tarvel"),
    ],
)
def test_speaker_resolver_unnamed_person_with_a_prepositional_phrase(surface: str, expected: str) -> None:
    text = "The Tarvel clinic reopened on Monday. " + surface + " said 12 people died."
    resolver = SpeakerResolver(text, use_nlp=False)
    assert resolver.resolve(surface, position=text.index(surface)) == expected


def test_describes_unnamed_people_reads_the_head_before_a_preposition() -> None:
    from reckon.extract.unnamed_sources import describes_unnamed_people

    assert describes_unnamed_people("nurse at the Tarvel clinic")
    assert describes_unnamed_people("officials in Orvel")
    assert not describes_unnamed_people("Tarvel clinic")


def test_speaker_resolver_document_issued_by_a_named_body() -> None:
    text = "A statement posted on a channel used by the Valley Falcons claimed the raid."
    resolver = SpeakerResolver(text, use_nlp=False)
    surface = "A statement posted on a channel used by the Valley Falcons"
    assert resolver.resolve(surface, position=0) == "Valley Falcons"


def test_speaker_resolver_document_from_a_body_with_a_time_phrase() -> None:
    text = "A statement from the Ministry of Water on Monday evening said a patrol was hit."
    resolver = SpeakerResolver(text, use_nlp=False)
    surface = "A statement from the Ministry of Water on Monday evening"
    assert resolver.resolve(surface, position=0) == "Ministry of Water"


@pytest.mark.parametrize(
    ("surface", "expected"),
    [("Human rights group Valley Watch", "Valley Watch"), ("The weekly Le Courrier du Fleuve", "Le Courrier du Fleuve")],
)
def test_speaker_resolver_body_named_after_its_kind(surface: str, expected: str) -> None:
    text = surface + " said 14 people had died."
    resolver = SpeakerResolver(text, use_nlp=False)
    assert resolver.resolve(surface, position=0) == expected


def test_speaker_resolver_possessive_issuer_of_a_report() -> None:
    text = "The Observatory’s report states that 9 died."
    resolver = SpeakerResolver(text, use_nlp=False)
    assert resolver.resolve("The Observatory’s report", position=0) == "Observatory"


class _Ent:
    def __init__(self, text: str) -> None:
        self.text, self.label_ = text, "PERSON"


class _Doc:
    def __init__(self, *names: str) -> None:
        self.ents = [_Ent(name) for name in names]


def test_speaker_resolver_person_entity_cut_short_takes_the_given_names_before_it() -> None:
    # An NER span that drops the first given name ("Halvorsen Dahl") is the full name
    # the text writes; the apposition before it gives the role "mayor".
    text = (
        "The mayor of the Orvel commune, Sten Halvorsen Dahl, told reporters 20 died. "
        "The mayor said more were missing."
    )
    resolver = SpeakerResolver(text, entity_docs=[_Doc("Halvorsen Dahl")])
    assert resolver.resolve("The mayor", position=text.index("said more")) == "Sten Halvorsen Dahl"


def test_speaker_resolver_resolve_pronoun_prefers_the_narrative_subject() -> None:
    text = "Colonel Ivo Brandt spoke first. A doctor at the ward said 9 died. Then he left."
    resolver = SpeakerResolver(text, use_nlp=False)
    position = text.index("he left")
    antecedents = [("A doctor at the ward", text.index("A doctor"), True), ("Colonel Ivo Brandt", 0, True)]
    assert resolver.resolve_pronoun("he", position=position, antecedents=antecedents) == "doctor at the ward"
    # a plural source cannot be "he": the nearest fitting person is taken instead
    plural = [("Witnesses", text.index("A doctor"), True), ("Colonel Ivo Brandt", 0, True)]
    assert resolver.resolve_pronoun("he", position=position, antecedents=plural) == "Ivo Brandt"


def test_speaker_resolver_capitalised_role_is_its_bearer_before_a_body() -> None:
    # "The Commissioner" is the person the text gave that role, not the office whose
    # name holds the word; the spokesperson "for the Commissioner" does not bear it.
    text = (
        "The Office of the Valley Rights Commissioner is alarmed. The Commissioner, Ingrid Solheim "
        "Varga, spoke on Monday. A spokesperson for the Commissioner, Daniel Mbeki Osei, briefed "
        "reporters. The Commissioner called for an inquiry."
    )
    resolver = SpeakerResolver(text, use_nlp=False)
    position = text.index("called for")
    assert resolver.resolve("The Commissioner", position=position) == "Ingrid Solheim Varga"


def test_speaker_resolver_entity_cut_short_stops_at_a_title() -> None:
    # Words before a person entity join the name only up to a title: a portfolio and its
    # office ("Transport Minister") are not given names.
    text = "Transport Minister Kofi Asante-Bram told parliament he had seen no evidence."
    resolver = SpeakerResolver(text, entity_docs=[_Doc("Kofi Asante-Bram")])
    assert resolver.resolve("Transport Minister Kofi Asante-Bram", position=0) == "Kofi Asante-Bram"


def test_speaker_resolver_newspaper_is_not_a_person() -> None:
    text = "The Marshport Gazette reported that the ferry had failed an inspection."
    resolver = SpeakerResolver(text, use_nlp=False)
    assert resolver.resolve_pronoun("she", position=len(text), antecedents=[("The Marshport Gazette", 0, True)]) == ""


def test_speaker_resolver_paternal_surname_alone_is_the_full_name() -> None:
    text = "Brigadier General Tomas Okafor Reyes said the town was secured. Later, Okafor spoke again."
    resolver = SpeakerResolver(text, use_nlp=False)
    assert resolver.resolve("Okafor", position=text.index("spoke")) == "Tomas Okafor Reyes"


def test_speaker_resolver_first_name_is_not_joined_across_a_full_stop() -> None:
    text = "“Nobody warned us,” said Pedro. Pedro Alvarez Ruiz, 40, runs a shop near the square."
    resolver = SpeakerResolver(text, use_nlp=False)
    assert resolver.resolve("Pedro", position=text.index("Pedro")) == "Pedro"


def test_speaker_resolver_role_with_an_of_phrase_is_its_bearer() -> None:
    text = "Governor Hassan Okello Mire visited the camp. The governor of Velmar province said 9 died."
    resolver = SpeakerResolver(text, use_nlp=False)
    position = text.index("said 9")
    assert resolver.resolve("the governor of Velmar province", position=position) == "Hassan Okello Mire"


def test_a_members_name_with_hon_and_a_lower_case_affiliation_is_the_speaker():
    from reckon import extract as _extract

    text = ('The Member of Parliament for Kessa Municipality, Hon. Ivo Saar of the opposition, said residents '
            'had counted "more than 50" dead.')
    assert [q.speaker for q in _extract(text).quotes] == ["Ivo Saar"]
    text = 'The Ministry of the Interior said "more than 50" died in Kessa.'
    assert [q.speaker for q in _extract(text).quotes] == ["Ministry of the Interior"]
