"""Where one figure happened: the place its own clause, sentence, table row or the sentence before it names.

A figure belongs to the place named nearest to it in its own clause ("killed six in X"); with
none there, to the one scene its sentence sets ("Meanwhile in X, at least six are dead"), or
that the sentence before it sets when that sentence tells of violence at one place only; a
figure on a table's row happened at the row's location. Places that are not where harm
happened are passed over: where victims were taken or fled, where a source sits or spoke,
where the wounded died, and a place that only locates the one before it ("X, in the Y
department"). This reads the words around one figure, so it lives apart from the vote for the
report's main place (``main_place``) and the grouping of figures into incidents
(``incidents``).
"""

from __future__ import annotations

import re

from reckon.extract.place_rank import specificity
from reckon.extract.places import PlaceMention
from reckon.extract.tables import TableRow, place_cell
from reckon.model import Span

__all__ = ["DESTINATION", "LIST_GAP", "LOCATES_PREVIOUS", "elsewhere", "local_place", "place_referred_to",
           "record_places", "row_place", "scene_before", "words_before_list"]


_CLAUSE_BREAK = re.compile(r",\s+while\b|;|,\s+and\b|\bwhile\b|,")
# "after a boy died of his wounds in X", "had died in hospitals in the province and in X":
# where the wounded died, not where they were hurt.
_DIED_ELSEWHERE = re.compile(
    r"\bdied[ ](?:of[ ](?:his|her|their)[ ](?:wounds|injuries)|in[ ]hospitals?(?:[ ]in[ ]the[ ]\w+[ ]and)?)"
    r"[ ](?:in|at)[ ](?:the[ ])?$",
    re.IGNORECASE,
)
DESTINATION = re.compile(
    r"\b(?:(?:treated|admitted|taken|rushed|airlifted|flown|evacuated|transferred|transported|brought|"
    r"hospitali[sz]ed|fled|relocated|moved|referred|succumbed)(?:[ ]\w+){0,3}?[ ](?:at|to|in|into|towards?)|treatment[ ]at|"
    r"(?:in|at)[ ]hospital[ ]in)[ ](?:the[ ])?$"
    # "a clinic in the nearby town of X treated 31 wounded": where the wounded were cared for
    r"|\b(?:clinics?|hospitals?|(?:health|medical)[ ](?:centres?|centers?|posts?))[ ](?:in|at)[ ](?:the[ ])?"
    r"(?:(?:neighbouring|neighboring|nearby|nearest)[ ])?(?:(?:village|town|city|hamlet)[ ]of[ ])?$",
    re.IGNORECASE,
)


