"""Speaker names: titles off, short forms expanded, pronouns and role nouns resolved.

The people, places and bodies below are fictional.
"""

from __future__ import annotations

import pytest

from reckon.extract.speakers import SpeakerResolver, load_speech_verbs, strip_titles

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

