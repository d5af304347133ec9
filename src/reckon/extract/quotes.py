"""Direct quotations and who said them.

``quote_marks.scan_quotes`` finds the quoted stretches; this module finds the speaker of
each from the words around it: ", X said", "said X", "X said, “", "X: “", "X said it was
“unlikely”", "according to X", "X was quoted as saying", "In her words, “", "“…” Those
were the words of X", the line before a block quotation, a quotation that continues the
speaker's paragraph or the one before it, and a quotation that opens the sentence right
after the one crediting the quotation before it. A "he", "she", "it", "one of them" or
"the statement" is the nearest fitting subject of the narrative before the quotation
(``quote_antecedents``), which is how news copy introduces a source and then quotes them. A
single-quoted stretch is kept only when credited; a name or title in quote marks
("known as “…”", "titled “…”") is nobody's words (``quote_names``).

This module holds the two passes over a page's quotations and the fall-backs (headline,
list label, the paragraph before a block quotation, a neighbouring quotation); the parts
they stand on live beside it: ``quote_sentences`` (the masked text and its sentences),
``quote_subjects`` (reporting verbs and the source each names), ``quote_sides`` (the
speaker in the quotation's own sentence).

FORMAT.md lists quotations inside a quotation only when they have their own speaker: the
words of someone quoted inside a speech are listed under that person; a "yes" inside
someone's sentence, or the words of a "she" of the speaker's own story, are not listed.
"""

from __future__ import annotations

import re

from reckon.extract.quote_antecedents import pronoun_antecedents
from reckon.extract.quote_marks import PARAGRAPH as _PARAGRAPH
from reckon.extract.quote_marks import WORD as _WORD
from reckon.extract.quote_marks import RawQuote as _Raw
from reckon.extract.quote_marks import paragraph_ends as _paragraph_ends
from reckon.extract.quote_marks import scan_quotes as _scan
from reckon.extract.quote_marks import trim as _trim
from reckon.extract.quote_names import NAMING, calls_it_so, is_nickname, is_title, quotes_a_name
from reckon.extract.quote_sentences import (
    inside_mask,
    mask_quotes,
    sentence_start,
    sentence_stops,
    word_matches,
)
from reckon.extract.quote_sides import is_country, source_after, source_before, trailing_source
from reckon.extract.quote_subjects import ANAPHORIC, Source, from_verb, is_verb
from reckon.extract.speakers import SpeakerResolver
from reckon.model import Quote, Span

__all__ = ["EXTRACTOR", "find_quotes"]

EXTRACTOR = "reckon.quotes.v1"

_SPEECH_HEADING = re.compile(
    r"^(?:Speech|Statement|Remarks|Address|Testimony|Message|Letter|Interview|Briefing)\b[^\n]{0,40}?\bby\s+"
    r"(?P<who>[^,\n]+?)(?=\s+(?:in|at|on)\s|,|$)",
    re.M,
)
# Pronouns that, inside a quotation, point into the speaker's own story ("She told me, “…”"
# is some mother the speaker met), never at a speaker the narrative names.
_SELF_PRONOUNS = frozenset("i we you he she they it".split())

_HEADLINE_SPEAKER = re.compile(r"^(?P<who>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}):\s")


# "- Ministry of Defence: 9 killed, 9 wounded; 14 militants “neutralised”.": a list item that
# opens with whose figures it gives; a quotation further on in the item is that source's word.
_LABELLED_ITEM = re.compile(r"[ \t]*(?:[-•*▪◦–][ \t]+)(?P<who>[A-Z][^:\n\x00]{1,80}?):[ \t]+[^:\n]*$")


def _list_label(text: str, masked: str, raw: _Raw) -> Source | None:
    """The label of the list item a quotation stands in (see ``_LABELLED_ITEM``)."""
    line_start = masked.rfind("\n", 0, raw.opener) + 1
    item = _LABELLED_ITEM.match(masked, line_start, raw.opener)
    if item is None or is_country(item.group("who").strip()):
        return None
    return Source(text[item.start("who") : item.end("who")].strip(), item.start("who"))