# Places that are not where the harm happened: a destination ("airlifted to X", "fled
# to X"), an origin, or where a source sits ("a police source in X", "hospital officials in X").
_NOT_EVENT_PLACE = re.compile(
    # "walked to the gendarmerie in X": a named place of the destination is one too
    r"(?:\b(?:to|from|into|towards?)(?:[ ]the[ ][a-z]+(?:[ ][a-z]+)?[ ](?:in|at))?|\b(?:source|sources|official|officials|spokesman|spokeswoman|leader|chief|"
    r"administrator|doctors?|hospitals?|clinics?|(?:health|medical)\s+(?:centres?|centers?|posts?)|journalists?|"
    r"correspondent|reporters?|residents?|workers?|teams?|staff|medics|government|regime|courts?|tribunals?"
    # "the Interior Ministry in Dushanbe admits six dead", "a police officer in the capital said": a seat
    r"|[Mm]inistry|[Ee]mbassy|[Hh]eadquarters|[Aa]uthorities|[Pp]residency|officers?|investigators?|prosecutors?)"
    r",?\s+(?:in|at|from)"
    # "told a press briefing in Kampala that 33 were killed": where the source spoke
    r"|\b(?:briefing|conference|speaking|spoke|told\s+(?:reporters|journalists))\s+(?:in|at)"
    # "Our clinic in the neighbouring village of X received 200 wounded": where the hurt were cared for
    # ("the health centre here in X": the reporter's own town, where the wounded were carried)
    r"|\b(?:clinics?|hospitals?|health\s+cent(?:re|er)s?|medical\s+cent(?:re|er)s?|mortuar(?:y|ies)|morgues?)"
    r"(?:\s+(?:here|there))?\s+(?:in|at)"
    r"(?:\s+the)?(?:\s+(?:neighbouring|neighboring|nearby|next))?(?:\s+(?:village|town|city|district)\s+of)?)"
    r"\s+(?:the\s+)?(?:(?:neighbouring|neighboring|nearby|nearest)\s+)?(?:(?:village|town|city|hamlet)\s+of\s+)?$"
    # "have fled and are sheltering in schools and churches in X": where the displaced went
    r"|\b(?:sheltering|sheltered|(?:took|taking|taken|sought|seeking)\s+refuge|hosted|camped|camping)\s+"
    r"(?:in|at|with)\b[^.;:!?]*$"
    # "three people described by Ankara as commanders": a capital standing for its government
    r"|\b(?:described|identified|named|branded|labell?ed|called|claimed|denied|confirmed|announced|blamed)\s+by\s+$",
    re.IGNORECASE,
)


# "taken to hospitals in Greyhaven and Toronto": the names listed before one, known as places or not
_NAMES_LISTED_BEFORE = re.compile(r"(?:[A-Z][\w'’-]*(?:[ ][A-Z][\w'’-]*)*(?:,[ ]and[ ]|,[ ]|[ ]and[ ]))+$")


def words_before_list(text: str, start: int, width: int = 60) -> str:
    """The words before a place, and before the names listed ahead of it: "transported to
    hospitals in Greyhaven and Toronto" sends Toronto where Greyhaven went, though no table
    knows Greyhaven."""
    listed = _NAMES_LISTED_BEFORE.search(text, max(0, start - 80), start)
    head = listed.start() if listed is not None else start
    return text[max(0, head - width):head]


def row_place(position: int, rows: list[TableRow], mentions: list[PlaceMention]) -> PlaceMention | None:
    """A figure on a table's row, in a cell or in its notes, happened at the row's location."""
    for row in rows:
        if row.span.start <= position < row.span.end:
            cell = place_cell(row)
            inside = [m for m in mentions if cell is not None and cell.start <= m.span.start < cell.end]
            return min(inside, key=lambda m: m.span.start, default=None)
    return None


# A dataset export's record: "Event date: 19/10/2026" ... "Location: Oued Tiridjert" ... "Notes: ..."
# (or "EVENT_DATE:", "LOCATION:": field names written as a database names its columns)
# ("Date/time: 06/11/2026 (Fri) 20:40": a date field that gives the hour too)
_RECORD_DATE_LINE = re.compile(r"(?im)^[ \t]*(?:event[ _]date|date(?:[ _]of[ _](?:event|incident))?)"
                               r"(?:[ ]?/[ ]?time|[ ]and[ ]time)?[ \t]*:")
# "Province > district > location: Narathiwat > Bukit Sena > X Hotel": a record's place as a path
# from the widest area down, the last step the place itself
_RECORD_PLACE_PATH = re.compile(r"(?im)^[^\n:]*\b(?:location|place|site)[ \t]*:[^\n]*>[^\n]*$")
_RECORD_PLACE_LABEL = re.compile(r"(?i)(?:location|place|village|town|locality)[ \t]*:[ \t]*$")


