"""The extraction pipeline: each step declared (needs/gives, versioned id) beside its code.

Only the sentences that can hold a finding are parsed (a number or a violence word), the
NER runs once per batch of documents on the stretches that need entities (``reckon.entities.v1``),
and everything else is regex and table look-ups, which keeps extraction faster than a
plain full-pipeline pass over the same text (see benchmarks/ and the README's "Scale").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from reckon.extract import accusations as accusations_module
from reckon.extract import counts as counts_module
from reckon.extract import dates, incidents, inconsistencies, numbers, places, quotes, tables
from reckon.extract.actors import ActorResolver
from reckon.extract.apparatus import apparatus_start
from reckon.extract.attribution import ClaimantFinder
from reckon.extract.issuer import masthead
from reckon.extract.name_windows import entity_chunks
from reckon.extract.place_country import section_country
from reckon.extract.police_body import is_bare_police, named_police
from reckon.extract.nlp import parse, read_and_find_entities
from reckon.extract.sentences import parse_text, split_sentences
from reckon.extract.speakers import SpeakerResolver
from reckon.extract.steps import STEPS, State, check_steps, step
from reckon.extract.unnamed_sources import describes_unnamed_people
from reckon.model import AUTHOR, Accusation, Actor, Claimant, Count, Document, DocumentFindings, Span

__all__ = ["EXTRACTOR_VERSION", "extract_document", "extract_documents"]

EXTRACTOR_VERSION = "reckon-extract-1"

# Words that make a sentence worth the full parse even without a number (accusations).
_VIOLENCE_HINT = re.compile(
    r"\b(attack|assault|massacre|raid|kill|slay|slain|storm|bomb|shell|shoot|shot|fire|target|ambush|abduct|"
    r"kidnap|execut|murder|slaughter|behead|seiz|besieg|torch|burn|behest|responsibilit|blame|accus|proxy|proxies|"
    r"gunm[ae]n|militant|airstrike|strike|siege|dispers|crackdown|carried out|opened fire|"
    r"charged|guilty|convict|mastermind|hands of|attribut|behind|blew|detonat|held|hostage|perpetrat|trial|belong|"
    r"smash|crush|custody|captivity|suspect|hallmark|planted|responsible|identified|boast|brag|points? to|pointed|named|finger|lynch|stab|tortur|bombard|employed|work of|to blame)",
    re.IGNORECASE,
)


@step("reckon.published.v1", needs=("document",), gives=("published",))
def _published(state: State) -> State:
    document: Document = state["document"]
    published, published_span = document.published, None
    if published is None:
        found = dates.find_published(document.text)
        if found is not None:
            published, published_span = found
    return {"published": published, "published_span": published_span}


@step("reckon.sentences.v1", needs=("document",), gives=("sentences",))
def _sentences(state: State) -> State:
    return {"sentences": split_sentences(state["document"].text)}


@step("reckon.quantities.v1", needs=("document",), gives=("quantities",))
def _quantities(state: State) -> State:
    return {"quantities": numbers.find_quantities(state["document"].text)}


@step("reckon.places.v1", needs=("document",), gives=("places",))
def _places(state: State) -> State:
    return {"places": places.find_places(state["document"].text)}


@step("reckon.dates.v1", needs=("document", "published"), gives=("dates",))
def _dates(state: State) -> State:
    anchor = _as_date(state["published"])
    return {"dates": dates.find_dates(state["document"].text, anchor=anchor)}


@step("reckon.actors.v1", needs=("document",), gives=("actors",))
def _actors(state: State) -> State:
    return {"actors": ActorResolver(state["document"].text)}


@step("reckon.parse.v1", needs=("sentences", "quantities"), gives=("parsed",), batched=True)
def _parse(states: list[State]) -> list[State]:
    """Run the full pipeline on the sentences that may hold a count or an accusation: those
    of every document of the batch in one pass."""
    owners, texts = [], []
    for at, state in enumerate(states):
        starts = sorted(q.span.start for q in state["quantities"])
        for index, sentence in enumerate(state["sentences"]):
            # (a bisect, not a scan of every figure per sentence: long pages have thousands of both)
            first = bisect_left(starts, sentence.span.start)
            has_number = first < len(starts) and starts[first] < sentence.span.end
            if has_number or _VIOLENCE_HINT.search(sentence.text):
                owners.append((at, index))
                texts.append(parse_text(sentence.text))
    parsed: list[dict] = [{} for _ in states]
    for (at, index), doc in zip(owners, parse(texts)):
        parsed[at][index] = doc
    return [{"parsed": p} for p in parsed]


@step("reckon.entities.v1", needs=("document", "parsed", "actors", "places"), gives=("entity_docs", "accused"), batched=True)
def _entities(states: list[State]) -> list[State]:
    """One NER pass for the whole batch: windows of the speakers' sentences (people's names) and the
    parsed sentences whose accused phrases ask for entity types; the accused are read here."""
    docs, owners, texts, chunk_counts = [], [], [], []
    for at, state in enumerate(states):
        for index, doc in state["parsed"].items():
            docs.append(doc)
            owners.append((at, index))
        # The names the tables know as actors or places need no NER to be told from people.
        not_people = frozenset(at for found in (state["actors"].mentions, state["places"])
                               for mention in found for at in range(mention.span.start, mention.span.end))
        chunks = entity_chunks(state["document"].text, not_people=not_people)
        texts.extend(chunks)
        chunk_counts.append(len(chunks))
    accused, entity_docs = read_and_find_entities(
        docs, lambda doc: list(accusations_module.find_accused(doc[:])), texts)
    gives: list[State] = [{"entity_docs": [], "accused": {}} for _ in states]
    for (at, index), found in zip(owners, accused):
        gives[at]["accused"][index] = found
    start = 0
    for at, count in enumerate(chunk_counts):
        gives[at]["entity_docs"] = entity_docs[start:start + count]
        start += count
    return gives


@step("reckon.speakers.v1", needs=("document", "actors", "places", "entity_docs"), gives=("speakers",))
def _speakers(state: State) -> State:
    places = frozenset({m.text for m in state["places"]} | {m.name for m in state["places"]}
                       # "Tamakoira market": Tamakoira is a place too
                       | {m.text.rsplit(" ", 1)[0] for m in state["places"] if " " in m.text})
    return {"speakers": SpeakerResolver(state["document"].text, actors=state["actors"].fork(), places=places,
                                        entity_docs=state["entity_docs"])}


@step("reckon.quotes.v1", needs=("document", "speakers"), gives=("quotes",))
def _quotes(state: State) -> State:
    found = quotes.find_quotes(state["document"].text, speakers=state["speakers"])
    return {"quotes": found}


@step("reckon.claimants.v1", needs=("document", "quotes", "speakers", "actors"), gives=("claimants",))
def _claimants(state: State) -> State:
    speakers: SpeakerResolver = state["speakers"]
    actors: ActorResolver = state["actors"]

    def resolve(surface: str, position: int) -> str:
        name = speakers.resolve(surface, position=position)
        force = named_police(state["document"].text, surface, position)
        if force is not None:
            return force  # "Police said ..." after the text named the Korvel Police Service
        if is_bare_police(surface) and section_country(state["document"].text, position) is None:
            # as the text gives it: which country's or town's force is not said (a digest's
            # "GHANA" section heading does say it)
            return "police"
        # "a Kenyan police source" stays a source of its own, not the police force's name.
        return actors.resolve(name) if name and not describes_unnamed_people(name) else name

    return {"claimants": ClaimantFinder(quotes=state["quotes"], resolve=resolve,
                                        issuer=masthead(state["document"].text))}


@step("reckon.counts.v1", needs=("parsed", "quantities", "claimants"), gives=("counts",))
def _counts(state: State) -> State:
    finder: ClaimantFinder = state["claimants"]
    sentences = state["sentences"]
    found: list[tuple[int, Count]] = []
    cut = apparatus_start(state["document"].text)
    quantity_starts = [q.span.start for q in state["quantities"]]
    for index, doc in state["parsed"].items():
        sentence = sentences[index]
        offset = sentence.span.start
        if cut is not None and offset >= cut:
            continue  # a reference list's cited titles: see apparatus.py
        # quantities come sorted by start (numbers.find_quantities): the sentence's are one slice
        lo = bisect_left(quantity_starts, sentence.span.start)
        hi = bisect_left(quantity_starts, sentence.span.end, lo)
        in_sentence = state["quantities"][lo:hi]
        candidates = {}
        for quantity in in_sentence:
            candidate = counts_module.classify_quantity(quantity, doc[:], offset=offset)
            if candidate is not None:
                candidates[quantity.span] = candidate
        # "left 9 dead, 4 in Osk, and 3 in Marr": list members inherit the kind.
        for quantity in in_sentence:
            if quantity.span not in candidates:
                inherited = counts_module.inherit_from_list(quantity, doc[:], offset=offset,
                                                            classified=list(candidates.values()))
                if inherited is not None:
                    candidates[quantity.span] = inherited
        kept = counts_module.without_partitives(list(candidates.values()), doc[:], offset=offset)
        for candidate in counts_module.share_claimant(kept, doc[:], offset=offset):
            for claimant in finder.claimants(doc[:], candidate.token, offset=offset):
                for kind in (candidate.kind, *candidate.also):
                    found.append((index, Count(kind=kind, min=candidate.min, max=candidate.max,
                                               claimant=claimant, span=candidate.span, extractor="reckon.counts.v1",
                                               victims=candidate.victims, quantity_text=candidate.quantity_text)))
    # "14 January | Velmoka | 2 | 1 | ...": a table's figure columns state figures in the
    # table's own voice; what a sentence parse read from those cells gives way to them.
    found = counts_module.without_breakdowns(found)
    text = state["document"].text
    found = counts_module.without_custody_releases(found, text)
    # A list's "References" lines cite headlines ("Four soldiers killed in X"): no findings.
    cited = tables.references_start(text)
    found = [(i, c) for i, c in found if c.span.start < cited]
    # Rows of a table are incidents of their own: no row's figure is a part of another's.
    figures = tables.table_figures(text, tables.find_table_rows(text))
    if figures:
        cells = [figure.span for figure in figures]
        found = [(i, c) for i, c in found if not any(s.start < c.span.end and c.span.start < s.end for s in cells)]
        starts = [sentence.span.start for sentence in sentences]
        for figure in figures:
            index = max((i for i, s in enumerate(starts) if s <= figure.span.start), default=0)
            found.append((index, Count(kind=figure.kind, min=figure.min, max=figure.max, claimant=AUTHOR,
                                       span=figure.span, extractor="reckon.counts.v1",
                                       quantity_text=text[figure.span.start:figure.span.end])))
        found.sort(key=lambda item: item[1].span.start)
    return {"counts": found}


@step("reckon.accusations.v1", needs=("parsed", "accused", "claimants", "actors"), gives=("accusations", "named_direct"))
def _accusations(state: State) -> State:
    finder: ClaimantFinder = state["claimants"]
    actors: ActorResolver = state["actors"]
    sentences = state["sentences"]
    name_of = accusations_module.accused_name
    found: list[tuple[int, Accusation]] = []
    direct: set[int] = set()  # positions in ``found`` of accused shown doing the harm
    cut = apparatus_start(state["document"].text)
    for index, doc in state["parsed"].items():
        offset = sentences[index].span.start
        if cut is not None and offset >= cut:
            continue  # a reference list's cited titles: see apparatus.py
        for mention in state["accused"][index]:
            if mention.modifier and actors.canonical(mention.surface) is None:
                continue  # "the Baga attack" names a place; "the Boko Haram attack" a known actor
            name = name_of(actors, mention.surface)
            span = Span(start=mention.start + offset, end=mention.end + offset)
            if mention.self_claimed:
                claimants: tuple[Claimant, ...] = (Claimant(name=name, span=span),)
            elif mention.blamer is not None:
                claimants = finder.claimants(doc[:], mention.blamer, offset=offset)
                # A pronoun, or a person named by a surname ("Ngoy said ..., blaming X"), is the
                # one the document names in full.
                # ("The Kessel Front ... blamed X": the whole name, not its head word "Front")
                blamer = mention.blamer
                first = blamer
                while first.i > 0 and doc[first.i - 1].dep_ == "compound" and doc[first.i - 1].pos_ == "PROPN":
                    first = doc[first.i - 1]
                blamer_text = doc.text[first.idx:blamer.idx + len(blamer.text)]
                blamer_name = actors.resolve(finder.name_at(blamer_text, first.idx + offset)
                                             if blamer.pos_ in ("PRON", "PROPN") else blamer_text)
                if blamer.lower_ in ("we", "us"):
                    blamer_name = ""  # "We hold X responsible" on the page of its issuer: the author
                claimants = (Claimant(name=blamer_name),) if claimants == (AUTHOR,) and blamer_name else claimants
            else:
                claimants = finder.claimants(doc[:], mention.token, offset=offset)
            for claimant in claimants:
                if accusations_module.is_direct(mention):
                    direct.add(len(found))
                found.append((index, Accusation(actor=name, claimant=claimant, span=span,
                                                extractor="reckon.accusations.v1")))
    # An infobox's perpetrator line says who did it, as plainly as a sentence does.
    # ... and so does a list table's perpetrator column, row by row, and a dataset's coded actor.
    for boxed in [*accusations_module.find_infobox_accused(state["document"].text),
                  *accusations_module.find_table_accused(state["document"].text),
                  *accusations_module.find_coded_accused(state["document"].text)]:
        index = next((i for i, s in enumerate(sentences) if s.span.start <= boxed.start < s.span.end), None)
        if index is not None:
            # "X (alleged by the army)": the box reports the army's allegation, not who was
            # seen doing it; the descriptions of who came ("gunmen") stay beside it.
            claimant = Claimant(name=actors.resolve(boxed.alleged_by)) if boxed.alleged_by else AUTHOR
            if not boxed.alleged:
                direct.add(len(found))
            found.append((index, Accusation(actor=name_of(actors, boxed.surface), claimant=claimant,
                                            span=Span(start=boxed.start, end=boxed.end),
                                            extractor="reckon.accusations.v1")))
    # "The Front's gunmen attacked": the gunmen are the Front's, not a second accused. But a
    # group only blamed or convicted leaves the people seen doing it ("armed men killed six")
    # an accused of their own. Which incident the gunmen belong to decides (``perpetrators``):
    # a digest's "Unidentified gunmen abducted four" is not the Front's raid of its entry above.
    text = state["document"].text
    # Security forces storming a place the report said the attackers hold are responders.
    kept = [i for i, (_, a) in enumerate(found)
            if a.span is None or not accusations_module.storms_a_held_place(text, a.span, a.actor)]
    direct = {kept.index(i) for i in direct if i in kept}
    found = [found[i] for i in kept]
    # "the attackers were suspected members of the X": X is shown as who came, as if seen doing it.
    direct |= {i for i, (_, a) in enumerate(found)
               if a.span is not None and accusations_module.identifies_attackers(text, a.span)}
    named_direct = [a for i, (_, a) in enumerate(found) if i in direct and not accusations_module.is_description(a.actor)]
    if not direct:
        # A report that shows no one doing the harm may still show its attackers acting ("the
        # gunmen came"): the description it uses most names them. A group's own claim of the
        # attack, or a man charged with it, does not say who came: the attackers stay accused.
        described = [(index, doc, mention) for index, doc in sorted(state["parsed"].items())
                     for mention in accusations_module.find_described_attackers(doc[:])]
        heads = Counter(mention.surface.split()[-1].lower() for _, _, mention in described)
        for index, doc, mention in described:
            if mention.surface.split()[-1].lower() != heads.most_common(1)[0][0]:
                continue
            offset = sentences[index].span.start
            span = Span(start=mention.start + offset, end=mention.end + offset)
            for claimant in finder.claimants(doc[:], mention.token, offset=offset):
                found.append((index, Accusation(actor=name_of(actors, mention.surface), claimant=claimant,
                                                span=span, extractor="reckon.accusations.v1")))
    identified = accusations_module.find_identified_attacker(state["document"].text)
    if identified is not None:
        # "A teenager opened fire ... The 17-year-old, identified as X": the one attacker is X.
        found = [(index, replace(a, actor=identified.name, span=Span(start=identified.start, end=identified.end)))
                 if accusations_module.names_one_person(a.actor) else (index, a) for index, a in found]
    text = state["document"].text
    unit = accusations_module.unit_of_soldiers(text, [a.actor for _, a in found])
    if unit is not None:
        # "Soldiers of the 4th Battalion killed ... the troops took away five": the bare
        # soldiers and troops are that unit's, not a second accused.
        found = [(index, replace(a, actor=unit)) if a.span is not None
                 and accusations_module.is_bare_soldiers(text[a.span.start:a.span.end]) else (index, a)
                 for index, a in found]
    # A references section cites headlines ("School burned in X"); and "near X village, Y
    # prefecture, Z region, killing two": an area named by its administrative word is no one.
    cited = tables.references_start(text)
    found = [(index, a) for index, a in found if (a.span is None or a.span.start < cited)
             and not _ADMIN_AREA.search(a.actor)]
    return {"accusations": found, "named_direct": frozenset(named_direct)}


# ("Province" and "Department" are left out: "Sinai Province", "State Department" are actors.)
_ADMIN_AREA = re.compile(r"[ ](?:prefecture|region|district|county|regency|municipality|sub-prefecture|governorate|"
                         r"oblast)$", re.IGNORECASE)


@step("reckon.incidents.v1", needs=("counts", "accusations", "named_direct", "places", "dates", "sentences", "published"),
      gives=("incidents",))
def _incidents(state: State) -> State:
    return {"incidents": incidents.assemble_incidents(state)}


@step("reckon.inconsistencies.v1", needs=("dates", "sentences", "counts"), gives=("inconsistencies",))
def _inconsistencies(state: State) -> State:
    return {"inconsistencies": inconsistencies.find_inconsistencies(state)}


check_steps(STEPS)


def _as_date(value: str | None) -> date | None:
    if value and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def extract_document(document: Document) -> DocumentFindings:
    """Run every step over one document and gather its findings."""
    result = extract_documents([document])[0]
    if isinstance(result, Exception):
        raise result
    return result


def extract_documents(documents: Sequence[Document]) -> list[DocumentFindings | Exception]:
    """Run every step over a batch of documents: the batched (spaCy) steps once for all of
    them, the others document by document. Each document's findings are the ones it gets
    alone; a document a step fails on gets the exception in its place, and the rest go on."""
    states: list[State] = [{"document": document} for document in documents]
    failed: dict[int, Exception] = {}
    for item in STEPS:
        live = [at for at in range(len(states)) if at not in failed]
        if not live:
            break
        if item.batched:
            try:
                gives = item.function([states[at] for at in live])
            except Exception:  # noqa: BLE001 - find out which document it was, one by one
                gives = []
                for at in live:
                    try:
                        gives.append(item.function([states[at]])[0])
                    except Exception as error:  # noqa: BLE001 - reported in its place
                        failed[at] = error
                        gives.append({})
            for at, given in zip(live, gives):
                states[at].update(given)
            continue
        for at in live:
            try:
                states[at].update(item.function(states[at]))
            except Exception as error:  # noqa: BLE001 - reported in its place
                failed[at] = error
    return [failed[at] if at in failed else _findings(state) for at, state in enumerate(states)]


def _findings(state: State) -> DocumentFindings:
    document: Document = state["document"]
    actors: ActorResolver = state["actors"]
    published = state["published"]
    if published != document.published:
        document = replace(document, published=published)
    return DocumentFindings(
        document=document,
        incidents=tuple(state["incidents"]),
        quotes=tuple(q for q in state["quotes"] if q.speaker),
        actors=tuple(Actor(name=name, aliases=tuple(seen)) for name, seen in actors.aliases().items()),
        inconsistencies=tuple(state["inconsistencies"]),
        extractor_version=EXTRACTOR_VERSION,
    )