def _headline(text: str, raw: _Raw) -> Source | None:
    """ "Campbell: Kunduz Attack ‘Tragic’" — a headline that names its speaker first."""
    line_start = text.rfind("\n", 0, raw.opener) + 1
    line_end = text.find("\n", raw.opener)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    match = _HEADLINE_SPEAKER.match(line)
    if match and is_country(match.group("who")):
        return None  # "Peru: “They Told Us …”": a report's country label, not a speaker
    if match and len(line) < 160 and not line.rstrip().endswith("."):
        return Source(match.group("who"), line_start)
    return None


def _on_title_line(text: str, raw: _Raw) -> bool:
    """The quotation sits on a short line with no closing full stop: a headline or a subhead."""
    line_start = text.rfind("\n", 0, raw.opener) + 1
    line_end = text.find("\n", raw.opener)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    return (
        raw.parent is None
        and len(line) < 160
        and not line.rstrip("”’\"' ").endswith((".", "?", "!"))
        and raw.end <= line_start + len(line) + 1
    )


def _previous_paragraph(text: str, ends: list[int], pos: int) -> tuple[int, int] | None:
    starts = [0] + [_trim(text, e, len(text))[0] for e in ends[:-1]]
    k = max(i for i, s in enumerate(starts) if s <= pos)
    if k == 0:
        return None
    return starts[k - 1], ends[k - 1]


def _intro(text: str, masked: str, ends: list[int], raw: _Raw) -> Source | None | bool:
    """The paragraph before a block quotation: "The New York Times … wrote:"."""
    previous = _previous_paragraph(text, ends, raw.opener)
    if previous is None:
        return None
    start, end = previous
    if not text[start:end].rstrip().endswith(":"):
        return None
    probe = _Raw(start=end, end=end, opener=len(text[:end].rstrip()), closer=None)
    return source_before(text, masked, probe, start)


def _heading_source(text: str, ends: list[int], raw: _Raw) -> Source | None:
    """ "Speech delivered by General Director X in Kabul": the speaker of the quotation
    that opens a paragraph within the next three."""
    line_start = text.rfind("\n", 0, raw.opener) + 1
    if text[line_start : raw.opener].strip():
        return None
    window = text[max(0, line_start - 600) : line_start]
    matches = list(_SPEECH_HEADING.finditer(window))
    if not matches:
        return None
    match = matches[-1]
    offset = max(0, line_start - 600)
    return Source(match.group("who").strip(), offset + match.start("who"))


def _narrative_subject(text: str, masked: str, lo: int, hi: int) -> Source | None:
    """The subject of the last reporting verb in a stretch of narrative."""
    verbs = [w for w in word_matches(masked, lo, hi) if is_verb(masked, w)]
    if not verbs:
        return None
    found = from_verb(text, masked, verbs[-1], sentence_start(masked, verbs[-1].start(), lo), hi)
    return found if isinstance(found, Source) else None