def record_places(text: str, mentions: list[PlaceMention]) -> dict[int, PlaceMention]:
    """Paragraph index -> the place its record's "Location:" field names, for dataset exports that
    give each incident as a block of "Field: value" lines: the figures of a record's notes happened
    at its location, as a table row's do. Only an export of two records or more is read so (one
    infobox's "Location" field heads no record)."""
    found: dict[int, PlaceMention] = {}
    for m in mentions:
        line_start = text.rfind("\n", 0, m.span.start) + 1
        if not _RECORD_PLACE_LABEL.search(text, line_start, m.span.start):
            continue
        start = text.rfind("\n\n", 0, m.span.start)
        start = start + 2 if start >= 0 else 0
        end = text.find("\n\n", m.span.end)
        end = len(text) if end < 0 else end
        if _RECORD_DATE_LINE.search(text[start:end]):
            found.setdefault(text.count("\n\n", 0, m.span.start), m)
    for line in _RECORD_PLACE_PATH.finditer(text):
        on_line = [m for m in mentions if line.start() <= m.span.start < line.end() and specificity(m) >= 2]
        if on_line:
            found[text.count("\n\n", 0, line.start())] = on_line[-1]
    return found if len(found) >= 2 else {}


def local_place(position: int, sentence_span: Span, text: str, mentions: list[PlaceMention]) -> PlaceMention | None:
    """The place named in the same clause as ``position``, nearest first."""
    sentence_text = text[sentence_span.start:sentence_span.end]
    bounds = [sentence_span.start]
    for match in _CLAUSE_BREAK.finditer(sentence_text):
        bounds.append(sentence_span.start + match.start())
    bounds.append(sentence_span.end)
    clause_start = max(b for b in bounds if b <= position)
    clause_end = min((b for b in bounds if b > position), default=sentence_span.end)
    inside = [m for m in mentions if clause_start <= m.span.start < clause_end and specificity(m) > 0
              and (not (_NOT_EVENT_PLACE.search(text[max(0, _head_of_list(m, mentions, text) - 40):
                                                     _head_of_list(m, mentions, text)])
                        or _NOT_EVENT_PLACE.search(words_before_list(text, m.span.start, 40))
                        or DESTINATION.search(words_before_list(text, m.span.start)))
                   or _taken_from(text, sentence_span.start, m.span.start))
              # "after a boy died of his wounds in X": where a wounded victim died
              and not _DIED_ELSEWHERE.search(text[max(0, _head_of_list(m, mentions, text) - 60):
                                                  _head_of_list(m, mentions, text)])]
    # "Osk-Bélé (Kambolo sub-prefecture): ... killed nine": the parenthesis only locates the place before it
    inside = [m for m in inside if not any(o.span.end <= m.span.start and text[o.span.end:m.span.start] == " ("
                                           for o in inside)] or inside
    if not inside:
        return _sentence_place(position, sentence_span, text, mentions)
    # "Osk (Northern Region): Rebels shot two men and burned 40 huts in Dunmore": a town or site
    # in the clause says where, before a province named nearer the figure only to locate it.
    return min(inside, key=lambda m: (specificity(m) < 2, abs(m.span.start - position)))


