"""Actors and their names: one document's actors, as the rest of extraction asks for them.

One actor has many names: "MEK", "PMOI", "Mujahedin-e Khalq" and "People's Mojahedin
Organization of Iran" are one party; "Nigeria's military" and "the Nigerian Army" are one
force. ``data/aliases.tsv`` holds the general table (a user extends it through the file
named by RECKON_ALIASES); a document adds its own definitions ("Kata'ib Hezballah (KH)",
"the Mujahedeen-e Khalq, or MeK"), which win over the table inside that document.

This module is the entry point: ``find_actors`` lists a text's mentions, and
``ActorResolver`` holds one document's reading (its aliases, mentions and the country it is
about) and resolves any surface to a canonical name, a bare "the military" or "the ministry"
to the body of the text's country included. The parts it stands on live apart:
``actor_keys`` (the key a name is matched on), ``actor_table`` (the alias table and its
look-up), ``actor_definitions`` (the aliases a document defines) and ``actor_mentions`` (the
scan of a text for names). Other modules import from here.
"""

from __future__ import annotations

import copy
import re

from reckon.extract.actor_definitions import alias_overlay, find_document_aliases
from reckon.extract.actor_keys import acronym_form, is_acronym, name_key
from reckon.extract.actor_mentions import ActorMention, mentions_from, scan
from reckon.extract.actor_table import AliasTable, load_alias_table, parse_alias_table

__all__ = [
    "ActorResolver",
    "AliasTable",
    "find_actors",
    "find_document_aliases",
    "is_acronym",
    "load_alias_table",
    "name_key",
    "parse_alias_table",
]


def find_actors(
    text: str,
    *,
    table: AliasTable | None = None,
    document_aliases: dict[str, set[str]] | None = None,
) -> list[ActorMention]:
    """Every mention of a known or document-defined actor, in text order.

    A bare demonym ("Iranian dissidents") names no actor and is not returned; a country's
    name ("Nigeria canceled the deal") is, with kind "country".
    """
    table = table or load_alias_table()
    if document_aliases is None:
        document_aliases = find_document_aliases(text, table=table)
    overlay, _ = alias_overlay(document_aliases, table)
    return mentions_from(text, table, scan(text, [overlay, table.index]))


# How much a mention says about the country a text is about: a country's own name or
# state body much more than an armed group's home (al-Shabaab is Somali, Garissa is Kenyan).
_COUNTRY_WEIGHT = {"country": 2.0, "government": 2.0, "state_force": 2.0}


def _country_marks(scanned: list[tuple[int, int, str]], table: AliasTable) -> list[tuple[int, str, float]]:
    """(offset, ISO, weight) of every name that places the text in a country, demonyms included."""
    marks = []
    for start, _end, canonical in scanned:
        entry = table.entry(canonical)
        if entry and entry.country:
            marks.append((start, entry.country, _COUNTRY_WEIGHT.get(entry.kind, 0.5)))
    return marks


# Bodies every state has: a bare "the military" means the military of the text's country.
_GENERIC_BODY = re.compile(
    r"^(?:the\s+)?(?:(?P<country>(?-i:[A-Z])[\w .’'-]*?)['’]s?\s+|(?P<adj>(?-i:[A-Z])[\w-]+)\s+)?"
    r"(?P<body>security forces|armed forces|police force|military|army|troops|soldiers|forces|"
    r"police|government|authorities|regime|(?:[a-z]+\s+)?ministry(?:\s+of\s+[a-z ]+)?|"
    r"ministry\s+of\s+[a-z ]+)$",
    re.IGNORECASE,
)
_GOVERNMENT_NAMED = re.compile(r"\bgovernment\b", re.IGNORECASE)
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
# A ministry written with its name: "Ugandan Ministry of Internal Affairs", "the Interior Ministry".
_NAMED_MINISTRY = re.compile(r"(?:\b[A-Z][\w-]+\s+)?Ministry\s+of\s+(?:the\s+)?[A-Z][\w-]+(?:\s+(?:and\s+)?[A-Z][\w-]+)*"
                             r"|\b(?!The\b|A\b|This\b|That\b)[A-Z][\w-]+\s+Ministry\b")
_CAME_FROM = re.compile(r"\b(?:from|across|into|towards?)\s+(?:the\s+)?(?:neighbou?ring\s+)?$", re.IGNORECASE)
# "the Congolese army", "Mozambican troops": a demonym and a body of armed force.
_DEMONYM_BODY = re.compile(r"^(?:the\s+)?((?-i:[A-Z])[\w-]+)\s+(?:army|military|troops|soldiers|forces|armed forces|police)$",
                           re.IGNORECASE)


def _title(words: str) -> str:
    small = {"of", "and", "the", "for"}
    return " ".join(w if w in small else w[:1].upper() + w[1:] for w in words.lower().split())


