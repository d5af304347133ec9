"""Mentions of actors in a text: the scan that finds every known name, longest first.

A scan walks the words of a text and matches each run of them against one or more indexes
(a document's own aliases over the alias table): the longest name wins, a name never runs
across a full stop or a comma, an acronym counts only when written in capitals outside a
shouting line, a dateline's capitals name a place rather than its government, and a
possessive inside a name only where the name has one. ``mentions_from`` turns the matches
into ``ActorMention`` rows, leaving out a bare demonym. This is the one pass over the running
text; the tables it reads (``actor_table``, ``actor_definitions``) are built before it, and
the resolver (``actors``) reads its results.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reckon.extract.actor_keys import (
    Index,
    acronym_form,
    is_acronym,
    is_possessive,
    is_shouting,
    norm_token,
    tokenize,
)
from reckon.extract.actor_table import AliasTable
from reckon.model import Span

__all__ = ["ActorMention", "mentions_from", "scan"]


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorMention:
    """A name of a known (or document-defined) actor at ``span`` of the text."""

    span: Span
    surface: str
    canonical: str
    kind: str | None = None


def scan(text: str, indexes: list[Index]) -> list[tuple[int, int, str]]:
    """Longest-first matches of any index's names: (start, end, canonical)."""
    tokens = tokenize(text)
    norms = [norm_token(t.group()) for t in tokens]
    # Membership in any index's prefixes; not a union, which would copy the table's
    # (large) prefix set on every call, and this runs once per fragment resolved.
    prefix_sets = [index.prefixes for index in indexes if index.prefixes]
    # Offsets read once: this loop runs for every word of every text and fragment.
    starts = [t.start() for t in tokens]
    ends = [t.end() for t in tokens]
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens):
        # How far a name could reach from here: word keys grow while they are a known
        # prefix; an acronym ("IS-K", "PMOI/MEK") is tokens joined without a space.
        reach, key = 0, ""
        for j in range(i, len(tokens)):
            key = f"{key} {norms[j]}".strip()
            for prefixes in prefix_sets:
                if key in prefixes:
                    break
            else:  # a prefix of no index's names
                break
            reach = j - i + 1
        tight = 1
        while (
            i + tight < len(tokens)
            and tight < 4
            and starts[i + tight] == ends[i + tight - 1] + 1
            and text[ends[i + tight - 1]] in "-/&"
        ):
            tight += 1
        if max(reach, tight) == 1 and not text[starts[i]].isupper():
            i += 1  # one word, not capitalised: _lookup would refuse it
            continue
        match: tuple[int, str] | None = None
        for n in range(max(reach, tight), 0, -1):
            start, end = tokens[i].start(), tokens[i + n - 1].end()
            if not _is_one_name(text, tokens[i : i + n]):
                continue
            canonical = _lookup(
                text[start:end], tokens[i : i + n], norms[i : i + n], indexes, text, start
            )
            if canonical:
                match = (n, canonical)
                break
        if match is None:
            i += 1
            continue
        n, canonical = match
        found.append((tokens[i].start(), tokens[i + n - 1].end(), canonical))
        i += n
    return found


_GAP = re.compile(r"[ \t]?[-/&–]?[ \t]?|,[ \t](?=(?:Jr|Sr|Jnr|Snr)\b)")


def _is_one_name(text: str, tokens: list[re.Match[str]]) -> bool:
    """Consecutive tokens form one name only across spaces, hyphens and slashes, never
    across a sentence stop or comma ("in Egypt. Government buildings")."""
    return all(_GAP.fullmatch(text, a.end(), b.start()) for a, b in zip(tokens, tokens[1:]))


def _lookup(
    surface: str,
    tokens: list[re.Match[str]],
    norms: list[str],
    indexes: list[Index],
    text: str,
    start: int,
) -> str | None:
    if not any(t.group()[:1].isupper() for t in tokens):
        return None  # names are written with a capital somewhere
    tight = not any(ch.isspace() for ch in surface)
    if tight and is_acronym(surface) and not is_shouting(text, start):
        form = acronym_form(surface)
        for index in indexes:
            if form in index.acronyms:
                return index.acronyms[form]
    if all(t.group().isupper() and len(t.group()) > 3 for t in tokens) and not is_shouting(
        text, start
    ):
        return None  # "WASHINGTON, Nov. 25 -": a dateline names a place, not its government
    key = " ".join(w for w in norms if w)
    for index in indexes:
        hit = index.words.get(key)
        if hit is None or len(hit.mask) != len(tokens):
            continue
        if not all(t.group()[:1].isupper() or not need for t, need in zip(tokens, hit.mask)):
            continue
        # "Boko Haram’s fighters" is not "Boko Haram fighters": a possessive inside a match
        # only where the name itself has one.
        if any(
            is_possessive(t.group()) and not allowed
            for t, allowed in zip(tokens[:-1], hit.possessive)
        ):
            continue
        return hit.canonical
    return None


def mentions_from(text: str, table: AliasTable, scanned: list[tuple[int, int, str]]) -> list[ActorMention]:
    mentions: list[ActorMention] = []
    for start, end, canonical in scanned:
        if text[end - 2 : end] in ("'s", "’s") and end - start > 2:
            end -= 2  # "Boko Haram’s": the name, not its possessive
        surface = text[start:end]
        entry = table.entry(canonical)
        kind = entry.kind if entry else None
        if kind == "country" and table.is_demonym(surface):
            continue
        mentions.append(
            ActorMention(
                span=Span(start=start, end=end), surface=surface, canonical=canonical, kind=kind
            )
        )
    return mentions