# "Meanwhile in X, Y state, at least six are dead"; "Fighters attacked X, capital of Y,
# with dozens reported dead": the figure's clause names no place, but the sentence sets
# the scene in one town or site, by a preposition of place or as what was attacked.
_SCENE_BEFORE = re.compile(
    r"(?:\b(?:in|at|near|inside|outside)|\b(?:attacked|stormed|raided|bombed|shelled|struck|hit|overran|besieged|"
    r"targeted|invaded|ambushed|entered|surrounded)(?:[ ]the)?"
    # "the attack on the X Police Post ..., in which two officers lost their lives": the attack named
    # as a noun sets the scene as its verb does
    r"|\b(?:attacks?|raids?|assaults?|ambush|bombing|shelling|siege|massacre|shooting|storming)[ ]+(?:on|of|at))"
    r"[ ]+(?:the[ ]+(?:[a-z]+[ ]+){0,2})?$"
    # "in the municipal seat, X": the seat's name in apposition
    r"|\b(?:in|at|near)[ ]+the[ ]+[a-z]+[ ]+(?:seat|capital|headquarters),[ ]+$",
    re.IGNORECASE,
)
# "X, in the Y department", "X, a hamlet in Y department": Y only says where X is
LOCATES_PREVIOUS = re.compile(r",?(?:[ ]+an?(?:[ ]+[a-z]+){1,2})?[ ]+(?:in|near)[ ]+(?:the[ ]+)?(?:[a-z]+[ ]+){0,3}"
                              # "X, a settlement west of Y": a bearing alone locates X too
                              r"|,[ ](?:an?(?:[ ][a-z-]+){1,2}[ ])?(?:north|south|east|west)(?:-?(?:east|west))?[ ]of[ ]"
                              # "X, about six kilometres north of Y": Y only measures where X is
                              r"|,[ ](?:(?:about|some|roughly|around|nearly|just|only)[ ])?(?:\d+|[a-z]+)[ ]"
                               r"(?:km|kilometres|kilometers|miles)[ ][a-z-]+[ ]of[ ]")
_SPEECH_BETWEEN = re.compile(r"\b(?:said|says|told|condemned|denounced|announced|reported|added|stated)\b", re.I)


# "abducted ... from X", "kidnapped ... from X": the place people were taken from is the
# scene, though "from" elsewhere names an origin.
_TAKEN_FROM = re.compile(r"\b(?:abduct(?:ed|ing)|kidnapp?(?:ed|ing)|seized|snatched|took|taken|"
                         # verbs of taking away (taking.py): "carried off 33 villagers from X"
                         r"(?:carried|carrying|dragged|dragging|whisked|whisking|led|leading)\s+(?:off|away)|"
                         r"(?:made|making)\s+(?:off|away)\s+with|herded|herding|marched|marching)\b[^.;:!?]{0,120}?"
                         r"\bfrom[ ](?:the[ ])?$", re.IGNORECASE)


_RAIDERS_WENT = re.compile(r"\b(?:attackers|raiders|gunmen|assailants|militants|fighters|insurgents|bandits|rebels|"
                           r"militiamen|soldiers|troops|police(?:men)?|officers)\b[^.;:!?]{0,20}\b(?:came[ ]back|returned|moved[ ]on|went[ ]on|pressed[ ]on|"
                           r"headed)\b[^.;:!?]{0,30}\bto[ ](?:the[ ])?$", re.IGNORECASE)


# "hospitals in X and in the nearby town of Y": a list may repeat its preposition.
LIST_GAP = re.compile(r"(?:,[ ]|[ ]and[ ]|,[ ]and[ ])(?:(?:in|to|at)[ ](?:the[ ](?:nearby[ ]|neighbou?ring[ ])?)?)?")
# The longest gap the pattern takes: how far before a mention ``_head_of_list`` looks.
_LIST_GAP_LONGEST = len(", and in the neighbouring ")


def elsewhere(mention: PlaceMention, text: str) -> bool:
    """"Two were released and walked to the gendarmerie in X": a place people went to or a
    source sits in, which says nothing of where the harm happened."""
    before = text[max(0, mention.span.start - 60):mention.span.start]
    return bool(_NOT_EVENT_PLACE.search(before) or DESTINATION.search(before) or _DIED_ELSEWHERE.search(before))


def _head_of_list(mention: PlaceMention, mentions: list[PlaceMention], text: str) -> int:
    """Where the list holding ``mention`` starts: "hospitals in Tillabéri and Niamey" puts
    Niamey after the words Tillabéri follows."""
    start = mention.span.start
    while True:
        # The latest-starting mention that ends a list gap before ``start``; checking the few
        # characters before it first keeps this linear (sorting every mention per call was not).
        joined = None
        for other in mentions:
            if start - _LIST_GAP_LONGEST <= other.span.end <= start and (joined is None or other.span.start > joined.span.start) \
                    and LIST_GAP.fullmatch(text, other.span.end, start):
                joined = other
        if joined is None:
            return start
        start = joined.span.start


