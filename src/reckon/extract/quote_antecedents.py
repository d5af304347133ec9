"""Who a "he", "she", "they" or "the statement" crediting a quotation may stand for.

News copy introduces a source and then quotes them as "he said". ``pronoun_antecedents``
lists the candidates in the narrative before the quotation, nearest first: the subjects
of its reporting verbs, an "according to X", a name opening a sentence or set in apposition,
unnamed people opening a sentence. The speaker resolver picks among them; this module
only reads the narrative, which is why it stands apart from the finders of the quotation's
own sentence.
"""

from __future__ import annotations

import re

from reckon.extract.quote_marks import RawQuote as _Raw
from reckon.extract.quote_marks import trim as _trim
from reckon.extract.quote_sentences import sentence_stops, word_matches
from reckon.extract.quote_subjects import Source, from_verb, is_verb
from reckon.extract.unnamed_sources import describes_unnamed_people, is_one_unnamed_person


def pronoun_antecedents(text: str, masked: str, ends: list[int], raw: _Raw) -> list[tuple[str, int, bool]]:
    """Who a "he" or "she" crediting ``raw`` may stand for, nearest first: the subjects of
    the reporting verbs of the narrative before it (this paragraph and the two before), and
    a name that opens a sentence without one ("Hadjia Soumana was counting …")."""
    hi = raw.opener
    starts = [0] + [_trim(text, e, len(text))[0] for e in ends[:-1]]
    k = max(i for i, s in enumerate(starts) if s <= hi)
    lo = starts[max(0, k - 2)]
    # (the stop just before the quote is only seen with the quote's first mark in view)
    stops = [s for s in sentence_stops(masked, lo, min(len(masked), hi + 2)) if s <= hi]
    bounds = sorted({lo, hi, *stops, *(s for s in starts if lo < s < hi)})
    found: list[tuple[str, int, bool]] = []
    for a, b in reversed(list(zip(bounds, bounds[1:]))):
        before = len(found)
        verbs = [w for w in word_matches(masked, a, b) if is_verb(masked, w)]
        for verb in reversed(verbs):
            source = from_verb(text, masked, verb, a, b)
            if isinstance(source, Source) and not any(
                source.position <= v.start() < source.position + len(source.surface.split(",")[0])
                for v in verbs
            ):  # "a leader said volunteers" (before any aside) is a clause, not a subject
                found.append((source.surface, source.position, True))
        for match in reversed(list(re.finditer(r"\b[Aa]ccording\s+to\s+([^.;:\x00]{1,160}?)(?=[.;:\x00]|$)", masked[a:b]))):
            found.append((text[a + match.start(1) : a + match.end(1)], a + match.start(1), True))
        if len(found) == before:
            begin = _trim(masked, a, b)[0]
            dateline = _DATELINE.match(masked, begin, b)
            opening = _OPENING_NAME.match(masked, dateline.end() if dateline else begin, b)
            apposed = _APPOSED_NAME.search(masked, begin, b)
            for name in (opening, apposed):
                if name:
                    found.append((name.group(1), name.start(1), False))
            plural = _OPENING_PLURAL.match(masked, dateline.end() if dateline else begin, b)
            if plural and describes_unnamed_people(plural.group(1)) and not is_one_unnamed_person(plural.group(1)):
                # "Local elders met the governor. They told him that “…”": unnamed people
                # opening the sentence before are who a "they" stands for
                found.append((text[plural.start(1) : plural.end(1)], plural.start(1), True))
    return found


# "TILLABÉRI — " before a story's first sentence.
_DATELINE = re.compile(r"[^\W\da-z][^\Wa-z]*(?:[ ,.]+[^\W\da-z][^\Wa-z]*)*\s+(?:—|–|--)\s+")


# A person's name inside a sentence, introduced by an apposition ("Among those waiting was
# Grace Okonkwo Bell, whose sister …", "… was Ali Haji, 47, …").
_APPOSED_NAME = re.compile(
    r"(?<![\w’'-])([A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|al-|bin|de|da|van|von)){1,4}),\s+"
    r"(?=(?:who|whose|a|an|the|aged)\b|\d)"
)


# A person's name opening a sentence: two to five capitalised words, then a verb or an
# apposition ("Hadjia Mariama Soumana was …", "Ali Haji, a farmer, …"), perhaps after a
# description in lower case ("Local fisherman Edwin Arboleda, 47, was …").
_NOT_A_NAME = (
    r"(?!(?:The|A|An|In|On|At|By|This|That|These|Those|It|Its|Their|His|Her|When|After|Before|But|And|As|"
    r"For|From|With|Among|During|Despite|Since|Until|While|Although|Though|If|Once|Inside|Outside|Near|"
    r"Under|Over|Behind|Across|Along|Around|Through|Without|Within|Yet|So|Then|Still|Later|Earlier|"
    # time adverbs open a roundup's entries ("Overnight on 1-2 May, a bomb struck ...")
    r"Overnight|Meanwhile|Yesterday|Today|Tonight|Elsewhere|Separately|Last|Next|Early|Late)\b)"
)
_OPENING_NAME = re.compile(
    _NOT_A_NAME + r"(?:[A-Z][a-z]+\s+(?=[a-z]))?(?:[a-z][a-z-]+\s+){0,2}?" + _NOT_A_NAME
    + r"([A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|al-|bin|de|da|van|von)){0,4})(?=,|\s+[a-z])"
)  # (one word, "Tamm rejected …", only when the resolver knows the fuller name)


# Unnamed people opening a sentence as its subject: "Local elders met …", "Two nurses ran …".
_OPENING_PLURAL = re.compile(
    r"((?:(?:The|Some|Many|Several|Two|Three|Four|Five|Local|Other|[A-Z][a-z]+)\s+)?(?:[a-z-]+\s+){0,2}?"
    r"[a-z]+(?:s|men))\s+(?:[a-z]+ed|met|fled|ran|went|came|saw|heard|told|gathered|returned|have|had|were)\b"
)