def _folded_capitals(text: str, masked: str, at: int) -> tuple[str, str]:
    """A headline in capitals ("… AND THE POLICE BLAME “FOREIGNERS”") read in lower case, so
    that its reporting verb and its subject are seen as in running text; offsets are kept."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    own = masked[line_start:line_end]
    if re.search(r"[a-z]", own) or len(re.findall(r"[A-Z]", own)) < 12:
        return text, masked
    lowered = text[line_start:line_end].lower()
    if len(lowered) != line_end - line_start:
        return text, masked
    return (text[:line_start] + lowered + text[line_end:],
            masked[:line_start] + own.lower() + masked[line_end:])


def _without_heading(text: str, found: Source) -> Source:
    """ "Domestic\nPresident Kamau", "Notes\na. The police": a section heading on a line of
    its own, or a note's letter, before the subject is no part of it (a line broken inside
    a wrapped sentence is)."""
    surface, position = found.surface, found.position
    lines = surface.split("\n")
    if len(lines) > 1:
        line_start = text.rfind("\n", 0, position) + 1
        heading = text[line_start : position + len(lines[0])].strip()
        if len(heading.split()) <= 3 and not re.search(r"[.,;:]$", heading):
            cut = surface.index("\n") + 1
            surface, position = surface[cut:], position + cut
    marker = re.match(r"\s*(?:[a-z]|\d{1,2})[.)]\s+(?=[A-Z])", surface)
    if marker:
        surface, position = surface[marker.end() :], position + marker.end()
    return Source(surface, position) if surface.strip() else found


def _first_pass(
    text: str, masked: str, ends: list[int], raws: list[_Raw], k: int
) -> Source | None | bool:
    raw = raws[k]
    if raw.parent is not None:
        masked = inside_mask(text, masked, raws, raw.parent)
    if not raw.block and NAMING.search(masked[max(0, raw.opener - 90) : raw.opener]) \
            and not calls_it_so(text, masked, raw):
        return False  # a name or a title in quote marks is nobody's words
    if not raw.block and (is_nickname(text, raw) or is_title(text, masked, raw) or quotes_a_name(text, masked, raw)):
        return False
    if raw.signed:
        who = raw.signed.split(",")[0].strip()
        return Source(who, text.index(who, raw.end))
    floor = raws[raw.parent].start if raw.parent is not None else 0
    text, masked = _folded_capitals(text, masked, raw.opener)
    lead = masked[sentence_start(masked, raw.opener, floor) : raw.opener]
    immediate = re.search(r"\b([A-Za-z]+)[,:]?\s*$", lead)
    if immediate and is_verb(
        masked, _WORD.search(masked, raw.opener - len(lead) + immediate.start(1))
    ):  # type: ignore[arg-type]
        order = (lambda: source_before(text, masked, raw, floor), lambda: source_after(text, masked, raw))
    else:
        order = (lambda: source_after(text, masked, raw), lambda: source_before(text, masked, raw, floor))
    for find in order:
        found = find()
        if isinstance(found, Source) and _no_one(found.surface):
            continue
        if found is not None:
            return _without_heading(text, found) if isinstance(found, Source) else found
    if raw.parent is not None:
        return None
    found = trailing_source(text, masked, raw)
    if found is not None and not _no_one(found.surface):
        return found
    found = _list_label(text, masked, raw)
    if found is not None and not _no_one(found.surface):
        return found
    found = _headline(text, raw)
    if found is not None and not _no_one(found.surface):
        return found
    paragraph_start = masked.rfind("\n", 0, raw.opener) + 1
    if not masked[paragraph_start : raw.opener].strip():
        return _intro(text, masked, ends, raw)
    return None


# Closed-class words that end no speaker's name: an adverb or preposition next to the quote
# ("Late on Monday a statement said ...", "- often called \"the Front\"", "financed from abroad,
# which speak of ...", "\"...\", without giving evidence", "a figure that no one else gave").
_NOT_A_SPEAKER = frozenset(
    "late early later earlier often also abroad without with else then still again even only just never "
    "always sometimes usually here there now today yesterday tonight meanwhile however nobody anyone "
    "everyone someone".split()
)


_FILLERS = frozenset("no one from on of the a an".split())


def _no_one(surface: str) -> bool:
    """Only closed-class words ("Late", "often", "no one else"); "Residents, however" is someone."""
    words = re.findall(r"[a-z’']+", surface.lower())
    return bool(words) and all(w in _NOT_A_SPEAKER or w in _FILLERS for w in words) and \
        any(w in _NOT_A_SPEAKER for w in words)


def _follows_attribution(text: str, masked: str, before: _Raw, raw: _Raw, credited_at: int | None) -> bool:
    """ "“My son …,” said Nenita Sumagang, 58. “Who claims that?”": a quotation opening the
    sentence right after the one that credited the quotation before it, in the same
    paragraph, goes on in the same voice."""
    stop = before.closer + 1 if before.closer is not None else before.end
    # (a paragraph break, not a line break: hard-wrapped copy breaks lines inside a sentence)
    if credited_at is None or not stop <= credited_at < raw.opener or _PARAGRAPH.search(masked, stop, raw.opener + 1):
        return False
    between = [s for s in sentence_stops(masked, stop, min(len(masked), raw.opener + 2)) if s <= raw.opener]
    return len(between) == 1 and not masked[between[0] : raw.opener].strip()


def _is_alone(text: str, masked: str, ends: list[int], raw: _Raw) -> bool:
    """The quotation is its whole paragraph (nothing but punctuation around it)."""
    line_start = masked.rfind("\n", 0, raw.opener) + 1
    stop = raw.closer + 1 if raw.closer is not None else raw.end
    line_end = next(e for e in ends if e >= stop)
    return not masked[line_start : raw.opener].strip() and not re.sub(
        r"[\s.,;:!?”’\"\x00]", "", masked[stop:line_end]
    )


def find_quotes(
    text: str,
    *,
    speakers: SpeakerResolver | None = None,
    include_unattributed: bool = True,
) -> list[Quote]:
    """Every quotation in ``text`` with its speaker, in text order.

    A quotation credited to no one has speaker None (pass ``include_unattributed=False``
    to drop those); FORMAT.md leaves them out of the output, the caller decides. A
    single-quoted stretch or a quote inside a quotation is returned only when credited.
    ``speakers`` lets the caller share one resolver with other steps; one is built from
    ``text`` otherwise.
    """
    raws = _scan(text)
    if not raws:
        return []
    ends = _paragraph_ends(text)
    masked = mask_quotes(text, raws)
    if speakers is None:
        speakers = SpeakerResolver(text)
    speakers.mark_quoted([Span(start=r.start, end=r.end) for r in raws])
    names: list[str | None] = [None] * len(raws)
    explicit: list[bool] = [False] * len(raws)
    credited_at: list[int | None] = [None] * len(raws)  # where the words naming the speaker start
    order = sorted(range(len(raws)), key=lambda k: raws[k].start)
    for k in order:
        found = _first_pass(text, masked, ends, raws, k)
        if isinstance(found, Source):
            if raws[k].parent is not None and found.surface.lower() in _SELF_PRONOUNS:
                continue  # "you said “yes”", "she told me “…”" inside a speech: the speaker's own story
            if raws[k].parent is None and ANAPHORIC.fullmatch(" ".join(found.surface.lower().split())):
                names[k] = speakers.resolve_pronoun(
                    found.surface.strip(),
                    position=found.position,
                    antecedents=pronoun_antecedents(text, masked, ends, raws[k]),
                ) or None
            else:
                names[k] = speakers.resolve(found.surface, position=found.position) or None
            explicit[k] = names[k] is not None
            credited_at[k] = found.position
        elif found is False:
            explicit[k] = True  # deliberately unattributed ("reported to be “heavy”")
    _second_pass(text, masked, ends, raws, names, explicit, speakers, credited_at)
    quotes: list[Quote] = []
    seen: dict[str, tuple[int, int]] = {}  # words -> (place in quotes, quotation's index)
    for k in order:
        raw, name = raws[k], names[k]
        if name is not None and _no_one(name):
            name = None  # found by a later pass ("Late on Monday a statement said ..."): no one's name
        if name is None and (
            raw.single or raw.parent is not None or raw.block or not include_unattributed
        ):
            continue
        if raw.parent is not None and names[raw.parent] is None and name is None:
            continue
        quote = Quote(
            speaker=name,
            text=text[raw.start : raw.end],
            span=Span(start=raw.start, end=raw.end),
            extractor=EXTRACTOR,
        )
        key = " ".join(re.findall(r"\w+", quote.text.lower()))
        if key in seen:  # headline and body: listed once, under a speaker if either has one
            previous, first = seen[key]
            if name is not None and (
                quotes[previous].speaker is None
                # "Velm mayor: ‘The town is in shock’" above the body's "…, Tobias Ouma, said":
                # the body names the speaker the headline abbreviates
                or _on_title_line(text, raws[first])
            ):
                quotes[previous] = quote
            continue
        seen[key] = (len(quotes), k)
        quotes.append(quote)
    # A headline quoting words that a longer quotation of the body holds ("‘They shot at us
    # like animals’" over the vendor's whole account): listed once, as the body's quotation.
    keys = {index: key for key, (index, _) in seen.items()}
    inside = {
        index
        for key, (index, k) in seen.items()
        if _on_title_line(text, raws[k]) and len(key.split()) >= 3
        and any(other != index and f" {key} " in f" {keys[other]} " and quotes[other].speaker for other in keys)
    }
    return [quote for index, quote in enumerate(quotes) if index not in inside]


def _second_pass(
    text: str,
    masked: str,
    ends: list[int],
    raws: list[_Raw],
    names: list[str | None],
    explicit: list[bool],
    speakers: SpeakerResolver,
    credited_at: list[int | None],
) -> None:
    """Quotes with no attribution of their own: the speaker of an adjacent quote, of the
    paragraph before a stand-alone quote, or of the sentence a dash-led quote ends."""
    # (single quote marks too when the page quotes with them: "‘…,’ said X, 34. ‘…’")
    singles = any(raws[k].single and names[k] is not None and raws[k].parent is None for k in range(len(raws)))
    top = [
        k
        for k in sorted(range(len(raws)), key=lambda k: raws[k].start)
        if raws[k].parent is None and (not raws[k].single or singles)
    ]
    for _ in range(2):  # a run of continuation quotes fills in from both ends
        for n, k in enumerate(top):
            if names[k] is not None or explicit[k]:
                continue
            raw = raws[k]
            stop = raw.closer + 1 if raw.closer is not None else raw.end
            for m in (top[n - 1] if n else None, top[n + 1] if n + 1 < len(top) else None):
                if m is None or names[m] is None:
                    continue
                other = raws[m]
                lo, hi = (
                    (other.closer + 1 if other.closer is not None else other.end, raw.opener)
                    if other.start < raw.start
                    else (stop, other.opener)
                )
                if (
                    0 <= hi - lo < 200
                    and "\n" not in text[lo:hi]
                    and not re.search(r"[A-Za-z]", masked[lo:hi])
                ):
                    names[k] = names[m]
                    break
            if names[k] is None and n and _follows_attribution(
                text, masked, raws[top[n - 1]], raw, credited_at[top[n - 1]]
            ):
                names[k] = names[top[n - 1]]
    for k in top:
        if names[k] is not None or explicit[k]:
            continue
        raw = raws[k]
        heading = _heading_source(text, ends, raw)
        if heading is not None and not any(
            names[m] for m in top if raws[m].start < raw.start and raws[m].start > heading.position
        ):
            names[k] = speakers.resolve(heading.surface, position=heading.position) or None
            continue
        if _is_alone(text, masked, ends, raw):
            previous = _previous_paragraph(text, ends, raw.opener)
            if previous is None:
                continue
            inside = [m for m in top if previous[0] <= raws[m].opener < previous[1] and names[m]]
            if inside:
                names[k] = names[inside[-1]]
                continue
            found = _narrative_subject(text, masked, *previous)
            if found:
                names[k] = speakers.resolve(found.surface, position=found.position) or None
            continue
        lead = masked[max(0, raw.opener - 4) : raw.opener].strip()
        if lead[-1:] in ("–", "—", ":"):
            lo = masked.rfind("\n", 0, raw.opener) + 1
            found = _narrative_subject(text, masked, lo, sentence_start(masked, raw.opener, lo))
            if found:
                names[k] = speakers.resolve(found.surface, position=found.position) or None