def _taken_from(text: str, sentence_start: int, position: int) -> bool:
    return bool(_TAKEN_FROM.search(text, sentence_start, position))


def _sentence_place(position: int, sentence_span: Span, text: str,
                    mentions: list[PlaceMention]) -> PlaceMention | None:
    scenes = {}
    previous_end = -1
    for m in sorted(mentions, key=lambda m: m.span.start):
        if not (sentence_span.start <= m.span.start < sentence_span.end) or specificity(m) < 2:
            continue
        holder = previous_end >= 0 and LOCATES_PREVIOUS.fullmatch(text, previous_end, m.span.start)
        previous_end = m.span.end
        if holder:
            continue  # "X, in the municipality of Y": Y only says where X is
        # (a list's later members go by the words before its first: "hospitals in X and in Y";
        # not "X, Y Regency", where Y only locates X)
        head = _head_of_list(m, mentions, text)
        head = head if re.search(r"[ ]and[ ]", text[head:m.span.start]) else m.span.start
        before = text[max(0, head - 60):head]
        if _taken_from(text, sentence_span.start, m.span.start):
            pass  # "abducted a dozen people, including the chief, from X": where they were taken
        elif _RAIDERS_WENT.search(text, sentence_span.start, m.span.start):
            pass  # "the attackers came back, this time to X": where the attackers went is the scene
        elif not _SCENE_BEFORE.search(before) or _NOT_EVENT_PLACE.search(before) or DESTINATION.search(before) \
                or _DIED_ELSEWHERE.search(before):
            continue
        low, high = sorted((m.span.end, position))
        if _SPEECH_BETWEEN.search(text, low, high):
            continue  # "In X, the minister condemned the attack that killed 12": where he spoke
        scenes.setdefault(m.name, m)
    # One scene only: with two, the figure's own clause would have to say which.
    return next(iter(scenes.values())) if len(scenes) == 1 else None


def scene_before(index: int, sentences: list, text: str, mentions: list[PlaceMention],
                 count_sentences: set[int]) -> PlaceMention | None:
    """"Last Thursday, a convoy was ambushed near the village of X. Two drivers were wounded.":
    a figure whose sentence names no place takes the scene the sentence before it sets, when
    that sentence, in the same paragraph, tells of violence at one place only and gives no
    figure of its own ("hired through an intermediary in X" sets no scene)."""
    if index == 0 or index - 1 in count_sentences:
        return None
    own, before = sentences[index].span, sentences[index - 1].span
    if "\n\n" in text[before.start:own.start] or any(own.start <= m.span.start < own.end for m in mentions):
        return None
    # "Soldiers came back to X village. They kicked down doors and beat everyone. Four more people
    # died.": sentences that name no place and give no figure go on with the scene set before them
    # in their paragraph (two at most)
    back = index - 1
    while back > 0 and index - back < 3 and back - 1 not in count_sentences \
            and not any(before.start <= m.span.start < before.end for m in mentions) \
            and "\n\n" not in text[sentences[back - 1].span.start:before.start]:
        back -= 1
        before = sentences[back].span
    if not _VIOLENT_ACT.search(text, before.start, own.start):
        return None
    named, previous_end = [], -1
    for m in sorted(mentions, key=lambda m: m.span.start):
        if before.start <= m.span.start < before.end and specificity(m) >= 2:
            # "near the village of X, in Y sub-prefecture": Y only says where X is
            if previous_end < 0 or not LOCATES_PREVIOUS.fullmatch(text, previous_end, m.span.start):
                named.append(m)
            previous_end = m.span.end
    if len(named) != 1 or _ADMIN_WORD_AFTER.match(text, named[0].span.end) or \
            _ADMIN_WORD_AFTER.search(" " + named[0].text.split()[-1]):
        return None  # "the X site for displaced people in Y territory": Y holds the unnamed site
    # (a scene set sentences back: "..., witnesses said" closing it only says who told of it)
    return _sentence_place(before.end if back == index - 1 else before.start, before, text, mentions)


