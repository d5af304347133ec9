"""Who says it: the claimant of a figure or an accusation found in a parsed sentence.

The rules, nearest source first (FORMAT.md: the innermost named source is the claimant):
1. a reporting verb ("said", "reported", "quoted ... as saying", "putting the dead at")
   governing the finding: its subject, or the person quoted ("Interfax quoted officials");
2. a report noun governing it ("reports that 2,000 were killed") -> "press reports",
   unless the noun names its owner ("the ministry's report");
3. "according to X" in the sentence;
4. a quotation holding the finding -> the quotation's speaker;
5. otherwise the document's own voice (AUTHOR).
Pronoun subjects ("she said", "It said") are handed to a resolver that knows the document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from typing import TYPE_CHECKING

from reckon.extract.doc_text import doc_text, span_text
from reckon.extract.issuer import is_issuer
from reckon.extract.nlp import entity_type
from reckon.extract.lexicon import load_reporting_verbs
from reckon.extract.name_phrases import phrase_tokens, without_dateline
from reckon.extract.source_marks import (
    PER_SOURCE, PER_UNITS, PLACE_LABEL_WORDS, bracketed_source, is_field_value, listed_source, nested_source,
)
from reckon.extract.speaker_syntax import (
    BY_SOURCE_VERBS, FIGURE_NOUNS, GIVEN_FIGURE_NOUNS, SOURCE_NOUNS, STANCE_VERBS, cited_source, denies_it,
    is_event_noun, misread_complement, name_set_off_before, own_colleagues, records_owner, shared_subject,
    speakers_of,
)
from reckon.model import AUTHOR, Claimant, Quote, Span

if TYPE_CHECKING:  # pragma: no cover - nlp.py is the only module that imports spaCy at run time
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["PRESS_REPORTS", "ClaimantFinder", "clean_name"]

PRESS_REPORTS = "press reports"
AUTHOR_VOICE = "author"  # the issuer speaking of itself ("we", "our officials")

# Nouns that stand for an unnamed body of reporting ("reports that ...", "media said").
_REPORT_NOUNS = frozenset({"report", "reports", "media", "press", "account", "accounts", "claim", "claims",
                           # "the allegation that a government plane bombed the market": unnamed too
                           "allegation", "allegations", "rumour", "rumours", "rumor", "rumors"})
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "this", "that", "who", "which"})
_UNNAMED_SOME = frozenset({"some", "others", "many"})
# Places of publication that name no publisher: "some websites", "online platforms", "blogs".
_UNNAMED_OUTLETS = frozenset({"website", "site", "platform", "blog", "outlet", "channel", "newspaper", "tabloid"})
# "Unverified posts on social media claimed 40 deaths": posts nobody signs are unnamed media
# (the plural only: "the police post reported" is a place that speaks for its officers).
_UNNAMED_POSTS = frozenset({"posts", "messages", "rumours", "rumors"})


def _opens_sentence(token: Token) -> bool:
    """The capital of a sentence's first word says nothing of a name ("Unverified posts ..."):
    (only for posts: "Western media outlets" is a body of outlets kept as written)."""
    return token.is_sent_start or token.i == 0 or token.doc[token.i - 1].text in ("\n", "\n\n") \
        or token.doc[token.i - 1].is_space


_QUANTITY_WORDS = frozenset({"dozens", "scores", "hundreds", "thousands", "tens", "millions", "dozen", "score"})
_LEADING_NOISE = re.compile(
    r"^(?:(?:the|a|an|one|another|two|three|four|first|second|third|fourth|fifth|some|several|other|both|"
    r"also|senior|unnamed|his|her|its|their|our|so-called|self-styled|self-proclaimed)\s+)+",
    re.IGNORECASE,
)
_HEADLINE_SOURCE = re.compile(
    r"(?:\s*:|\s+[-–—]{1,2})\s+(?P<who>[A-Z][\w.'’&-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w.'’&-]*){0,4})\s*$")
# One person described without a name, who speaks for a body ("a gendarmerie officer", "a police source").
_ONE_SOURCE = frozenset({"officer", "official", "source", "spokesman", "spokeswoman", "spokesperson", "commander",
                         "doctor", "nurse", "witness", "resident", "diplomat"})
# Information with no one behind it: the writer's own account ("according to the information
# available", "initial information indicates").
_NO_SOURCE = re.compile(r"(?i)(?:the\s+)?(?:(?:initial|preliminary|available|first|latest|early|current)\s+)?"
                        r"(?:information|data|details|indications|elements)(?:\s+(?:available|gathered|received|at\s+hand))?")
# A wire story's notes on its own versions, which the parser may take for a speaker.
_PAGE_NOTE = re.compile(r"(?i)(?:update|updates|correction|corrected|refiling|refile|editor'?s\s+note|writethru)(?:\s*\d+)?")
# A source closing a sentence after a dash: "... - a gendarmerie officer in X told the Post."
_TRAILING_SOURCE = re.compile(
    r"\s[-–—]{1,2}\s+(?P<who>(?:an?|the|one)\s+(?:[\w'’-]+\s+){0,6}?[\w'’-]+?)(?:\s+(?:in|at|from)\s+[A-Z][\w'’-]*)?"
    r"\s+(?:said|says|told\s+(?:the\s+)?(?:[A-Z0-9][\w.'’-]*\s*){1,4}"
    r"(?:by\s+(?:tele)?phone\s*)?)(?:\s+on\s+[A-Z][a-z]+)?\.?\s*$")
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+(?P<who>[^,;:.!?“”\"()]+)", re.IGNORECASE)
_CONTACTED = re.compile(r"\s+(?:(?:that|whom)\s+)?(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}|we|they|it|he|she|"
                        r"(?:the|our|its)\s+[a-z]+)\s+(?:had\s+|has\s+|have\s+)?(?:spoke|spoken|talked|interviewed|contacted|"
                        r"met|reached|consulted|visited)\b.*$")
# "according to a tally by the Osk Herald", "according to figures from the health ministry":
# who made the figures is the source.
_FIGURE_BY = re.compile(r"(?:an?|the|its|their)\s+(?:\w+\s+)?(?:tally|count|estimate|figures?|list|toll|data|statistics|"
                        r"survey|records?)\s+(?:by|from|of)\s+(?P<who>(?:the\s+)?[A-Z].+|the\s+.+)$")
_DOCUMENT_BY = re.compile(r"\b(?:filed|issued|released|published|compiled|gathered|provided|prepared|written|"
                          r"drawn\s+up|submitted|given|made|established|conducted|carried\s+out|kept|"
                          # "a statement read on national television by the army's spokesman"
                          r"read|read\s+out|broadcast|signed|sent|posted|delivered|aired|circulated)\s+(?:\w+\s+){0,3}?by\s+(?P<who>.+?)(?:\s+(?:in|on|at|during|last|this|earlier|"
                          r"later)\b.*)?$", re.IGNORECASE)
_TRAILING_CLAUSE = re.compile(r"\s*(?:,|\bwho\b|\bwhich\b|\bthat\b|\bwhose\b|\bin a\b|\bon\b|\bin its\b|\bin his\b|\bin her\b|\bafter\b|\bwhile\b).*$", re.IGNORECASE | re.DOTALL)

Resolver = Callable[[str, int], str]


def clean_name(surface: str) -> str:
    """A claimant's name as it should be shown: no leading article, numeral or trailing clause."""
    name = " ".join(surface.split())
    name = _TRAILING_CLAUSE.sub("", name)
    name = _LEADING_NOISE.sub("", name)
    name = name.strip(" ,.;:-–—\"'“”‘’")
    return re.sub(r"['’]s$", "", name)  # "the army's claim": the army