class ActorResolver:
    """One document's actors: the table, the document's own aliases, and every mention.

    ``resolve`` gives the canonical name for any surface the text uses; ``aliases`` lists,
    per actor the text mentions, every other name it uses for it.
    """

    def __init__(self, text: str, *, table: AliasTable | None = None):
        self.text = text
        self.table = table or load_alias_table()
        self.document_aliases = find_document_aliases(text, table=self.table)
        self._overlay, self._defined = alias_overlay(self.document_aliases, self.table)
        # One scan serves both the mentions and the country marks (same names, same text).
        scanned = scan(text, [self._overlay, self.table.index])
        self.mentions = mentions_from(text, self.table, scanned)
        self._marks = _country_marks(scanned, self.table)
        counts: dict[str, float] = {}
        for _, iso, weight in self._marks:
            counts[iso] = counts.get(iso, 0) + weight
        self.country = (
            max(counts, key=lambda iso: (counts[iso], -self._first_mark(iso))) if counts else None
        )
        self._extra: dict[str, list[str]] = {}

    def _first_mark(self, iso: str) -> int:
        return next(pos for pos, c, _ in self._marks if c == iso)

    def canonical(self, surface: str) -> str | None:
        """The canonical name if the document or the table knows ``surface``, else None."""
        cleaned = surface.strip().strip(",.;:\"“”‘’'()[]")
        if not cleaned:
            return None
        if is_acronym(cleaned):
            form = acronym_form(cleaned)
            if form in self._overlay.acronyms:
                return self._overlay.acronyms[form]
        else:
            key = name_key(cleaned)
            hit = self._overlay.words.get(key) or self._overlay.words.get(key.removeprefix("the "))
            if hit is not None:
                return hit.canonical
        return self.table.canonical(cleaned)

    def kind(self, name: str) -> str | None:
        canonical = self.canonical(name)
        entry = self.table.entry(canonical) if canonical else None
        return entry.kind if entry else None

    def armed_forces_of(self, name: str) -> str | None:
        """For a country's name, its armed forces as the table names them ("United States"
        -> "US forces", "Russia" -> "Russian military"); None for any other name."""
        entry = self.table.entry(name)
        if entry is None or entry.kind != "country" or not entry.demonym:
            return None
        for body in ("forces", "military", "armed forces"):
            found = self.table.canonical(f"{entry.demonym} {body}", fuzzy=False)
            if found and found != name:
                return found
        return None

    def country_at(self, position: int | None) -> str | None:
        """The country a text position is about: the last country named earlier in its
        paragraph, else the document's most-named country."""
        if position is not None:
            paragraph = self.text.rfind("\n\n", 0, position)
            for start, iso, _ in reversed(self._marks):
                # "rebels who crossed from the Democratic Republic of Congo. The army said ...": a
                # country named as where someone came from is not the one the paragraph is in
                if paragraph < start < position and not _CAME_FROM.search(self.text, max(0, start - 30), start):
                    return iso
            from reckon.extract.places import section_country  # (places reads the alias table)

            # "GHANA" heading a digest's section: "Police in X said" there are Ghana's police
            heading = section_country(self.text, position)
            if heading is not None:
                return heading
        return self.country

    def resolve(self, surface: str, *, position: int | None = None) -> str:
        """The canonical name for ``surface``, or the surface cleaned of articles and punctuation."""
        cleaned = " ".join(surface.split()).strip(",.;:\"“”‘’'()[]- ")
        if not cleaned:
            return surface.strip()
        if cleaned.count("(") > cleaned.count(")") and surface.rstrip().endswith(")"):
            cleaned += ")"  # "Unidentified Armed Group (Colombia)": a closing bracket the name opened
        canonical = self.canonical(cleaned)
        if canonical:
            written = self._force_as_written(canonical)
            if written is None and self._demonym_body(cleaned):
                return _LEADING_ARTICLE.sub("", cleaned)  # "the Congolese army", as the text has it
            return written or canonical
        generic = self._resolve_generic(cleaned, position)
        if generic:
            return generic
        inner = self._inner_actor(cleaned)
        if inner:
            return inner
        return _LEADING_ARTICLE.sub("", cleaned)

    def _resolve_generic(self, cleaned: str, position: int | None) -> str | None:
        """ "the military", "Kenya's interior ministry", "the Defense Ministry": a body of the
        text's country (or the named one), as the table names it or as "<demonym> <Body>"."""
        match = _GENERIC_BODY.match(cleaned)
        if match is None:
            return None
        body = match.group("body").lower()
        if body == "authorities" and not match.group("country") and not match.group("adj") \
                and not _GOVERNMENT_NAMED.search(self.text):
            # "the authorities" of a text that never speaks of the government: whoever holds
            # authority there (a prison's, a district's), not the state's government by name
            return None
        if body == "ministry" and not match.group("country") and not match.group("adj"):
            # "the ministry" after "the Ministry of Internal Affairs said": the one the text named
            named_ministry = self._named_ministry(position)
            if named_ministry:
                return self.resolve(named_ministry, position=position)
        iso: str | None = None
        named = match.group("country")
        if named:
            country = self.table.canonical(named, fuzzy=False)
            entry = self.table.entry(country) if country else None
            if entry is None or entry.kind != "country":
                return None
            iso = entry.country
        elif match.group("adj"):
            adj = match.group("adj")
            demonym_of = (
                self.table.canonical(adj, fuzzy=False) if self.table.is_demonym(adj) else None
            )
            if demonym_of:
                iso = self.table.entry(demonym_of).country  # type: ignore[union-attr]
            elif body.startswith("ministry"):
                body, iso = f"{adj} {body}", self.country_at(position)  # "the Defense Ministry"
            else:
                return None  # "Anti-Coup police": a name we do not know, not a bare body
        else:
            iso = self.country_at(position)
        row = self.table.country(iso) if iso else None
        if row is None or not row.demonym:
            return None
        known = self.table.canonical(f"{row.demonym} {body}", fuzzy=False)
        if known:
            # "the army" of a Mozambican text that never names its forces otherwise: "Mozambican army"
            return self._force_as_written(known) or f"{row.demonym} {body.lower()}"
        if "ministry" in body:
            return f"{row.demonym} {_title(body)}"
        return None

    def _named_ministry(self, position: int | None) -> str | None:
        """The ministry the text names by its name ("Ministry of Internal Affairs", "Interior
        Ministry"): the last one before ``position``, or, with no position, the only one."""
        found = [m for m in _NAMED_MINISTRY.finditer(self.text) if position is None or m.start() < position]
        names = {name_key(m.group(0)) for m in found}
        if not found or (position is None and len(names) > 1):
            return None
        return found[-1].group(0)

    def _force_as_written(self, canonical: str) -> str | None:
        """A state's forces as the text names them: readers, and alias lists made from the
        text, know "the Cameroonian army" by those words, not by the table's "Cameroonian
        military". The table's name when the text writes it or names the force only otherwise
        ("Nigeria's military"); None when the text never names the force at all."""
        if canonical in self._defined.values() or self.table.kind(canonical) != "state_force":
            return canonical
        surfaces = [m.surface for m in self.mentions if m.canonical == canonical]
        if any(name_key(surface) == name_key(canonical) for surface in surfaces):
            return canonical
        for surface in surfaces:
            if self._demonym_body(surface):
                return _LEADING_ARTICLE.sub("", " ".join(surface.split()))
        return canonical if surfaces else None

    def _demonym_body(self, name: str) -> bool:
        match = _DEMONYM_BODY.match(name)
        return match is not None and self.table.is_demonym(match.group(1))

    def _inner_actor(self, cleaned: str) -> str | None:
        """ "The medical charity MSF" -> MSF's name: a known actor plus lower-case description."""
        mentions = self.mentions_in(cleaned)
        if len(mentions) != 1:
            return None
        mention = mentions[0]
        rest = cleaned[: mention.span.start] + " " + cleaned[mention.span.end :]
        # A designation ("AC-130U", "F-16") is a machine of the actor, not another name.
        if any(w[:1].isupper() and not any(ch.isdigit() for ch in w)
               for w in rest.split() if w.lower() not in {"the", "a", "an"}):
            return None
        return mention.canonical if mention.kind != "country" else None

    def mentions_in(self, fragment: str) -> list[ActorMention]:
        """Actor mentions in a piece of this text, with this document's own aliases."""
        # What find_actors(fragment, table=..., document_aliases=...) finds, with the overlay
        # built once from those aliases rather than rebuilt for every fragment.
        return mentions_from(fragment, self.table, scan(fragment, [self._overlay, self.table.index]))

    def fork(self) -> ActorResolver:
        """The same reading of the text (mentions, aliases, countries: computed once) with
        its own record of noted surfaces, for a second user that must not share notes."""
        twin = copy.copy(self)
        twin._extra = {}
        return twin

    def note(self, canonical: str, surface: str) -> None:
        """Record a surface form resolved elsewhere (a speaker's "the headteacher")."""
        if surface and surface != canonical:
            self._extra.setdefault(canonical, []).append(surface)

    def aliases(self) -> dict[str, list[str]]:
        """For each actor the text mentions, the other names it uses for it, in text order."""
        out: dict[str, list[str]] = {}
        for mention in self.mentions:
            names = out.setdefault(mention.canonical, [])
            if mention.surface != mention.canonical and mention.surface not in names:
                names.append(mention.surface)
        for canonical, surfaces in self._extra.items():
            names = out.setdefault(canonical, [])
            names.extend(s for s in surfaces if s not in names)
        return out