_ADMIN_WORD_AFTER = re.compile(r"[ ](?:territory|district|province|county|sub-prefecture|prefecture|department|region|"
                               r"state|municipality|commune|governorate)\b", re.IGNORECASE)


_VIOLENT_ACT = re.compile(r"\b(?:attack|ambush|raid|storm|struck|strike|opened fire|shot|shoot|kill|wound|injur|abduct|"
                          r"kidnap|burn|torch|bomb|shell|loot|massacr|behead|beat|assault|kicked down|fired on|fired at|fired into"
                          # "armed men entered the village": who came says what it was
                          r"|armed men|gunmen|assailants|attackers|raiders)", re.IGNORECASE)


# "at the same market", "the same business centre", "outside the town's mosque", "in the village":
# a place the sentence names only by its kind, which an earlier sentence named in full
# ("The same centre was hit in 2024": a sentence opens on the pointer too)
_SAME_KIND = re.compile(r"\b[Tt]he[ ]same[ ](?P<same>(?:[a-z]+[ ]){0,2}[a-z]+)\b"
                        r"|\b(?:[Tt]he|[Tt]his)[ ](?P<own>town|village|city|hamlet|settlement|district|camp)(?:['’]s)?\b")
_SETTLEMENT_KINDS = frozenset({"town", "city", "village", "hamlet", "settlement", "district", "camp"})


def place_referred_to(sentence: Span, text: str, mentions: list[PlaceMention]) -> PlaceMention | None:
    """The place a sentence that names none points back to: "In 2019 a bomb at the same market
    wounded nine" is at the market named before; "a bomb outside the town's mosque killed 14" is
    in the town named before. With no such pointer, the last town or site its own paragraph named
    before it ("X has been hit before. In 2024, gunmen killed two rangers.")."""
    before = sorted((m for m in mentions if m.span.end <= sentence.start and specificity(m) >= 2
                     and not elsewhere(m, text)), key=lambda m: m.span.start)
    pointer = _SAME_KIND.search(text, sentence.start, sentence.end)
    if pointer is not None and pointer.group("same"):
        words = set(pointer.group("same").split())  # ("the same market wounded": the head is one of them)
        # its name's head noun, its kind, or the kind words written after it ("X Business Centre")
        named = [m for m in before if set(m.name.lower().split()[-1:]) & words or (m.kind or "").lower() in words
                 or set(re.findall(r"[a-z]+", text[m.span.end:m.span.end + 25].lower())[:2]) & words]
        if named:
            return named[-1]
    if pointer is not None and pointer.group("own"):
        named = [m for m in before if specificity(m) == 2 or (m.kind or "").lower() in _SETTLEMENT_KINDS]
        if named:
            return named[-1]
    paragraph = text.rfind("\n\n", 0, sentence.start) + 2 if "\n\n" in text[:sentence.start] else 0
    in_paragraph = [m for m in before if m.span.start >= paragraph]
    return in_paragraph[-1] if in_paragraph else _site_called_by_kind(before, text, paragraph, sentence.end)


def _site_called_by_kind(before: list[PlaceMention], text: str, start: int, end: int) -> PlaceMention | None:
    """"This is not the first time the hospital has been hit. In July 2025, a shell ...": a paragraph
    that names no place but calls a site named before by its kind word ("the hospital", "the
    centre") is at that site; the last one named of that kind."""
    words = set(re.findall(r"\b[Tt]he[ ]([a-z]+)\b", text[start:end]))
    named = [m for m in before if specificity(m) == 3
             and ({m.name.lower().split()[-1], (m.kind or "").lower()} & words)]
    return named[-1] if named else None
