"""Who is speaking: the name to report for the words before a reporting verb.

A text names its sources many ways: "Director of Defence Information, Major General Chris
Olukolade", then "Olukolade", then "he"; "The medical charity MSF", then "the
organisation". ``SpeakerResolver`` reads one document once and turns any of those
surfaces, at a position, into one name: titles and roles stripped, a surname expanded to
the fullest name the document gives, a pronoun or a role noun ("the general") taken to
the nearest compatible person or organisation before it, organisations canonicalised
through the alias table. Unnamed sources stay as the text describes them ("officials
overseeing the operation", "witnesses").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reckon.extract.actors import ActorResolver
from reckon.extract.body_names import DESCRIBED_BODY, OF_NAMED_BODY, written_as_body
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
from reckon.extract.unnamed_sources import (
    NOUN_PHRASE_END,
    ONE_OF_PLURAL,
    UNNAMED_PEOPLE,
    describes_unnamed_people,
    is_one_unnamed_person,
    unnamed_head,
    without_intro,
)
from reckon.model import Span

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["SpeakerResolver"]

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
_BODY_SPOKESMAN = re.compile(
    r"\bthe\s+(?P<body>group|militia|movement|organi[sz]ation|gang|faction|rebels)[’']s?\s+"
    r"(?P<role>spokesman|spokeswoman|spokesperson)\b", re.IGNORECASE)
_SAME_SOURCE = re.compile(r"(?:the\s+)?same\s+(?:source|official|officer|witness|resident|person|man|woman)")
_WHOSE_FIGURES = re.compile(r"(?P<owner>.+?)['’]s?\s+(?:(?:final|official|latest|own|provisional|updated|revised)\s+)?"
                            r"(?:figures?|count|tally|toll|data|records|statistics|numbers)")
_AND_IN_NAME = re.compile(r"\b[A-Z][\w’'-]*\s+(?:for|against)\s+(?:the\s+)?[A-Z][\w’'-]*\s+and\s+[A-Z]")
_SELF_DESCRIBED = re.compile(
    r"\b(?:described|presented|identified|introduced|describing|presenting|identifying|introducing)\s+"
    r"(?:himself|herself|themselves)\s+as\s+(?:a|an|the)\s+(?P<role>spokesman|spokeswoman|spokesperson|"
    r"commander|member|leader)\s+(?:for|of)\s+(?:the\s+)?(?P<body>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,5})"
    # "..., Arlo Penn, denied": the name he gave, in apposition to the role
    r"(?:,\s+(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3})(?=\s*,|\s*$))?")
# A source named only as they asked to be: "who gave his name only as Tunde", "identified
# only as Amina", "who asked to be called Joseph".
_GIVEN_NAME = re.compile(
    r"\b(?:gave|gives|give)\s+(?:his|her|their|only\s+(?:his|her|their))\s+(?:first\s+)?name\s+"
    r"(?:only\s+)?as\s+([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)"
    r"|\bidentified\s+(?:only\s+)?(?:as|by\s+(?:his|her)\s+(?:first\s+)?name,?)\s+([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)"
    r"|\basked\s+to\s+be\s+(?:called|identified\s+as)\s+([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)"
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
_ROLE_SYNONYMS = {
    "spokeswoman": "spokesman",
    "spokesperson": "spokesman",
    "headmaster": "headteacher",
    "headmistress": "headteacher",
    "head": "headteacher",
    "justice": "judge",
    "prosecutor-general": "prosecutor",
    "attorney-general": "attorney",
}
# How far back (characters) a "they" looks for the source that last spoke.
_THEY_REACH = 400
# "The Velmar Health Ministry's autopsy unit released on Monday detailed reports": a named
# body (capitalised words, perhaps a possessive and a lower-case head) issuing reports.
_ISSUED_REPORTS = re.compile(
    r"(?P<issuer>(?:The\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*(?:[’']s)?(?:\s+[a-z]+){0,2})\s+"
    r"(?:submitted|released|issued|published|presented|produced|handed\s+over)\b[^.;]{0,80}?\breports?\b"
)
_DOCUMENT_NOUNS = r"statement|report|release|press release|communiqu[eé]|tweet|post|letter|bulletin|note|video|message"
# "one of them said": one member of a plural source named just before.
# ("Four former detainees told the Observatory ... “…,” one said": "one" alone is one of them.)
_ONE_OF_THEM = re.compile(r"(?:one|another|a\s+second|a\s+third|each)(?:\s+of\s+(?:them|those))?")

# Bodies a bare noun names ("police said", "the army said"), which titles also contain
# ("Police Lieutenant Colonel"): the noun alone is the body, never one officer.
_INSTITUTIONS = frozenset({"police", "army", "military", "navy", "government", "authorities", "gendarmerie",
                           "prosecutors", "prosecution", "court", "judiciary", "presidency"})
_ORG_ROLES = {
    "group": None,
    "organisation": None,
    "organization": None,
    "organisations": None,
    "organizations": None,
    "charity": "ngo",
    "rights group": "ngo",
    "watchdog": "ngo",
    "monitor": "ngo",
    "ngo": "ngo",
    "agency": None,
    "body": None,
    "coalition": None,
    "alliance": None,
    "movement": None,
    "militants": "armed_group",
    "newspaper": "media",
    "paper": "media",
    "daily": "media",
    "broadcaster": "media",
    "network": "media",
    "channel": "media",
    "outlet": "media",
    "news agency": "media",
    "ministry": "government",
    "department": "government",
    "embassy": "government",
    "mission": None,
    "force": None,
    "company": None,  # "The company said in a statement ...": the firm the text named
    "firm": None,
}
_NAMED_BEFORE = re.compile(r"([A-Z][\w’'-]*(?:[ ](?:del|de|la|of|for|the|[A-Z][\w’'-]*))*[ ][A-Z][\w’'-]*),[ ]$")
_WITNESS = re.compile(
    r"^(eye)?(witness|survivor|resident|villager|refugee)\s+(claims|accounts|reports|testimon(?:y|ies)|statements)$",
    re.I,
)
# A capitalised name: words with capitals, initials ("F."), particles ("al-", "bin").
_NAME_RUN = re.compile(
    r"(?:[A-Z][\w’'-]*\.?|(?:al|el|bin|ibn|de|da|van|von|der|la|le|dos|del)-?(?=\s*[A-Z]))"
    r"(?:[ \t]+(?:[A-Z][\w’'-]*\.?|(?:al|el|bin|ibn|de|da|van|von|der|la|le|dos|del)-?(?=\s*[A-Z])))*"
)
_QUANTIFIERS = frozenset("one two three four five six seven eight nine ten some several many most each all both "
                         "none another any few".split())
_PREPOSITION_CUT = re.compile(
    r"\s+(?:in|on|at|during|from|with|via|through|after|before|last|this|today|yesterday)\s"
    # "Ivo Saar of the opposition": a lower-case affiliation after a name ("the Ministry of the
    # Interior" goes on with a capital)
    r"|\s+of\s+the\s+(?=[a-z])"
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


@dataclass(frozen=True, slots=True)
class _Said:
    position: int
    name: str
    kind: str  # "person" | "org" | "group" (an unnamed plural source)
    gender: str | None = None

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


class SpeakerResolver:
    """Names of speakers for one document; build once per text, then ``resolve`` in order."""

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
        self._said: list[_Said] = []
        # "…,” she said" of a person the text gave no title: the pronoun tells the gender, and
        # a later "he said" is then someone else
        self._told_gender: dict[str, str] = {}
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
                person.roles.add(_ROLE_SYNONYMS.get(head, head))

    # ------------------------------------------------------------------ resolving
    def resolve(self, surface: str, *, position: int) -> str:
        """The speaker's name for ``surface`` (the words naming them) at ``position``."""
        name, kind, gender = self._resolve(surface, position)
        if name:
            self._said.append(_Said(position=position, name=name, kind=kind, gender=gender))
            written = " ".join(surface.split()).strip(" ,.;:")
            if written.lower() not in PRONOUNS and kind in ("person", "org"):
                self.actors.note(name, written)  # "the headteacher" is an alias of her name
        return name

    def resolve_pronoun(self, pronoun: str, *, position: int, antecedents: list[tuple[str, int, bool]]) -> str:
        """ "“…,” she said": the speaker is the nearest earlier subject the narrative gives
        that the pronoun can stand for. ``antecedents`` are (words, position, by_verb),
        nearest first: subjects of reporting verbs ("A nurse at the hospital … said the
        hospital had …") and, with by_verb False, names opening a sentence ("Hadjia Mariama
        Soumana was counting …"). "he"/"she" take a person of that gender or one unnamed
        person, "it" a body, "one of them" a plural unnamed source ("Two soldiers at the
        camp … said …"), "they" a body or a plural source, "the statement" whoever the
        narrative says issued one; the rest are passed over. With no fit the pronoun goes to the
        nearest person or body the text names."""
        lowered = " ".join(pronoun.lower().split())
        wanted = "p1" if _ONE_OF_THEM.fullmatch(lowered) else PRONOUNS.get(lowered)
        if re.fullmatch(r"(?:the|this|that)\s+(?:" + _DOCUMENT_NOUNS + r")", lowered):
            wanted = "doc"  # "the statement said": whoever the narrative said issued it
        if wanted == "doc":
            # the issuer whose sentence mentions that document ("… said in a statement …")
            noun = lowered.split()[-1]
            if noun == "source":  # any one source: "a police officer ... The same source"
                noun = "(?:" + "|".join(sorted(w for w in UNNAMED_PEOPLE if not w.endswith("s"))) + ")"

            def mentions(antecedent: tuple[str, int, bool]) -> bool:
                stop = self.text.find(".", antecedent[1])
                return noun in self.text[antecedent[1] : stop if stop >= 0 else None].lower()

            antecedents = sorted(antecedents, key=lambda a: not mentions(a))  # stable: nearest first
        if wanted in ("m", "f", "o", "p", "p1", "doc"):
            for surface, at, by_verb in antecedents:
                if surface.strip().lower() in PRONOUNS:
                    continue
                name, kind, gender = self._resolve(surface, at)
                if not name or (not by_verb and not self._is_new_person(name, kind)):
                    continue
                if wanted == "o":
                    fits = kind == "org"
                elif wanted == "p":  # "they": a body or a plural unnamed source
                    fits = kind == "org" or (
                        kind == "group" and describes_unnamed_people(name) and not is_one_unnamed_person(name)
                    )
                elif wanted == "doc":
                    fits = kind in ("org", "person") or (kind == "group" and not describes_unnamed_people(name))
                elif wanted == "p1":
                    fits = kind == "group" and describes_unnamed_people(name) and not is_one_unnamed_person(name)
                else:
                    gender = gender or self._told_gender.get(name)
                    fits = (kind == "person" and gender in (None, wanted)) or (
                        kind == "group" and is_one_unnamed_person(surface, wanted)
                    )
                if fits:
                    if wanted in ("m", "f") and kind == "person" and gender is None:
                        self._told_gender[name] = wanted
                        gender = wanted
                    self._said.append(_Said(position=position, name=name, kind=kind, gender=gender))
                    return name
        return self.resolve(pronoun, position=position) if wanted != "p1" else ""  # (a document: its issuer)

    def _is_new_person(self, name: str, kind: str) -> bool:
        """A name opening a sentence with no reporting verb stands for a person only when it
        is one: two words or more, not a place of the text, not a known body."""
        return (
            kind == "person"
            and len(name.split()) >= 2
            and name.casefold() not in self._places
            and not self._is_actor(name)
        )

    def _resolve(self, surface: str, position: int) -> tuple[str, str, str | None]:
        cleaned = " ".join(surface.split()).strip(" ,.;:-–—\"“”‘’'()")
        cleaned = re.sub(r"^(?:and|but|while|whereas|as|so|then)\s+", "", cleaned, flags=re.I)
        if not cleaned:
            return "", "group", None
        lowered = cleaned.lower()
        if lowered in PRONOUNS:
            return self._pronoun(PRONOUNS[lowered], position)
        if _SAME_SOURCE.fullmatch(lowered):
            # "The same source told us that ...": the source the text cited last
            noun = lowered.split()[-1]
            if noun == "source":  # any one source: "a police officer ... The same source"
                noun = "(?:" + "|".join(sorted(w for w in UNNAMED_PEOPLE if not w.endswith("s"))) + ")"
            # the last one of that noun the text described ("According to a police officer in the
            # province, ..."), else the last source resolved before
            window = self.text[max(0, position - 1500):position]
            described = list(re.finditer(rf"\b(?:[Aa]n?|[Oo]ne)\s+((?:[a-z-]+\s+){{0,3}}{noun})\b", window))
            if described:
                return self._resolve(described[-1].group(1), max(0, position - 1500) + described[-1].start(1))
            last = max((said for said in self._said if said.position < position), key=lambda said: said.position,
                       default=None)
            if last is not None:
                return last.name, last.kind, last.gender
        figures = _WHOSE_FIGURES.fullmatch(cleaned)
        if figures:
            # "according to the government's final figures": the figures are the government's
            return self._resolve(figures.group("owner"), position)
        owned = _BODY_SPOKESMAN.search(cleaned)
        if owned:
            # "a man presenting himself as the group's spokesman": he speaks for the body the
            # text named before, as "the spokesman for X" does.
            body = self._org_role(owned.group("body").lower(), owned.group("body").lower(), position)
            if body and body[0] and body[0][:1].isupper():
                return f"{owned.group('role').lower()} for {body[0]}", "person", None
        self_named = _SELF_DESCRIBED.search(cleaned)
        if self_named is None and re.fullmatch(r"(?:an?|the)\s+(?:man|woman|person|caller)", cleaned, re.I):
            # the subject alone ("A man") stands before the clause that says who he is
            stop = self.text.find(".", position)
            self_named = _SELF_DESCRIBED.search(self.text, position, stop if stop >= 0 else len(self.text))
        if self_named:
            # "A man who described himself as a spokesman for the Osk Guard": the role he gave
            body = self_named.group("body")
            if self_named.group("name") and looks_like_person(self_named.group("name")):
                return self_named.group("name"), "person", None
            return f"{self_named.group('role').lower()} for {self.actors.canonical(body) or body}", "person", None
        given = _GIVEN_NAME.search(cleaned)
        if given:  # "a truck driver who gave his name only as Tunde"
            return next(g for g in given.groups() if g), "person", None
        relative = re.search(r"\s+(?:who|which|that)$", cleaned)
        if relative:
            cleaned = cleaned[: relative.start()]
        # "the Union for Peace and Justice": "and" inside a name after its "for" joins no two sources
        joins = r"" if _AND_IN_NAME.search(cleaned) else r"|\s+and\s+(?=[A-Z])"
        segments = [
            self._head(without_intro(s.strip()))
            for s in re.split(r",|\s+[–—-]\s+|\(|\)" + joins, cleaned)
            if s.strip()
        ]
        best = max(segments, key=lambda s: (self._score(s), -segments.index(s)))
        if self._score(best) <= 1 and not describes_unnamed_people(best) and not self._described_body(best) \
                and not OF_NAMED_BODY.fullmatch(best):
            inner = self._names_inside(cleaned, last=bool(relative))
            if inner:
                best = inner
        for other in segments:
            if other is not best:
                self._note_role(best, other)
        return self._name_of(best, position)

    def _head(self, segment: str) -> str:
        """ "The New York Times on September 3" -> "The New York Times": a known name
        followed by a prepositional phrase keeps only the name."""
        for match in _PREPOSITION_CUT.finditer(segment):
            head = segment[: match.start()]
            words = re.sub(r"^(?:the|a|an)\s+", "", head, flags=re.I).split()
            if (
                self.actors.canonical(head)
                or self._score(head) >= 3
                # ("One of the two students ...": a quantifier opening the sentence is no name)
                or (words and all(w[:1].isupper() for w in words) and words[0].lower() not in _QUANTIFIERS)
            ):
                return head
        return segment

    def _names_inside(self, region: str, *, last: bool) -> str | None:
        """The first (or, before "who", the last) name a long region contains."""
        found: list[tuple[int, str]] = []
        for mention in self.actors.mentions_in(region):
            if mention.kind != "country":
                found.append((mention.span.start, mention.surface))
        for person in self._people:
            for match in re.finditer(re.escape(person), region):
                found.append((match.start(), person))
        for match in re.finditer(r"\b[A-Z][\w’'-]+(?:\s+(?:[A-Z]\.|[A-Z][\w’'-]+))+", region):
            name, _ = strip_titles(match.group())
            before = region[max(0, match.start() - 6) : match.start()].split()
            if before and before[-1].lower() in (
                "the",
                "a",
                "an",
                "our",
                "its",
                "his",
                "her",
                "their",
            ):
                continue  # "the Resistance’s Leader": a role, not a name
            if before and before[-1].lower() in ("of", "in", "at", "from"):
                continue  # "the governor of South Velmar": where the role is held, not who speaks
            if "’s" in name or "'s" in name:
                continue
            if match.start() and looks_like_person(name) and not self._is_actor(name):
                found.append((match.start() + match.group().rfind(name), name))
        # A name inside a longer one ("Rajavi" in "Massoud Rajavi") is the longer one.
        found = [
            (at, name)
            for at, name in found
            if not any(
                o <= at and at + len(name) <= o + len(other) and (o, other) != (at, name)
                for o, other in found
            )
        ]
        if not found:
            return None
        found.sort()
        return found[-1][1] if last else found[0][1]

    def _score(self, segment: str) -> int:
        if INTRO.match(segment):
            return 0
        if self.actors.canonical(segment):
            return 4 if self.actors.kind(segment) == "person" else 3
        bare, titles = strip_titles(segment)
        if looks_like_person(bare) and bare[:1].isupper():
            if (
                titles
                or bare in self._person_ents
                or bare in self._people
                or self._expand(bare, titles, 0)
            ):
                return 4
            return 3 if len(bare.split()) >= 2 else 2
        return 1

    def _note_role(self, name_segment: str, role_segment: str) -> None:
        bare, _ = strip_titles(name_segment)
        person = self._people.get(self._expand(bare, set(), len(self.text)) or bare)
        words = re.sub(r"\s+(?:who|which|that|of|for|in|on|at|to)\b.*$", "", role_segment).split()
        if person is not None and words and words[0].lower() in ("a", "an", "the"):
            person.roles.add(_ROLE_SYNONYMS.get(words[-1].lower(), words[-1].lower()))

    def _name_of(self, segment: str, position: int) -> tuple[str, str, str | None]:
        segment = re.sub(r"^(?:the\s+)?same\s+", "the ", segment, flags=re.I)
        witness = _WITNESS.match(segment)
        if witness:
            return (
                (witness.group(1) or "")
                + witness.group(2)
                + ("es" if witness.group(2).endswith("s") else "s"),
                "group",
                None,
            )
        doc_noun = re.match(
            r"^(?:the|a|an|its|their|his|her)\s+(.+?)\s+(?:" + _DOCUMENT_NOUNS + r")$",
            segment,
            re.I,
        )
        issued_by = re.match(
            r"^(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+(?:[a-z-]+\s+)?(?:" + _DOCUMENT_NOUNS + r")\b.*?\s"
            r"(?:by|from)\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|al-[\w’'-]+|of|de|du|des))*)"
            r"(?:\s+(?:on|late|early|last|this|overnight)\b.*)?$",  # "… on Monday evening"
            segment,
        )
        if issued_by:  # "A statement posted … on a channel used by the Harakat Rijal al-Sahra"
            issuer = issued_by.group(1)
            return self.actors.canonical(issuer) or issuer, "org", None
        if doc_noun and doc_noun.group(1)[:1].isupper():
            issuer = re.sub(r"[’']s$", "", doc_noun.group(1))  # "The Observatory’s report"
            return self.actors.canonical(issuer) or issuer, "org", None
        if re.fullmatch(r"(?:(?:the|these|those)\s+)?(?:[a-z-]+\s+){0,2}reports?", segment, re.I):
            # "the autopsy reports" after "The ministry's autopsy unit released
            # detailed reports": the reports are the issuer's.
            issuer = self._issuer_of_reports(position)
            if issuer:
                return self.actors.canonical(issuer) or issuer, "org", None
        if unnamed_head(segment) is not None:
            # "a Kenyan police source", "police officials", "a nurse at the referral
            # hospital": an unnamed person speaking is a claimant of its own, described as
            # the text describes it, not the institution (unless "the spokesman" is a role a
            # named person of the text bears).
            noun_phrase = NOUN_PHRASE_END.split(segment, maxsplit=1)[0]
            role = re.match(r"^(?:(?:[Tt]he|[Tt]his|[Tt]hat)\s+)?([a-z][a-z -]*)$", noun_phrase)
            found = self._role(role.group(1).lower(), position) if role else None
            if found and found[0]:
                return found
            return self._describe(segment), "group", None
        of_role = re.match(r"^(?:(?:[Tt]he|[Tt]his|[Tt]hat)\s+)?([a-z][a-z-]*)\s+(?:of|for|in|at)\s+\S", segment)
        if of_role and of_role.group(1) in TITLES:
            # "the governor of Lac province" after "Governor Hassaballah Kedella": the bearer
            found = self._role(of_role.group(1), position)
            if found and found[1] == "person":
                return found
        # "The High Commissioner said" after "The UN High Commissioner ..., Jane Doe": the title's
        # last word is the role.
        capital_role = re.match(r"^[Tt]he\s+(?:[A-Z][a-z-]+\s+){0,2}([A-Z][a-z-]+)$", segment)
        if capital_role:
            # "The Commissioner called …" after "the Commissioner, Ingrid Varga,": the person
            # who bears the role, before any body whose name holds the word.
            found = self._role(capital_role.group(1).lower(), position)
            if found and found[1] == "person":
                return found
        of_named = OF_NAMED_BODY.fullmatch(segment)
        if of_named and not self.actors.canonical(segment):
            return self.actors.canonical(of_named.group("name")) or of_named.group("name"), "org", None
        known = self.actors.canonical(segment)
        if known:
            kind = "person" if self.actors.kind(segment) == "person" else "org"
            return known, kind, None
        article = re.match(r"^[Tt]he\s+(?=[A-Z])", segment)
        if article and self.actors.canonical(segment[article.end():]):
            # "The FHA said" after "the Free Highlands Army (FHA)": the article is no part of the name
            bare_name = segment[article.end():]
            kind = "person" if self.actors.kind(bare_name) == "person" else "org"
            return self.actors.canonical(bare_name), kind, None
        described = self._described_body(segment)
        if described:
            return described, "org", None
        apposed = re.match(  # the article may open a sentence ("The opposition Wananchi Party")
            r"^(?:[Tt]he|[Aa]n?)\s+(?:[a-z-]+\s+){1,3}([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)$", segment
        )
        if apposed:  # "the organisation Valley Watch", "the militant group Boko Haram"
            return self._name_of(apposed.group(1), position)
        bare, titles = strip_titles(segment)
        if bare.endswith(("’s", "'s")):
            bare = bare[:-2]
        if bare != segment and self.actors.canonical(bare):
            return (
                self.actors.canonical(bare) or bare,
                "person" if self.actors.kind(bare) == "person" else "org",
                None,
            )
        if " " not in bare and bare[:1].isupper() and bare.lower() not in _INSTITUTIONS:
            # "Headmaster says ...": a headline capitalises a role; its one holder in the text
            # ("Police said" at a sentence's start is the force, not its chief named later)
            holders = [p for p in self._people.values() if bare.lower() in p.roles]
            if len(holders) == 1:
                return holders[0].name, "person", holders[0].gender
        if looks_like_person(bare) and bare[:1].isupper() and not self._is_actor(bare):
            full = self._expand(bare, titles, position) or bare
            person = self._people.get(full)
            return full, "person", person.gender if person else None
        # A role is lower-case words ("the general", "the organisation"); "The opposition
        # Wananchi Party" is a name with a description before it, not the role "party".
        role = re.match(r"^(?:[Tt]he|[Tt]his|[Tt]hat)\s+([a-z][a-z -]*)$", segment) or re.match(
            r"^([a-z][a-z -]*)$", segment
        )
        if role:
            found = self._role(role.group(1).lower(), position)
            if found and found[0]:
                return found
        generic = self.actors.resolve(segment, position=position)
        if generic != re.sub(r"^(?:the|a|an)\s+", "", segment, flags=re.I):
            return generic, "org", None
        return self._describe(segment), "group", None

    def _described_body(self, segment: str) -> str | None:
        """ "Human rights group Sahel Vigilance", "the weekly Le Riverain du Lac": a body
        named right after the noun that says what kind of body it is."""
        if self.actors.canonical(segment):
            return None
        described = DESCRIBED_BODY.match(segment)
        if not described:
            return None
        name = described.group(1)
        return self.actors.canonical(name) or name

    def _issuer_of_reports(self, position: int) -> str | None:
        """The body the text last said issued reports, before ``position``."""
        found = None
        for match in _ISSUED_REPORTS.finditer(self.text, 0, position):
            found = match.group("issuer")
        return re.sub(r"^(?:The|the)\s+", "", found) if found else None

    def _describe(self, segment: str) -> str:
        """An unnamed source as the text describes it, without article or quantifier."""
        member = ONE_OF_PLURAL.match(segment)
        single = unnamed_head(segment) if member is not None else None
        if member is not None and single is not None:
            segment = single + segment[member.end():]  # "one of the two students who ..." -> "student who ..."
        segment = re.sub(r"\s+(?:who|which|that|whose)\b.*$", "", segment)
        segment = re.sub(
            r"^(?:(?:the|a|an|one|another|two|three|four|some|several|many|other|both|also|unnamed|"
            r"anonymous|a\s+third|a\s+second|his|her|its|their)\s+)+",
            "",
            segment,
            flags=re.I,
        )
        return segment.strip(" ,")

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

    def _pronoun(self, kind: str, position: int) -> tuple[str, str, str | None]:
        """he/she -> the nearest earlier person (of that gender if known); it -> organisation."""
        candidates: list[tuple[int, str, str, str | None]] = []
        for said in self._said:
            if said.position < position:
                candidates.append((said.position, said.name, said.kind, said.gender))
        for person in self._people.values():
            # a group's name the tagger took for a person's stands for "it", never "he"
            found = "org" if self._written_as_body(person.name) else "person"
            for p in person.positions:
                if p < position and not self._in_quote(p):
                    candidates.append((p, person.name, found, person.gender))
        for mention in self.actors.mentions:
            if (
                mention.span.start < position
                and not self._in_quote(mention.span.start)
                and mention.kind not in ("person", "country")
            ):
                candidates.append((mention.span.start, mention.canonical, "org", None))
        wanted = {"m": ("person",), "f": ("person",), "o": ("org",), "p": ("org", "group")}[kind]
        if kind == "p":
            # "Health workers told the Network that ... They also said ...": "they" goes on with
            # the last source that spoke, not with the body it spoke to, named after it.
            spoke = [s for s in self._said if s.position < position and s.kind in wanted
                     and position - s.position < _THEY_REACH and s.name.lower() not in PRONOUNS]
            if spoke:
                last = max(spoke, key=lambda s: s.position)
                return last.name, last.kind, last.gender
        for at, name, found_kind, gender in sorted(candidates, reverse=True):
            gender = gender or (self._told_gender.get(name) if found_kind == "person" else None)
            if found_kind in wanted and (kind not in "mf" or gender in (None, kind)):
                if found_kind == "person" and len(name.split()) == 1:
                    name = self._expand(name, set(), at) or name
                return name, found_kind, gender
        return "", "group", None

    def _role(self, role: str, position: int) -> tuple[str, str, str | None] | None:
        """ "the general", "the organisation", "the statement": the nearest earlier bearer."""
        head = role.split()[-1]
        head = _ROLE_SYNONYMS.get(head, head)
        if re.fullmatch(_DOCUMENT_NOUNS, head):
            for said in reversed(self._said):
                if said.position < position and said.kind == "org":
                    return said.name, said.kind, None
            found = self._pronoun("o", position)
            return found if found[0] else None
        if role in _ORG_ROLES or head in _ORG_ROLES:
            return self._org_role(role, head, position)
        if role in _INSTITUTIONS:
            return None  # "police said": the force, not an officer whose title names it

        bearers = [
            (max(p for p in person.positions if p < position), person)
            for person in self._people.values()
            if any(p < position for p in person.positions)
            and (head in person.roles or role in person.roles)
        ]
        if bearers:
            person = max(bearers, key=lambda pair: pair[0])[1]
            return person.name, "person", person.gender
        # "Headmaster says ..." in a headline, before "the headmaster, Jane Doe" is named:
        # the one person the document gives that role.
        holders = [person for person in self._people.values() if head in person.roles or role in person.roles]
        if len(holders) == 1:
            return holders[0].name, "person", holders[0].gender
        # "the interior minister said ..." before "Interior Minister Jane Doe" is named: a later
        # bearer of exactly that title (the full title, not just "minister").
        if len(role.split()) >= 2:
            title = re.compile(r"\b" + re.escape(role) + r"\s+$", re.I)
            later = [
                (min(p for p in person.positions if p >= position), person)
                for person in self._people.values()
                if any(p >= position and title.search(self.text[max(0, p - len(role) - 3):p]) for p in person.positions)
            ]
            if later:
                person = min(later, key=lambda pair: pair[0])[1]
                return person.name, "person", person.gender
        return None

    def _org_role(self, role: str, head: str, position: int) -> tuple[str, str, str | None] | None:
        # "the organizations" after "A coalition of ... human rights organizations": the
        # text's own first description of the body, when it gave one.
        first = re.search(
            r"\b(?:A|a|An|an)\s+((?:[\w’'-]+\s+){0,8}?" + re.escape(head) + r")\b",
            self.text[:position],
        )
        if first and head.endswith("s"):
            return first.group(1), "group", None
        wanted = _ORG_ROLES.get(role) or _ORG_ROLES.get(head)
        for mention in reversed(self.actors.mentions):
            if mention.span.start >= position or self._in_quote(mention.span.start):
                continue
            if mention.kind in ("person", "country") or (wanted and mention.kind != wanted):
                continue
            if (
                wanted is None
                and mention.kind in ("state_force",)
                and head in ("group", "organisation", "organization")
            ):
                continue
            return mention.canonical, "org", None
        if first:
            # "Palmas del Norte, a palm oil company": the description stands beside the body's name
            named = _NAMED_BEFORE.search(self.text, 0, first.start())
            if named:
                return named.group(1), "org", None
            return first.group(1), "group", None
        return None