@dataclass(frozen=True, slots=True, kw_only=True)
class _Named:
    surface: str
    start: int  # document offsets
    end: int


class ClaimantFinder:
    """Finds the claimants of findings in one document.

    ``quotes`` are the document's quotations (their spans decide rule 4); ``resolve`` turns
    a surface name or pronoun at a document offset into a canonical name.
    """

    def __init__(self, *, quotes: Sequence[Quote] = (), resolve: Resolver | None = None, issuer: str | None = None):
        self._quotes = sorted(quotes, key=lambda q: q.span.start)
        self._issuer = issuer
        # (position, claimant) of each source named so far: "he" of an unnamed source ("a
        # gendarmerie officer told the Post ... He said") is that source again
        self._named_sources: list[tuple[int, Claimant]] = []
        self._resolve = resolve or (lambda surface, _position: clean_name(surface))
        # "The diocese named 40 of the dead": who names the dead one by one vouches for the
        # figure (not a verb of speech for quotations, so not in reporting_verbs.txt)
        # "Military records described the dead as 27 subversives": so does who describes them
        self._verbs = load_reporting_verbs() | {"name", "describe"}

    def claimants(self, sent: SpacySpan, token: Token, *, offset: int) -> tuple[Claimant, ...]:
        """Claimants of the finding at ``token`` in ``sent``; ``offset`` maps sent chars to the document."""
        listed = listed_source(sent, token)
        if listed is not None:
            # "- Ministry of Defence: 9 killed, 9 wounded": a list of the figures each source gives
            start = sent.start_char + listed.start("who") + offset
            return self._to_claimants([_Named(surface=listed.group("who"), start=start,
                                              end=start + len(listed.group("who")))])
        credited_per = PER_SOURCE.match(span_text(sent), token.idx - sent.start_char + len(token.text))
        per_first = re.sub(r"^(?:the|an?)\s+", "", credited_per.group("who").lower()).split()[0] if credited_per else ""
        if credited_per is not None and per_first not in PER_UNITS and per_first[:1].isalpha():
            # "Deaths 9–11 (+14 attackers per the government)": the figure's own source
            start = sent.start_char + credited_per.start("who") + offset
            return self._to_claimants([_Named(surface=credited_per.group("who"), start=start,
                                              end=start + len(credited_per.group("who")))])
        bracketed = bracketed_source(span_text(sent), token.idx - sent.start_char + len(token.text))
        if bracketed is not None:
            # "Six women abducted (Kelm Watch); 3 suspects arrested (Police)": the clause's source
            start = sent.start_char + bracketed.start("who") + offset
            return self._to_claimants([_Named(surface=bracketed.group("who"), start=start,
                                              end=start + len(bracketed.group("who")))])
        if is_field_value(sent, token):
            return (AUTHOR,)
        named = self._from_syntax(sent, token, offset=offset)
        if named is None:
            named = self._according_to(sent, token, offset=offset)
        quote = self.quote_at(token.idx + offset)
        if named is not None:
            if named == PRESS_REPORTS:
                return (Claimant(name=PRESS_REPORTS),)
            if named == AUTHOR_VOICE:
                if quote is not None and quote.speaker:
                    # words inside a quotation credited to someone are never the writer's
                    # own narration ("figures on websites, which speak of “more than 40 dead”")
                    return (Claimant(name=quote.speaker),)
                return (AUTHOR,)
            return self._to_claimants(named)
        if quote is not None and quote.speaker:
            inner = nested_source(span_text(sent), token.idx - sent.start_char)
            if inner is not None:
                # "When the police tell the nation 'three people died', ...": the words quoted
                # inside the quotation are the innermost source's claim
                start = sent.start_char + inner.start("who") + offset
                return self._to_claimants([_Named(surface=inner.group("who"), start=start,
                                                  end=start + len(inner.group("who")))])
            return (Claimant(name=quote.speaker),)
        text = span_text(sent)
        trailing = _TRAILING_SOURCE.search(text)
        if trailing and token.idx - sent.start_char < trailing.start():
            # "Two men were killed - the driver and a guard - a gendarmerie officer told the
            # Post.": a dash-set aside the parser could not hang together; the source closes it.
            start = sent.start_char + trailing.start("who") + offset
            return self._to_claimants([_Named(surface=trailing.group("who"), start=start,
                                              end=start + len(trailing.group("who")))])
        credited = _HEADLINE_SOURCE.search(text)
        if credited and len(text.split()) <= 16 and not text.rstrip().endswith("."):
            # A headline crediting its figure: "Blast toll rises to 40: Red Crescent",
            # "Toll 150, not 2,000 - Defence HQ".
            start = sent.start_char + credited.start("who") + offset
            return self._to_claimants([_Named(surface=credited.group("who"), start=start,
                                              end=start + len(credited.group("who")))])
        return (AUTHOR,)

    def name_at(self, surface: str, position: int) -> str:
        """The canonical name of a source written ``surface`` at a document offset ("He" ->
        the person it stands for); the surface itself when nothing resolves it."""
        return self._resolve(surface, position) or surface

    def quote_at(self, position: int) -> Quote | None:
        for quote in self._quotes:
            if quote.span.start <= position < quote.span.end:
                return quote
        return None

    # -- rule 1 and 2: walk up the dependency tree from the finding --------------------------
    # (see misread_complement below for one misparse the walk corrects)
    def _from_syntax(self, sent: SpacySpan, token: Token, *, offset: int) -> list[_Named] | str | None:
        chain = [(None, token)]
        current = token
        while len(chain) < 12:
            head = current.head
            chain.append((current, head))
            if head.i == current.i:
                # The root, its own head: one (root, root) step is read; more of them (spaCy
                # makes a new Token per access, so an identity test never stopped the walk)
                # would read the same pair again and decide nothing new.
                break
            current = head
        described = False
        via_as = False
        for child, current in chain:
            lemma = current.lemma_.lower()
            via_as = via_as or (child is not None and child.dep_ == "prep" and child.lower_ == "as")
            content = child is not None and (any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
                                             or lemma in _SPEECH_NOUNS or misread_complement(child))
            if child is not None and child.dep_ == "relcl" and current.pos_ == "NOUN" and not content and (
                    is_event_noun(current) or not any(c.dep_ == "nummod" for c in current.children)):
                # "briefed reporters on the raid that left 17 dead": a relative clause
                # describing the event (or the place) is the writer's narration, not the
                # briefing's content, unless it sits in what is reported ("Velmar Watch said
                # the massacre, in which 200 were killed, ..."). A clause on the counted people
                # ("reported 12 people who were killed") is the count itself.
                described = True
            # ("described the operation as a clash in which 27 were killed": what an "as" phrase
            # says the thing was is the describer's account, not the writer's narration)
            if described and lemma in self._verbs and current.pos_ in ("VERB", "AUX") \
                    and child is not None and child.dep_ not in ("ccomp", "parataxis", "xcomp") \
                    and not via_as:
                return AUTHOR_VOICE
            if child is not None and child.dep_ == "advcl" and lemma in self._verbs and any(
                    c.dep_ in ("mark", "advmod") and c.lower_ in _TIME_MARKS for c in child.children) \
                    and not any(c.dep_ in ("auxpass", "nsubjpass") for c in current.children):
                # (a passive "were confirmed dead while two others ..." states a harm, it reports nothing)
                # "the army said when the toll stood at 30": the time clause is the
                # writer's, dating the statement; it is not what the police said.
                return AUTHOR_VOICE
            if current.pos_ == "NOUN" and lemma in GIVEN_FIGURE_NOUNS:
                # "the figure of 24 dead that the authorities have given": who gave the figure
                giver = next((subject for clause in current.children
                              if clause.dep_ == "relcl" and clause.lemma_.lower() in BY_SOURCE_VERBS | {"use", "publish"}
                              and not denies_it(clause)
                              for subject in clause.children
                              if subject.dep_ == "nsubj" and subject.lower_ not in _PRONOUNS), None)
                if giver is not None:
                    return self._named_list(giver, offset=offset)
            if child is not None and current.pos_ in ("NOUN", "PROPN") and lemma in _REPORT_NOUNS and child.dep_ in ("acl", "ccomp", "relcl", "prep", "appos") and child.i > current.i:
                owner = self._report_owner(current, offset=offset)
                if owner is None and current.dep_ == "pobj" and current.head.lower_ in ("in", "through", "via") \
                        and current.head.head.lemma_.lower() in self._verbs:
                    # "the commission said in a report released on Friday that 52 were killed":
                    # the report is the one who said it issued
                    issuers = speakers_of(current.head.head, token)
                    if issuers:
                        return self._named_list(issuers[0], offset=offset)
                return owner if owner is not None else PRESS_REPORTS
            if current.pos_ == "NOUN" and child is None or (child is not None and child.pos_ in ("NOUN", "NUM")):
                # "the 300 deaths reported across several media / by the agency": a reporting
                # participle on the counted noun names its source.
                noun = current if child is None else child
                source = self._reported_by(noun, offset=offset)
                if source is not None:
                    return source
            if current.pos_ in ("VERB", "AUX"):
                # "An earlier toll given by the same official was 12 dead"
                for subject in (c for c in current.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"):
                    source = self._reported_by(subject, offset=offset)
                    if source is not None:
                        return source
            if current.pos_ in ("VERB", "AUX") and lemma in self._verbs and child is not None and \
                    child.dep_ in ("ccomp", "parataxis", "advcl") and child.i < current.i and any(
                        t.text == ";" for t in sent.doc[child.i:current.i]):
                # "gunmen kill 12 at a market; rebel group denies role": a semicolon closes the
                # clause before it; the verb after it reports nothing of it.
                return None
            if current.pos_ in ("VERB", "AUX") and lemma in self._verbs and child is not None and \
                    child.dep_ in ("ccomp", "parataxis") and child.i < current.i and any(
                        t.text == ":" for t in sent.doc[child.i:current.i]) and any(
                        c.dep_ in ("ccomp", "xcomp") and c.i > current.i for c in current.children):
                # "THRF has the names of nine dead: families say they cannot reach three more":
                # a verb after a colon that reports its own clause reports nothing before it
                # (unlike a headline's "Toll rises to 40: Red Crescent says").
                return None
            # "the embassy spoke of six deaths": speaking of a figure reports it (speaking where
            # 12 were killed does not)
            spoken_of = lemma in ("speak", "talk") and child is not None and child.dep_ == "prep" \
                and child.lower_ in ("of", "about")
            if current.pos_ in ("VERB", "AUX") and (lemma in self._verbs or spoken_of):
                if lemma in ("claim", "admit", "accept", "take", "assume", "bear") and any(c.lemma_.lower() == "responsibility" for c in current.children):
                    continue  # "X claimed responsibility for the bombing that killed 14": not a report of the toll
                if lemma in ("confirm", "verify", "corroborate") and denies_it(current):
                    continue  # "said 17 had died, a figure police did not confirm": the figure is the one who said it
                # (found people, not found that: "found two survivors hiding" is often parsed as a clause)
                if lemma == "find" and child is not None and child.dep_ in ("dobj", "ccomp") and not any(
                        c.dep_ == "mark" for c in child.children) and any(
                        h.lemma_.lower() in self._verbs and h.lemma_.lower() != "find" and h.pos_ in ("VERB", "AUX")
                        for _, h in chain[chain.index((child, current)) + 1:]):
                    continue  # "Search teams had found two survivors, she said": she reports the finding
                if lemma == "quote":
                    quoted = [c for c in current.children if c.dep_ in ("dobj", "obj")]
                    if quoted:
                        return self._named_list(quoted[0], offset=offset)
                # The active subject speaks; a passive subject is what was said ("lives were claimed").
                subjects = speakers_of(current, token)
                if subjects and child not in subjects:
                    # the parser may hang the participle on the reported clause instead
                    citing = next((c for c in (*current.children, *(child.children if child is not None else ()))
                                   if c.lemma_.lower() in ("cite", "quote") and c.tag_ == "VBG"
                                   and c.dep_ in ("advcl", "xcomp", "conj")), None)
                    cited = cited_source(citing) if citing is not None else None
                    if cited is not None:
                        # "the UN said 29 were killed, citing local health officials": the innermost
                        # source is the one cited
                        return self._named_list(cited, offset=offset)
                    speaker = subjects[0]
                    if (speaker.lower_ in ("it", "they", "we") or own_colleagues(speaker)) and current.dep_ == "ccomp" \
                            and current.head.lemma_.lower() in self._verbs:
                        # "Velmar Watch said it had documented how soldiers executed nine men":
                        # the body reporting its own finding
                        outer = [c for c in speakers_of(current.head, token) if c.pos_ != "PRON"]
                        if outer:
                            speaker = outer[0]
                    return self._named_list(speaker, offset=offset)
                if not subjects:
                    named = name_set_off_before(sent, current)
                    if named is not None and child is not None and child.i < current.i:
                        # "..., the department's prefect, Jean Brou, said.": the parser hangs the
                        # name on the place before it; set off by commas before the verb, it speaks
                        return self._named_list(named, offset=offset)
                    shared = shared_subject(current, token, self._verbs | STANCE_VERBS)
                    if shared is not None:
                        # "The army blamed X, saying seven had died", "the army blamed X and said
                        # five were killed": the clause the verb continues has its speaker.
                        return self._named_list(shared, offset=offset)
                    if current.tag_ == "VBG" and current.dep_ == "acl" and current.head.pos_ == "NOUN":
                        # "false reports circulating online claiming that 20 were shot": what the
                        # participle describes makes the claim, not the sentence's subject
                        described_by = current.head
                        if described_by.lemma_.lower() in _REPORT_NOUNS:
                            owner = self._report_owner(described_by, offset=offset)
                            return owner if owner is not None else PRESS_REPORTS
                        return self._named_list(described_by, offset=offset)
                    # "..., putting the dead at 150": a participle speaks for the main clause's subject.
                    if current.tag_ == "VBG":
                        root_subjects = [c for c in sent.root.children if c.dep_ == "nsubj" and not is_event_noun(c)]
                        if root_subjects and sent.root.lemma_.lower() in self._verbs:
                            return self._named_list(root_subjects[0], offset=offset)
                    continue
        # "the Russian agencies ... have reported, quoting health officials": a participle
        # clause beside the main clause names the innermost source.
        for candidate in sent:
            if candidate.lemma_.lower() == "quote" and candidate.tag_ == "VBG":
                quoted = [c for c in candidate.children if c.dep_ in ("dobj", "obj")]
                if quoted:
                    return self._named_list(quoted[0], offset=offset)
            if candidate.lemma_.lower() == "cite" and candidate.tag_ == "VBG" and token.i < candidate.i:
                # "the UN said 29 were killed, citing local health officials": the source cited
                cited = cited_source(candidate)
                if cited is not None:
                    return self._named_list(cited, offset=offset)
        # "Russian forces killed 27, Interfax quoted officials as saying.": a reporting clause
        # that closes the sentence after a comma names the source of what precedes it.
        comma_seen = False
        for candidate in sent:
            if candidate.i <= token.i:
                continue
            if candidate.text == ",":
                comma_seen = True
                continue
            if candidate.text == ";":
                break  # "a man shot dead two employees; police said there was no link": a new clause
            if not comma_seen or candidate.pos_ not in ("VERB", "AUX"):
                continue
            last_comma = max((t.i for t in sent if t.text == "," and t.i < candidate.i), default=token.i)
            if any(t.dep_ == "cc" for t in sent.doc[last_comma:candidate.i]):
                continue  # "..., and their headteacher says ...": a new clause, not an attribution
            if candidate.lemma_.lower() not in self._verbs or candidate in token.ancestors:
                continue
            if any(t.dep_ in ("relcl", "acl") for t in (candidate, *candidate.ancestors)):
                continue  # "..., a step that the government said was ...": a relative clause
            if any(c.dep_ == "mark" for c in candidate.children):
                continue  # "..., as the military confirmed that ...": a clause of its own, not an attribution
            after = [t for t in sent if t.i > candidate.i and t not in candidate.subtree and not t.is_punct]
            if after and not ((after[0].lower_ in ("while", "whereas", "but", "and", "as", "although")
                               and sent.doc[after[0].i - 1].text == ",") or sent.doc[after[0].i - 1].text == ";"):
                continue  # "..., X said, while Y said ...": a clause of its own may follow
            if candidate.lemma_.lower() == "quote":
                quoted = [c for c in candidate.children if c.dep_ in ("dobj", "obj")]
                if quoted:
                    return self._named_list(quoted[0], offset=offset)
            subjects = speakers_of(candidate, token)
            if subjects:
                return self._named_list(subjects[0], offset=offset)
            between = sent.doc[last_comma + 1 : candidate.i]
            if 0 < len(between) <= 8 and not any(t.pos_ in ("VERB", "AUX") for t in between) and \
                    between[0].pos_ in ("DET", "PROPN", "NOUN", "ADJ"):
                # "…, the governor of Lac province said on Friday.": the parser may hang the
                # phrase before the verb on the sentence as an apposition; it is the subject.
                return self._named_list(between.root, offset=offset)
        return None

    def _reported_by(self, noun: Token, *, offset: int) -> list[_Named] | str | None:
        for acl in noun.children:
            if acl.dep_ != "acl" or acl.tag_ != "VBN" or acl.lemma_.lower() not in BY_SOURCE_VERBS:
                continue
            for prep in acl.children:
                source = next((g for g in prep.children if g.dep_ == "pobj"), None)
                if source is None:
                    continue
                if prep.dep_ == "agent":  # "reported by the agency"
                    return self._named_list(source, offset=offset)
                if prep.lower_ in ("across", "in", "on") and source.lemma_.lower() in _REPORT_NOUNS | {"outlet", "medium", "newspaper"}:
                    return PRESS_REPORTS
        return None

    def _report_owner(self, noun: Token, *, offset: int) -> list[_Named] | None:
        for child in noun.children:
            if child.dep_ == "poss" and child.lower_ not in _PRONOUNS:
                return self._named_list(child, offset=offset)
            if child.dep_ in ("compound", "amod") and child.pos_ == "PROPN":
                return self._named_list(child, offset=offset)
            if child.dep_ == "compound" and child.pos_ == "NOUN" and child.lemma_.lower() in SOURCE_NOUNS - {"medium"}:
                return self._named_list(child, offset=offset)  # "the police account": the police's
        return None

    def _named_list(self, head: Token, *, offset: int) -> list[_Named] | str | None:
        """The subject phrase(s) at ``head``, split on coordination ("the centre and the minister")."""
        if head.lower_ in ("which", "who", "that") and head.head.dep_ == "relcl" and head.head.head.i != head.head.i \
                and head.head.head.pos_ in ("NOUN", "PROPN"):
            # "The Osk Front, which says 27 were killed": the relative pronoun stands for the name before it
            head = head.head.head
            if head.lemma_.lower() in _REPORT_NOUNS and head.pos_ == "NOUN":
                owner = self._report_owner(head, offset=offset)
                return owner if owner is not None else PRESS_REPORTS  # "the police account, which puts ..."
        if any(c.dep_ == "poss" and c.lower_ == "whose" for c in head.children) and head.head.dep_ == "relcl":
            # "The Osk Party, whose members counted 23 bodies, ...": the members speak for the body
            # the relative clause hangs on
            head = head.head.head
        qualified = head.lower_ in ("media", "press") and any(
            c.dep_ == "amod" and c.pos_ in ("ADJ", "PROPN") for c in head.children)
        # "the autopsy reports claimed": definite reports may be ones the text said a named body
        # issued; the resolver looks for that body, and falls back to press reports.
        definite = head.lemma_.lower() == "report" and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
        if head.lemma_.lower() in _REPORT_NOUNS and head.pos_ == "NOUN" and not any(
                c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children):
            # "The truth commission's final report listed 112 victims", "a report by the
            # commission said": a report whose issuer the sentence names is that issuer's claim
            owner = self._report_owner(head, offset=offset) or next(
                (self._named_list(p, offset=offset) for c in head.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                 for p in c.children if p.dep_ == "pobj" and p.pos_ in ("PROPN", "NOUN") and p.lemma_.lower() not in _REPORT_NOUNS),
                None)
            if owner:
                return owner
        if not qualified and not definite and (head.lower_ in _REPORT_NOUNS or (head.lemma_.lower() in _REPORT_NOUNS and not any(
                c.dep_ in ("poss", "compound") for c in head.children))):
            # "media said" is unnamed; "local media", "state media", "Western media" name a
            # body of outlets, kept as the text names it.
            return PRESS_REPORTS
        owner = records_owner(head)
        if owner is not None:
            # "Military records described the dead as ...": the records speak for who kept them
            surface = doc_text(head.doc)[owner[0].idx:owner[-1].idx + len(owner[-1].text)]
            return [_Named(surface=surface, start=owner[0].idx + offset, end=owner[-1].idx + len(owner[-1].text) + offset)]
        if head.lower_ in ("we", "us") or any(c.dep_ == "poss" and c.lower_ == "our" for c in head.children) \
                and not (head.lemma_.lower() in _PERSON_ROLES and head.tag_ == "NN"):
            # "We counted 16 dead", "Our officials counted ...": the document's issuer; but "our
            # provincial chairman says" is one person, named apart from the body he serves
            return AUTHOR_VOICE
        if head.lower_ in _UNNAMED_SOME:
            return PRESS_REPORTS  # "Some put the toll at over 1,000" (FORMAT.md: "some" -> press reports)
        if head.lemma_.lower() in _UNNAMED_OUTLETS and head.pos_ == "NOUN" and not any(
                t.pos_ == "PROPN" or t.text[:1].isupper() for t in head.subtree if t.i <= head.i) or (
                head.lower_ in _UNNAMED_POSTS and head.pos_ == "NOUN" and not any(
                    t.pos_ == "PROPN" or (t.text[:1].isupper() and not _opens_sentence(t))
                    for t in head.subtree if t.i <= head.i)):
            # "websites claiming that 20 were shot": unnamed media ("Western media outlets", like
            # "state media", name a body of outlets and stay as written)
            return PRESS_REPORTS
        if head.like_num or head.lower_ in _QUANTITY_WORDS:
            return None  # "dozens reported dead": the counted people, not a source
        if head.lemma_.lower() in FIGURE_NOUNS:
            # "A tally by Velmar News put the toll at 14": who made the tally; "Government
            # figures show ...": whose figures they are
            maker = next((p for c in head.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                          for p in c.children if p.dep_ == "pobj"), None) or next(
                (c for c in head.children if c.dep_ in ("compound", "poss") and c.pos_ in ("NOUN", "PROPN")
                 and c.lower_ not in _PRONOUNS and head.lemma_.lower() not in ("record", "report")
                 and c.lower_ not in ("court", "medical", "official", "public", "media", "news")), None)
            if maker is not None:
                head = maker
        if head.pos_ == "NOUN" or head.pos_ == "PROPN" and head.lower_ in _PERSON_ROLES:
            # "A police spokesman, Colonel Arlo Penn, said"; "The United Nations Humanitarian
            # Coordinator, Jane Doe, said" (a title the tagger takes for a name): the role's holder is named beside it.
            # "The mayor of the commune, Jane Doe, said": the name may hang on the role's "of" phrase
            # A role only a person holds names a person beside it, whatever the tagger makes of
            # an unfamiliar name ("The cooperative's president, Jacinto Erazo Lanza, put ...").
            person_role = head.lemma_.lower() in _PERSON_ROLES
            named = [t for t in head.subtree if t.dep_ == "appos" and t.pos_ == "PROPN" and t.i > head.i
                     and (entity_type(t) == "PERSON" or (person_role and t.head.i == head.i
                                                         and (entity_type(t) not in ("GPE", "LOC", "FAC")
                                                              or _misread_full_name(t))
                                                         and t.text not in _BODY_WORDS))]
            if named:
                head = named[0]
            else:
                # "the exile Equatoria Forum", "the rights group Velmar Watch": a description
                # right before a name (no comma between) only says what the named body is
                glued = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                         and c.left_edge.i == head.i + 1]
                if glued:
                    head = glued[0]
        tokens = without_dateline(phrase_tokens(head, keep_coordination=True))
        start = min(t.idx for t in tokens)
        end = max(t.idx + len(t.text) for t in tokens)
        phrase = doc_text(head.doc)[start:end]
        named = []
        # "Kenya's disaster centre and the interior minister say": one claimant per conjunct.
        cursor = 0
        parts = [phrase] if _NAME_WITH_AND.fullmatch(phrase) or _one_claimant(
            phrase, doc_text(head.doc)[end:end + 16], self._issuer) \
            else _COORDINATION.split(phrase)
        for index, part in enumerate(parts):
            at = phrase.find(part, cursor)
            cursor = at + len(part)
            if index and _PLACE_APPOSITION.match(part):
                continue  # "Residents of X, a village in the Y region, said": where they live, not a source
            if part.strip() and clean_name(part):
                named.append(_Named(surface=part, start=start + at + offset, end=start + at + len(part) + offset))
        return named or PRESS_REPORTS

    # -- rule 3 -----------------------------------------------------------------------------
    def _according_to(self, sent: SpacySpan, token: Token, *, offset: int) -> list[_Named] | str | None:
        matches = list(_ACCORDING_TO.finditer(span_text(sent)))
        if not matches:
            return None
        match = matches[-1]
        who = match.group("who").strip()
        # "according to health workers ZPRM spoke to", "witnesses we interviewed": who spoke to
        # them only says how the source was reached; the source is the people before it
        who = _CONTACTED.sub("", who) or who
        if re.search(r"\b(?:our|my|we|us)\b", who, re.IGNORECASE):
            return None  # "according to our figures": the speaker's own, found by the quotation or voice
        by = _DOCUMENT_BY.search(who) or _FIGURE_BY.match(who)
        if by:
            # "according to the charge sheet filed by state prosecutors": the innermost source
            # is who filed it
            start = sent.start_char + match.start("who") + by.start("who") + offset
            return [_Named(surface=by.group("who"), start=start, end=start + len(by.group("who")))]
        apposed = _APPOSED_NAME.match(span_text(sent), match.end("who"))
        if apposed and who.split() and who.split()[-1].lower() in _PERSON_ROLES:
            # "according to the school's deputy principal, Mr Anselm Byamukama": the person named
            start = sent.start_char + apposed.start("name") + offset
            return [_Named(surface=apposed.group("name"), start=start, end=start + len(apposed.group("name")))]
        who_clean = clean_name(who)
        if not who_clean or who_clean.lower() in ("the press", "press", "media", "reports", "press reports", "media reports", "some", "sources"):
            return PRESS_REPORTS
        start = sent.start_char + match.start("who") + offset
        return [_Named(surface=who, start=start, end=start + len(who))]

    def _to_claimants(self, named: list[_Named] | str) -> tuple[Claimant, ...]:
        if isinstance(named, str):
            return (Claimant(name=named),)
        out: list[Claimant] = []
        for item in named:
            surface = item.surface.strip()
            if surface.lower() in _PRONOUNS:
                name = self._resolve(surface, item.start)
                if (not name or name.lower() in _PRONOUNS) and surface.lower() in ("he", "she"):
                    earlier = self._unnamed_source_before(item.start)
                    if earlier is not None:
                        out.append(earlier)
                    continue
            else:
                name = self._resolve(clean_name(surface), item.start)
            if not name or name.lower() in _PRONOUNS:
                continue
            if self._issuer and is_issuer(name, self._issuer) or _OWN_UPDATES.fullmatch(name):
                # "CRAV said today" in CRAV's own release, "Earlier updates reported six deaths":
                # the document's voice, now or in its own earlier versions
                out.append(AUTHOR)
                continue
            if _NO_SOURCE.fullmatch(name):
                out.append(AUTHOR)  # "according to the information available": no one named
                continue
            if _PAGE_NOTE.fullmatch(name):
                out.append(AUTHOR)  # "UPDATE 1 ...: Adds toll rising to five": the agency's own note
                continue
            if name.lower() in ("reports", "media", "press", "media reports", "news reports") or re.fullmatch(
                    r"(?:(?:the|these|those)\s+)?(?:[a-z-]+\s+){0,2}reports?", name, re.IGNORECASE):
                name = PRESS_REPORTS
            out.append(Claimant(name=name, span=Span(start=item.start, end=item.end)))
            if surface.lower() not in _PRONOUNS:
                self._named_sources.append((item.start, out[-1]))
        return tuple(out) or (AUTHOR,)

    def _unnamed_source_before(self, position: int) -> Claimant | None:
        """The source named last before ``position`` (within a short paragraph's reach), when
        it is one person described without a name ("a gendarmerie officer"): "he" goes on with it."""
        earlier = [(at, c) for at, c in self._named_sources if position - 400 < at < position]
        if not earlier:
            return None
        claimant = max(earlier, key=lambda pair: pair[0])[1]
        words = claimant.name.lower().split()
        return claimant if words and words[-1] in _ONE_SOURCE and not any(w[:1].isupper() for w in claimant.name.split()[1:]) \
            else None


