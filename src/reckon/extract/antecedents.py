"""What a pronoun or a role noun points back to: the nearest earlier source that fits.

"he" and "she" go to the nearest earlier person of that gender, "it" to a body, "they" to the
source that last spoke; "the general" to the nearest earlier bearer of that role, "the
organisation" to the body the text named before, "the statement" to whoever last issued one.
``Antecedents`` keeps the memory this needs (the sources resolved so far, the gender a pronoun
told of a person the text gave no title) on top of the people of the document
(``named_people``); ``speakers`` resolves the words before a reporting verb with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reckon.extract.named_people import ROLE_SYNONYMS, NamedPeople
from reckon.extract.person_names import PRONOUNS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

    from reckon.extract.actors import ActorResolver
    from reckon.model import Span

__all__ = ["DOCUMENT_NOUNS", "INSTITUTIONS", "Antecedents", "Said"]


# How far back (characters) a "they" looks for the source that last spoke.
_THEY_REACH = 400
DOCUMENT_NOUNS = r"statement|report|release|press release|communiqu[eé]|tweet|post|letter|bulletin|note|video|message"

# Bodies a bare noun names ("police said", "the army said"), which titles also contain
# ("Police Lieutenant Colonel"): the noun alone is the body, never one officer.
INSTITUTIONS = frozenset({"police", "army", "military", "navy", "government", "authorities", "gendarmerie",
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


@dataclass(frozen=True, slots=True)
class Said:
    position: int
    name: str
    kind: str  # "person" | "org" | "group" (an unnamed plural source)
    gender: str | None = None


# Role nouns for a non-state group, and a capitalised name closed by a noun for a body's kind.
_GROUP_HEADS = frozenset("group movement organisation organization militia faction front rebels".split())
_NAMED_BODY = re.compile(
    r"\b[Tt]he\s+((?:[A-Z][\w’'-]+\s+(?:of\s+(?:the\s+)?)?){1,4}(?:Front|Army|Movement|Group|Brigade|Battalion|"
    r"Party|Union|Council|Alliance|Coalition|Organi[sz]ation|Militia|Network|Committee))\b"
)


class Antecedents(NamedPeople):
    """The people of one document, and the sources resolved so far, for pronouns and role nouns."""

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
        super().__init__(text, actors=actors, nlp=nlp, use_nlp=use_nlp, quoted=quoted, places=places,
                         entity_docs=entity_docs)
        self._said: list[Said] = []
        # "…,” she said" of a person the text gave no title: the pronoun tells the gender, and
        # a later "he said" is then someone else
        self._told_gender: dict[str, str] = {}

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
        head = ROLE_SYNONYMS.get(head, head)
        if re.fullmatch(DOCUMENT_NOUNS, head):
            for said in reversed(self._said):
                if said.position < position and said.kind == "org":
                    return said.name, said.kind, None
            found = self._pronoun("o", position)
            return found if found[0] else None
        if role in _ORG_ROLES or head in _ORG_ROLES:
            return self._org_role(role, head, position)
        if role in INSTITUTIONS or head in INSTITUTIONS:
            # "police said", "the regional police said": the force, not an officer whose
            # title names it ("the regional police chief")
            return None

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
        holders = [person for person in self._people.values() if (head in person.roles or role in person.roles)
                   and self._holds_title(person, role)]
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

    def _holds_title(self, person, role: str) -> bool:  # noqa: ANN001 - a named person's record
        """Whether the text gives ``person`` the whole of a qualified ``role``: "our provincial
        chairman" is not "our ward chairman, Comrade X", though both are chairmen."""
        if len(role.split()) < 2:
            return True
        title = re.compile(re.escape(role), re.I)
        return any(title.search(self.text, max(0, p - len(role) - 40), p + len(role) + 60) for p in person.positions)

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
                # ("The Patriotic Army of Velm, an armed group": the article is no part of the name)
                return re.sub(r"^The\s+", "", named.group(1)), "org", None
            return first.group(1), "group", None
        if head in _GROUP_HEADS:
            # "The Velm Liberation Front has denied involvement. “…,” the group said": the last
            # body the narrative named with "the" and a noun for its kind, when the actor table
            # does not know it
            named_bodies = [m for m in _NAMED_BODY.finditer(self.text, 0, position) if not self._in_quote(m.start(1))]
            if named_bodies:
                return named_bodies[-1].group(1), "org", None
        return None
