"""The people one document names: who they are, with what titles, roles, gender, and where.

Read once per document: a capitalised name after a title ("Justice Cameron Mander"), a person
the NER finds, a person of the alias table, a name in apposition to a role only a person holds
("the district administrator, Arlo Penn"); then a surname alone merged into the one full name
that has it, and roles read from appositions ("Mira Solberg, the headteacher,"). ``NamedPeople``
also expands a short form ("Rajavi", "Mr. Ustinov") to the fullest name the document gives it.
It knows nothing of who speaks: what a pronoun or a role noun points back to is
``antecedents``, and the name for the words before a reporting verb is ``speakers``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reckon.extract.actors import ActorResolver
from reckon.extract.body_names import written_as_body
from reckon.extract.name_windows import entity_chunks
from reckon.extract.person_names import (
    CALENDAR,
    FEMALE,
    INTRO,
    MALE,
    PRONOUNS,
    TITLES,
    looks_like_person,
    strip_titles,
    word_key,
)
from reckon.extract.speech_verbs import load_speech_verbs
from reckon.model import Span

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["ROLE_SYNONYMS", "NamedPeople"]


# Roles only a person holds, whose holder the text names in apposition ("the district
# administrator, Arlo Penn"; "A local councillor, Jane Doe").
_APPOSED_ROLES = frozenset(
    "administrator councillor lawmaker legislator governor mayor commissioner commander spokesman spokeswoman "
    "spokesperson director president chairman chairwoman chairperson minister prefect official officer chief "
    "elder leader head coordinator secretary prosecutor doctor priest imam pastor headteacher rapporteur envoy "
    # "The driver of the second minibus, Arlo Penn, escaped": a witness's part in the story
    "driver nurse teacher trader farmer conductor survivor witness".split()
)
_ROLE_THEN_NAME = re.compile(
    # "The UN High Commissioner for Human Rights, Jane Doe": a title may be capitalised
    r"\b(?:[Tt]he|[Aa]n?)\s+(?:(?:[a-z-]+\s+){0,3}(?P<role>[a-z-]+)"
    r"|(?:[A-Z][A-Za-z-]*\s+){0,3}(?P<title>[A-Z][a-z]+)(?=\s+(?:of|for|on)\s))"
    r"(?:\s+(?:of|for|in|on)\s+(?:the\s+)?(?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}|(?:[a-z-]+\s+){0,2}[a-z-]+))?,\s+"
    r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3})(?=\s*[,.;]|\s+(?:said|says|told)\b)"
)
_OBJECT_PREPOSITIONS = frozenset("for of to with by from".split())
# Titles whose role a later "the <role>" refers back to.
_ROLE_OF_TITLE = {
    "gen": "general",
    "justice": "judge",
    "col": "colonel",
    "lt": "lieutenant",
    "maj": "major",
    "capt": "captain",
    "sgt": "sergeant",
    "gov": "governor",
    "supt": "superintendent",
    "adm": "admiral",
    "prof": "professor",
    "dr": "doctor",
}
ROLE_SYNONYMS = {
    "spokeswoman": "spokesman",
    "spokesperson": "spokesman",
    "headmaster": "headteacher",
    "headmistress": "headteacher",
    "head": "headteacher",
    "justice": "judge",
    "prosecutor-general": "prosecutor",
    "attorney-general": "attorney",
}
# A capitalised name: words with capitals, initials ("F."), particles ("al-", "bin").
_NAME_RUN = re.compile(
    r"(?:[A-Z][\w’'-]*\.?|(?:al|el|bin|ibn|de|da|van|von|der|la|le|dos|del)-?(?=\s*[A-Z]))"
    r"(?:[ \t]+(?:[A-Z][\w’'-]*\.?|(?:al|el|bin|ibn|de|da|van|von|der|la|le|dos|del)-?(?=\s*[A-Z])))*"
)


def _name_pieces(match: re.Match[str]) -> list[tuple[int, str]]:
    """A capitalised run split where a full stop ends a sentence ("Monday. Major General X")
    and a leading speech verb dropped ("Said Oskar Brandvik")."""
    pieces: list[tuple[int, str]] = []
    start = match.start()
    text = match.group()
    for stop in re.finditer(r"(?<=[A-Za-z]{2})\.\s+", text):
        word = re.search(r"([A-Za-z]+)$", text[: stop.start()])
        if word and word_key(word.group(1)) not in TITLES | MALE | FEMALE | {"jr", "sr", "st"}:
            pieces.append((start, text[: stop.start()]))
            offset = stop.end()
            text, start = text[offset:], start + offset
            break
    pieces.append((start, text))
    out = []
    for at, piece in pieces:
        first = piece.split(" ", 1)
        if len(first) == 2 and first[0].lower() in load_speech_verbs():
            at, piece = at + len(first[0]) + 1, first[1]
        out.append((at, piece))
    return out


@dataclass(slots=True)
class _Person:
    name: str
    gender: str | None = None
    titles: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    positions: list[int] = field(default_factory=list)

    @property
    def surname(self) -> str:
        words = [
            w
            for w in self.name.replace(",", "").split()
            if word_key(w) not in ("jr", "sr", "jnr", "snr")
        ]
        return word_key(words[-1]) if words else ""


# The role after a name: "Mira Solberg, the headteacher, said".
_ROLE_AFTER = re.compile(r",\s+(?:a|an|the)\s+([a-z][\w -]{2,60}?)(?=[,:]|\s+(?:who|said|told|at|of|for|in|on)\b)")
# What may stand between the comma closing a role and the name: "a spokesman, Col. X".
_ROLE_GAP = re.compile(r"\s+(?:[A-Z][\w.]*\s+){0,4}")


def _roles_after(text: str, name: str) -> list[re.Match[str]]:
    """The matches of ``name`` + _ROLE_AFTER, as ``re.finditer(re.escape(name) + ...)``
    finds them (leftmost, non-overlapping), without compiling a pattern per name: a
    document has a few people, a batch thousands, and compiling cost more than reading."""
    found: list[re.Match[str]] = []
    at = text.find(name)
    while at >= 0:
        match = _ROLE_AFTER.match(text, at + len(name))
        if match is not None:
            found.append(match)
        at = text.find(name, match.end() if match is not None else at + 1)
    return found


def _roles_before(text: str, name: str) -> list[re.Match[str]]:
    """The matches of "a spokesman, Col " + ``name``. The pattern holds the name, so it
    is compiled per name, but only when some mention of the name could close one: right
    after a comma and at most four capitalised words, behind a role's last character."""
    at = text.find(name)
    while at >= 0:
        comma = text.rfind(",", 0, at)
        if comma > 0 and _ROLE_GAP.fullmatch(text, comma + 1, at) and re.match(r"[\w -]", text[comma - 1]):
            break
        at = text.find(name, at + 1)
    else:
        return []
    pattern = r"\b(?:[Aa]n?|[Tt]he)\s+([a-z][\w -]{2,50}?),\s+(?:[A-Z][\w.]*\s+){0,4}" + re.escape(name)
    return list(re.finditer(pattern, text))