# ", Mr Anselm Byamukama," after a role: the holder's name in apposition.
_APPOSED_NAME = re.compile(r",[ ]+(?:(?:Mr|Mrs|Ms|Dr|Prof|Rev|Sister|Father|Hon)\.?[ ]+)?"
                           r"(?P<name>[A-Z][\w'’-]+(?:[ ][A-Z][\w'’-]+){1,3})(?=[,.;]|$)")


# Roles only a person holds: the name in apposition to one is that person's.
_PERSON_ROLES = frozenset({"principal", "headmaster", "headteacher", "superintendent", "president", "chairman", "chairwoman", "chairperson", "chair", "director", "spokesman",
                           "spokeswoman", "spokesperson", "mayor", "governor", "minister", "commander", "chief",
                           "leader", "secretary", "coordinator", "head", "administrator", "official", "officer",
                           "ombudsman", "prosecutor", "doctor", "priest", "imam", "pastor", "elder", "founder"})


def _misread_full_name(name: Token) -> bool:
    """ "The Minister of Government, Gonzalo Arancibia, said": the tagger may take an unfamiliar
    first name and surname for a place, but a place is not set off between commas after a role
    only a person holds; a name of two or more capitalised words there is the holder's."""
    words = [t for t in name.subtree if t.i <= name.i]
    if len(words) < 2 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words):
        return False
    if words[0].lower_ in PLACE_LABEL_WORDS:
        return False  # "North Kivu": a compass word opens a region's name, not a person's
    after = name.doc[name.i + 1] if name.i + 1 < len(name.doc) else None
    before = name.doc[words[0].i - 1] if words[0].i > 0 else None
    return before is not None and before.text == "," and after is not None and after.text == ","


# Last words of bodies' names, never of a person's ("the spokesman for the army, Osk Division").
_BODY_WORDS = frozenset({"Division", "Army", "Brigade", "Battalion", "Regiment", "Command", "Ministry", "Police",
                         "Force", "Forces", "Office", "Department", "Council", "Committee", "Group", "Front",
                         "Party", "Unit", "Company", "Agency", "Commission", "Service", "Network", "Movement"})


# Subordinators of time: a clause they open dates a statement rather than reporting it.
# Nouns whose clause is what was said ("a statement that 9 people had been killed").
_SPEECH_NOUNS = frozenset({"statement", "report", "claim", "announcement", "communique", "communiqué", "message",
                           "letter", "tweet", "post", "briefing", "interview", "declaration", "release", "estimate"})
_TIME_MARKS = frozenset({"when", "while", "as", "after", "before", "since", "until", "once"})

# "the Centre for Rights and Accountability in Velmar": after "for", "and" goes on with the name.
# ("the opposition Union for Progress and Reform": a descriptor before the name too)
_NAME_WITH_AND = re.compile(r"(?:[Tt]he\s+)?(?:[a-z]+\s+){0,2}(?:[A-Z][\w’'-]*\s+)+(?:for|against)\s+(?:the\s+)?[A-Z][\w’'-]*"
                            r"(?:\s+(?:and|of|in|the|[A-Z][\w’'-]*))*(?:\s*\([^()]*\)?)?")