class NamedPeople:
    """The people one document names, read once when built."""

    def __init__(
        self,
        text: str,
        *,
        actors: ActorResolver | None = None,
        nlp: Language | None = None,
        use_nlp: bool = True,
        quoted: list[Span] | None = None,
        places: frozenset[str] = frozenset(),
        entity_docs: list[Doc] | None = None,
    ):
        self.text = text
        # Names the document uses as places ("Tamakoira's market") are never people.
        self._places = {name.casefold() for name in places}
        self.actors = actors or ActorResolver(text)
        self._quoted: list[Span] = list(quoted or [])
        self._quoted_index: tuple[list[int], list[int]] | None = None
        self._people: dict[str, _Person] = {}
        self._person_ents: set[str] = set()
        self._full_names: dict[str, list[tuple[int, str]]] = {}  # surname -> (offset, full name)
        self._body_written: dict[str, bool] = {}  # name -> written_as_body(text, name)
        if use_nlp:
            # entity_docs: the NER already run on entity_chunks(text), in the same order
            self._read_entities(nlp, entity_docs)
        self._read_people()

    # -------------------------------------------------------------- reading the text
    def mark_quoted(self, spans: list[Span]) -> None:
        """Tell the resolver which stretches are quotations: names inside them are not
        antecedents of a later "he" or "the group" in the narrative."""
        self._quoted = list(spans)
        self._quoted_index = None

    def _in_quote(self, position: int) -> bool:
        # Asked for every person at every pronoun: a bisect over the spans by start, with the
        # furthest end reached so far (quotations may nest), instead of a scan of them all.
        if self._quoted_index is None:
            spans = sorted(self._quoted, key=lambda span: span.start)
            furthest, reach = -1, []
            for span in spans:
                furthest = max(furthest, span.end)
                reach.append(furthest)
            self._quoted_index = ([span.start for span in spans], reach)
        starts, reach = self._quoted_index
        last = bisect_right(starts, position) - 1
        return last >= 0 and reach[last] > position

    def _read_entities(self, nlp: Language | None, entity_docs: list[Doc] | None) -> None:
        if entity_docs is None:
            from reckon.extract.nlp import find_entities

            # Only entities are read here, and the small model's NER has its own embedding
            # layer (no listener on the shared tok2vec), so the other components are skipped:
            # the same entities at about a third of the cost.
            not_people = frozenset(at for mention in self.actors.mentions
                                   for at in range(mention.span.start, mention.span.end))
            chunks = entity_chunks(self.text, not_people=not_people)
            entity_docs = find_entities(chunks, nlp=nlp) if chunks else []
        for doc in entity_docs:
            for ent in doc.ents:
                if (
                    ent.label_ == "PERSON"
                    and looks_like_person(ent.text)
                    and not self.actors.canonical(ent.text)
                ):
                    self._person_ents.add(ent.text.strip())

    def _written_as_body(self, name: str) -> bool:
        """The tagger takes an unfamiliar group's name for a person's ("the Tesso Vanu militia");
        the text says otherwise when it writes the name after "the", before a body noun, or
        in apposition to one ("a rival militia, Tesso Vanu"). A person's name is not written so."""
        if name not in self._body_written:
            self._body_written[name] = written_as_body(self.text, name)
        return self._body_written[name]

    def _read_people(self) -> None:
        """Named people: a capitalised name after a title ("Justice Cameron Mander",
        "Interior minister Joseph Nkaissery"), a person entity, or a person of the table."""
        for match in _NAME_RUN.finditer(self.text):
            for start, run in _name_pieces(match):
                self._read_run(run, start)
        for ent in sorted(self._person_ents):
            ent_words = ent.split(" ", 1)
            if len(ent_words) == 2 and ent_words[0].lower() in load_speech_verbs():
                ent = ent_words[1]
            name, titles = strip_titles(ent)
            name = self._fullest_written(name)
            if name not in self._people and looks_like_person(name):
                for match in re.finditer(re.escape(ent), self.text):
                    self._add_person(name, titles, match.start())
        for mention in self.actors.mentions:
            if mention.kind == "person":
                self._add_person(mention.canonical, set(), mention.span.start)
        for match in _ROLE_THEN_NAME.finditer(self.text):
            role = (match.group("role") or match.group("title")).lower()
            # "the territorial administrator of Velmar, Arlo Penn Mbeki": a role only a person
            # holds names the person in apposition to it, whatever the tagger made of the name.
            name, _ = strip_titles(match.group("name"))
            name = self._fullest_written(name) if name in self._people else name
            if role in _APPOSED_ROLES and looks_like_person(name) and not self._is_actor(name) \
                    and name.casefold() not in self._places:
                if name not in self._people:
                    for at in [m.start() for m in re.finditer(re.escape(name), self.text)]:
                        self._add_person(name, set(), at)
                    self._people[name].roles.add(role)
                elif match.group("title"):
                    # a person the tagger already knew bears a capitalised title too ("the High
                    # Commissioner said" after "The UN High Commissioner ..., Jane Doe")
                    self._people[name].roles.add(role)
        self._merge_surnames()
        self._read_roles()

    def _fullest_written(self, name: str) -> str:
        """A person entity cut short ("Hassane Yacouba" in "…, Boubacar Hassane Yacouba,"):
        the capitalised given names the text writes right before it belong to the name (up
        to a title: "Transport Minister Kofi Asante" stays "Kofi Asante")."""
        pattern = r"(?<![\w’'.-])((?:[A-Z][\w’'-]+[ \t]+){1,2})" + re.escape(name) + r"\b"
        for match in re.finditer(pattern, self.text):
            given: list[str] = []
            for word in reversed(match.group(1).split()):
                if (
                    word_key(word) in TITLES | MALE | FEMALE | PRONOUNS.keys() | {"the", "a", "an"}
                    or INTRO.match(word)
                    or re.fullmatch(CALENDAR, word)
                    or self.actors.canonical(word)
                    or word.casefold() in self._places
                    or word.lower() in load_speech_verbs()  # "Said Hassane Yacouba"
                ):
                    break
                given.insert(0, word)
            if given:
                return " ".join([*given, name])
        return name

    def _merge_surnames(self) -> None:
        """ "Mr Nkaissery" is "Joseph Nkaissery" when the text gives one full name with
        that surname; with two ("Maryam Rajavi", "Massoud Rajavi") the short form stays
        apart and is told apart when resolved."""
        for short in [p for p in self._people.values() if len(p.name.split()) == 1]:
            fuller = [
                p
                for p in self._people.values()
                if p is not short and p.surname == short.surname and len(p.name.split()) > 1
            ]
            if (
                len(fuller) == 1
                and short.gender in (None, fuller[0].gender)
                or (len(fuller) == 1 and fuller[0].gender is None)
            ):
                target = fuller[0]
                target.positions += short.positions
                target.titles |= short.titles
                target.roles |= short.roles
                target.gender = target.gender or short.gender
                del self._people[short.name]

    def _read_run(self, run: str, start: int) -> None:
        run = re.split(r"\s+(?:" + CALENDAR + r")\b", run)[0].rstrip(".")
        if run.endswith(("’s", "'s")):
            run = run[:-2]
        name, titles = strip_titles(run)
        before = re.findall(r"[A-Za-z.-]+", self.text[max(0, start - 40) : start])
        found: set[str] = set()
        n = 0
        for word in reversed(before[-3:]):
            if word_key(word) not in TITLES:
                break
            found.add(word_key(word))
            n += 1
        # "A spokesperson for the Commissioner, Daniel Osei": the title belongs to the
        # object of the preposition, not to the person named after it.
        rest = [w.lower() for w in before[: len(before) - n]]
        if not (rest[-2:-1] and rest[-1] in ("the", "a", "an") and rest[-2] in _OBJECT_PREPOSITIONS):
            titles |= found
        if not titles and name not in self._person_ents:
            return
        if looks_like_person(name) and not self._is_actor(name):
            if (
                len(name.split()) == 1
                and not titles & (MALE | FEMALE)
                and name not in self._person_ents
            ):
                return  # "General" alone, "Chief": a title, not a name
            self._add_person(name, titles, start + run.rfind(name.split()[0]))

    def _is_actor(self, name: str) -> bool:
        kind = self.actors.kind(name)
        return kind is not None and kind != "person"

    def _add_person(self, name: str, titles: set[str], position: int) -> None:
        if name.casefold() in self._places and not titles:
            return
        gender = "m" if titles & MALE else "f" if titles & FEMALE else None
        person = self._people.get(name)
        if person is None:
            person = self._people[name] = _Person(name=name)
        person.positions.append(position)
        person.titles |= titles
        person.roles |= {
            _ROLE_OF_TITLE.get(t, t) for t in titles if t in TITLES and t not in MALE | FEMALE
        }
        person.gender = person.gender or gender

    def _read_roles(self) -> None:
        """Appositions give roles: "Mira Solberg, the headteacher," / "a spokesman, Col X"."""
        for person in self._people.values():
            for match in (*_roles_after(self.text, person.name), *_roles_before(self.text, person.name)):
                role = re.split(r"\s+(?:of|for|at|in|on)\s", match.group(1), maxsplit=1)[0]
                head = role.split()[-1]
                person.roles.add(ROLE_SYNONYMS.get(head, head))

    # ------------------------------------------------------------------ short forms
    def _expand(self, bare: str, titles: set[str], position: int) -> str | None:
        """A short form ("Rajavi", "Mr. Ustinov") -> the fullest name the document gives it."""
        if bare in self._people and len(bare.split()) >= 2:
            return bare
        surname = word_key(bare.split()[-1]) if bare.split() else ""
        gender = "m" if titles & MALE else "f" if titles & FEMALE else None
        candidates = [
            p
            for p in self._people.values()
            if p.surname == surname
            and len(p.name.split()) >= len(bare.split())
            and (gender is None or p.gender in (None, gender))
        ]
        if not candidates and len(bare.split()) == 1:
            # "Okafor" for "Tomas Okafor Reyes", "Ngoy" for "Jules Ngoy Mbala": a paternal
            # surname or middle name used alone stands for the fuller name.
            candidates = [
                p
                for p in self._people.values()
                if surname in [word_key(w) for w in p.name.split()[1:-1]]
                and (gender is None or p.gender in (None, gender))
            ]
        fuller = [p for p in candidates if len(p.name.split()) > len(bare.split())]
        candidates = fuller or candidates
        if not fuller and len(bare.split()) == 1:
            written = self._written_in_full(bare, position)
            if written:
                return written
        if not candidates:
            return None

        def rank(person: _Person) -> tuple[int, int, int, int]:
            before = [p for p in person.positions if p <= position]
            narrative = [p for p in before if not self._in_quote(p)]
            return (
                len(person.titles & titles & (MALE | FEMALE)),
                1 if narrative else 0,
                max(narrative or before or [-1]),
                len(person.name.split()),
            )

        return max(candidates, key=rank).name

    def _written_in_full(self, surname: str, position: int) -> str | None:
        """ "Zubairu" -> "Amina Zubairu" when the text writes the full name somewhere, even
        in a sentence nobody is quoted in (those are not read for entities)."""
        found = self._full_names.get(surname)
        if found is None:  # the text's full names for a surname are read once, not per mention
            found = self._full_names[surname] = []
            # (a full stop only after an initial or an abbreviated title: "said Pedro. Pedro
            # Alvarez …" is two sentences, not a name)
            pattern = (
                r"\b((?:(?:[A-Z]|Mrs?|Ms|Dr|Gen|Col|Lt|Maj|Capt|Sgt|Gov|Sen|Rep|Rev|Prof)\.\s*|[A-Z][\w’'-]+\s+){1,3})"
                + re.escape(surname)
                + r"\b"
            )
            for match in re.finditer(pattern, self.text):
                name, _ = strip_titles(match.group(1) + surname)
                if len(name.split()) >= 2 and looks_like_person(name) and not self._is_actor(name):
                    if word_key(name.split()[0]) not in TITLES | PRONOUNS.keys() | {"the", "a", "an"}:
                        found.append((match.start(), name))
        if not found:
            return None
        before = [pair for pair in found if pair[0] < position]
        return (before[-1] if before else found[0])[1]