_COORDINATION = re.compile(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*")
# A description of a place set off after a name: "a village in ...", "the district's main town".
_PLACE_APPOSITION = re.compile(
    r"\s*(?:an?|the)\s+(?:[\w'’-]+\s+){0,2}?(?:village|town|city|district|region|province|settlement|hamlet|"
    r"community|county|locality|suburb|neighbou?rhood|camp)\b(?!\s+(?:council|chief|leaders?|officials?|authorit))",
    re.IGNORECASE)


# "police and hospital officials", "security and health officials": one word before "and" that
# shares the head noun after it ("police officials and hospital officials") is one claimant as
# written; "local officials and residents" are two groups, each with its own head.
_COMPOSITE = re.compile(r"(?:(?:the|The)\s+)?[a-z][\w’'-]*(?<!s)\s+and\s+"
                        r"(?!(?:the|a|an|his|her|its|their)\b)[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,2}")
# A document's own earlier versions: "Earlier updates reported six deaths", "the previous release".
_OWN_UPDATES = re.compile(r"(?:(?:the|our|an?)\s+)?(?:earlier|previous|prior|last|initial|first)\s+"
                          r"(?:updates?|releases?|versions?\s+of\s+this\s+(?:story|article|release))", re.IGNORECASE)
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z]{2,})\)")


def _one_claimant(phrase: str, after: str, issuer: str | None) -> bool:
    """Whether a phrase with "and" in it names one source: a body whose name holds "and"
    ("the Ostrava Peace and Justice Monitor (OPJM)": its initials give the acronym beside it,
    or it is the masthead's body), or unnamed sources described together."""
    acronym = _ACRONYM_AFTER.match(after)
    initials = "".join(w[0] for w in phrase.split() if w[:1].isupper() and w not in ("The", "A"))
    if acronym and initials == acronym.group(1):
        return True
    if issuer and is_issuer(clean_name(phrase), issuer):
        return True
    return _COMPOSITE.fullmatch(" ".join(phrase.split())) is not None
