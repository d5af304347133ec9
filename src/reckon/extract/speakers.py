"""Who is speaking: the name to report for the words before a reporting verb.

A text names its sources many ways: "Director of Defence Information, Major General Chris
Olukolade", then "Olukolade", then "he"; "The medical charity MSF", then "the
organisation". ``SpeakerResolver`` reads one document once and turns any of those
surfaces, at a position, into one name: titles and roles stripped, a surname expanded to
the fullest name the document gives, a pronoun or a role noun ("the general") taken to
the nearest compatible person or organisation before it, organisations canonicalised
through the alias table. Unnamed sources stay as the text describes them ("officials
overseeing the operation", "witnesses").

This module resolves those surfaces and stays the entry point that ``run``, ``quotes`` and the
tests import ``SpeakerResolver`` from. Its parts live in modules of one idea each:
``speech_verbs`` (the verbs that frame quoted words), ``person_names`` (titles and the words a
person's name is made of), ``unnamed_sources`` (phrases describing unnamed speakers),
``body_names`` (how a text writes a body's name), ``name_windows`` (what the NER is asked to
read), ``named_people`` (the people one document names) and ``antecedents`` (what a pronoun or
a role noun points back to).
"""

from __future__ import annotations

import re

from reckon.extract.antecedents import DOCUMENT_NOUNS, INSTITUTIONS, Antecedents, Said
from reckon.extract.body_names import DESCRIBED_BODY, OF_NAMED_BODY
from reckon.extract.named_people import ROLE_SYNONYMS
from reckon.extract.person_names import CALENDAR, INTRO, PRONOUNS, TITLES, looks_like_person, strip_titles
from reckon.extract.unnamed_sources import (
    NOUN_PHRASE_END,
    ONE_OF_PLURAL,
    UNNAMED_PEOPLE,
    describes_unnamed_people,
    is_one_unnamed_person,
    unnamed_head,
    without_intro,
)

__all__ = ["SpeakerResolver"]

_BODY_SPOKESMAN = re.compile(
    r"\bthe\s+(?P<body>group|militia|movement|organi[sz]ation|gang|faction|rebels)[’']s?\s+"
    # ("the faction's self-styled spokesman": a word describing the role between)
    r"(?:(?:self-styled|self-described|self-proclaimed|official|chief|acting|exiled)\s+)?"
    r"(?P<role>spokesman|spokeswoman|spokesperson)\b", re.IGNORECASE)
# "the Movement for the Liberation of Vel, the separatist faction that …": a body's name set
# before the noun that says what kind of body it is, which the text then uses for it.
# (lower-case words inside it are linking words, or a noun right before one: "pour la libération de")
_NAME_THEN_KIND = (r"([A-Z][\w’'-]*(?:[ ](?:de|du|des|la|le|les|pour|for|of|the|and|et|el|al|del|di|da|"
                   r"[^\W\dA-Z_]{3,12}(?=[ ](?:de|du|des|of|for|del|di|da)[ ])|[A-Z][\w’'-]*)){0,8}),"
                   r"[ ]the[ ](?:[\w-]+[ ]){0,3}")
# "On 2 December 2026 the committee's report stated …": a date opening the sentence is no part
# of the subject that follows it.
_LEADING_DATE = re.compile(
    r"^(?:on|in|by|since|early|late|until)\s+(?:(?:early|late|mid-?)\s*)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?,?\s+(?=\S)"
    r"|^on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?=\S)",
    re.IGNORECASE,
)
# "the committee's interim report": a document of a body named by a lower-case noun speaks for it.
_OWNED_DOCUMENT = re.compile(
    r"^(?:the|its|their)\s+(?P<owner>[a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)[’']s\s+(?:[a-z-]+\s+){0,2}(?:"
    + DOCUMENT_NOUNS + r")$",
    re.IGNORECASE,
)
_SAME_SOURCE = re.compile(r"(?:the\s+)?same\s+(?:source|official|officer|witness|resident|person|man|woman)")
_WHOSE_FIGURES = re.compile(r"(?P<owner>.+?)['’]s?\s+(?:(?:final|official|latest|own|provisional|updated|revised)\s+)?"
                            r"(?:figures?|count|tally|toll|data|records|statistics|numbers"
                            # "the ministry's own statement says": a body's statement speaks for it
                            r"|statement|communiqu[eé]|press\s+release)")
_AND_IN_NAME = re.compile(r"\b[A-Z][\w’'-]*\s+(?:for|against)\s+(?:the\s+)?[A-Z][\w’'-]*\s+and\s+[A-Z]")
# "the US and EU embassies", "British and French diplomats": two words before one plural head
# are one source (the embassies), not a country and a second source.
_SHARED_HEAD = re.compile(r"(?:[Tt]he\s+)?[A-Z][\w’'.-]*\s+and\s+(?:the\s+)?[A-Z][\w’'.-]*\s+[a-z]+s\b")
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
# "The Velmar Health Ministry's autopsy unit released on Monday detailed reports": a named
# body (capitalised words, perhaps a possessive and a lower-case head) issuing reports.
_ISSUED_REPORTS = re.compile(
    r"(?P<issuer>(?:The\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*(?:[’']s)?(?:\s+[a-z]+){0,2})\s+"
    r"(?:submitted|released|issued|published|presented|produced|handed\s+over)\b[^.;]{0,80}?\breports?\b"
)
# "one of them said": one member of a plural source named just before.
# ("Four former detainees told the Observatory ... “…,” one said": "one" alone is one of them.)
_ONE_OF_THEM = re.compile(r"(?:one|another|a\s+second|a\s+third|each)(?:\s+of\s+(?:them|those))?")

_WITNESS = re.compile(
    r"^(eye)?(witness|survivor|resident|villager|refugee)\s+(claims|accounts|reports|testimon(?:y|ies)|statements)$",
    re.I,
)
_QUANTIFIERS = frozenset("one two three four five six seven eight nine ten some several many most each all both "
                         "none another any few".split())
_PREPOSITION_CUT = re.compile(
    r"\s+(?:in|on|at|during|from|with|via|through|after|before|last|this|today|yesterday)\s"
    # "Ivo Saar of the opposition": a lower-case affiliation after a name ("the Ministry of the
    # Interior" goes on with a capital)
    r"|\s+of\s+the\s+(?=[a-z])"
)


_SPOKES_ROLES = r"(?:[a-z-]+\s+)?(?:spokesman|spokeswoman|spokesperson|representative|officer)"
# "a man who signed as …", "a woman identifying herself as …": the role she gave is the source.
_SIGNED_AS = re.compile(
    r"^(?:[Aa]n?|[Tt]he|[Oo]ne)\s+(?:man|woman|person|caller|member)\s+(?:who\s+)?"
    r"(?:signed|signing|identified\s+(?:himself|herself)|identifying\s+(?:himself|herself)|"
    r"described\s+(?:himself|herself)|describing\s+(?:himself|herself)|introduced\s+(?:himself|herself))\s+as\s+"
)
# "the Osk Front's information officer"
_BODY_ROLE = re.compile(
    r"(?:[Tt]he\s+|[Aa]n?\s+)?(?P<body>[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|for|the))*)[’']s\s+(?P<role>"
    + _SPOKES_ROLES + r")"
)
# "a spokesman for the OF", "the spokeswoman of the Osk Front"
_ROLE_OF_BODY = re.compile(
    r"(?:[Tt]he\s+|[Aa]n?\s+)?(?P<role>" + _SPOKES_ROLES + r")\s+(?P<prep>for|of)\s+(?:the\s+)?"
    r"(?P<body>[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|for|the))*)"
)
# Reports or sites the text does not name the issuer of ("false reports", "some websites").
PRESS_REPORTS = "press reports"
_UNNAMED_REPORTS = re.compile(
    r"(?:(?!(?:state|official|government|police|military|army|hospital)\b)[a-z][\w-]*\s+){0,3}"
    r"(?:reports|websites|web\s+sites|online\s+posts|posts|outlets|media\s+reports|news\s+reports|press)"
)
# An office one person holds, named without its holder ("the prime minister", "the provincial
# governor"): a later "he" or "she" can stand for it.
_ONE_OFFICE = re.compile(
    r"(?:[a-z-]+\s+){0,3}(?:president|minister|governor|mayor|premier|chancellor|ambassador|commissioner|"
    r"director|judge|prosecutor|chief|commander|general|colonel|spokesman|spokeswoman|spokesperson|"
    r"secretary|inspector|superintendent|headteacher|headmaster|principal|bishop|imam|priest|pastor)"
)
_AGE_BEFORE_NAME = re.compile(r"^(?:(?:[Aa]n?|[Tt]he)\s+)?\d{1,3}-year-old\s+(?=[A-Z])")
# A finite verb inside an opening stretch makes it a clause ("After the gunman left the court").
_CLAUSE_VERB = re.compile(r"[a-z]+ed|left|was|were|is|are|had|has|have|went|came|took|gave|said|told|began|fell|ran")


# Heads of a body named by what it is ("the office of the president", "the ministry", "the
# embassy"): an "it" can stand for one, as for a body the text names.
_INSTITUTION_HEADS = frozenset({"office", "ministry", "presidency", "government", "embassy", "council", "commission",
                                "committee", "department", "agency", "secretariat", "municipality", "administration",
                                "authority", "prefecture", "governorate", "army", "police", "diocese", "church",
                                "hospital", "company", "union", "federation", "association", "mission", "command",
                                # outlets: "State television ... which it calls"
                                "television", "radio", "broadcaster", "newspaper", "daily"})


def _is_institution(name: str) -> bool:
    """ "office of the president": the head noun before any "of" phrase is an institution's."""
    head = re.split(r"\s+of\s+", name.strip().lower())[0].split()
    return bool(head) and head[-1] in _INSTITUTION_HEADS


def _one_of(group: str) -> str:
    """One member of unnamed people as the text describes them: "former detainees" ->
    "former detainee", "soldiers at the base" -> "soldier at the base"."""
    cut = NOUN_PHRASE_END.search(group)
    head, rest = (group[: cut.start()], group[cut.start() :]) if cut else (group, "")
    words = head.split()
    if not words:
        return group
    plural = words[-1]
    single = plural[:-3] + "man" if plural.endswith("men") else plural[:-1] if plural.endswith("s") else plural
    if plural.lower() in UNNAMED_PEOPLE and single.lower() in UNNAMED_PEOPLE:
        return " ".join([*words[:-1], single]) + rest
    return group


# "a commander of the HRG's armed wing, the Free Mountain Units": the name set after a body's
# wing or branch is the wing's own, and the wing is who speaks, not the body it belongs to.
_WING = re.compile(r"[’']s\s+(?:(?:armed|military|political|youth|student|women[’']s|urban)\s+)?"
                   r"(?:wing|branch|arm|affiliate|cell)$", re.IGNORECASE)
_THE_NAME = re.compile(r"(?:[Tt]he\s+)?[A-Z][\w’'-]*(?:\s+(?:of|for|the|[A-Z][\w’'-]*))*")


def _named_wing(segments: list[str]) -> str | None:
    """The name in apposition right after a segment ending in a body's wing (see ``_WING``)."""
    for first, second in zip(segments, segments[1:]):
        if _WING.search(first) and _THE_NAME.fullmatch(second):
            return second
    return None


class SpeakerResolver(Antecedents):
    """Names of speakers for one document; build once per text, then ``resolve`` in order."""

    # ------------------------------------------------------------------ resolving
    def resolve(self, surface: str, *, position: int) -> str:
        """The speaker's name for ``surface`` (the words naming them) at ``position``."""
        name, kind, gender = self._resolve(surface, position)
        if name:
            self._said.append(Said(position=position, name=name, kind=kind, gender=gender))
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
        if re.fullmatch(r"(?:the|this|that)\s+(?:" + DOCUMENT_NOUNS + r")", lowered):
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
                    # (a capitalised name the text writes as a body's: "The Velm Liberation Front";
                    # "The opposition condemned … what it called “…”": a body the text only
                    # describes is what an "it" of its own sentence stands for)
                    fits = kind == "org" or (
                        kind in ("group", "person")
                        and name[:1].isupper()
                        and self._written_as_body(re.sub(r"^The\s+", "", name))
                    ) or (kind == "group" and (_is_institution(name) or (
                        not describes_unnamed_people(name) and self._same_sentence(at, position))))
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
                        kind == "group" and (is_one_unnamed_person(surface, wanted) or _ONE_OFFICE.fullmatch(name))
                    )
                if fits:
                    if wanted == "p1":
                        name = _one_of(name)  # "Four former detainees … “…,” one said": a former detainee
                    if wanted in ("m", "f") and kind == "person" and gender is None:
                        self._told_gender[name] = wanted
                        gender = wanted
                    self._said.append(Said(position=position, name=name, kind=kind, gender=gender))
                    return name
        return self.resolve(pronoun, position=position) if wanted != "p1" else ""  # (a document: its issuer)

    def _same_sentence(self, start: int, end: int) -> bool:
        """No sentence ends between ``start`` and ``end``."""
        # (the pronoun's own capital, just past ``end``, shows a stop right before it)
        stop = re.search(r"[.!?][\"”’)]*\s+[\"“‘(]?[A-Z0-9]", self.text[start : end + 2])
        return 0 <= start <= end and stop is None

    def _is_new_person(self, name: str, kind: str) -> bool:
        """A name opening a sentence with no reporting verb stands for a person only when it
        is one: two words or more, not a place of the text, not a known body."""
        return (
            kind == "person"
            and (len(name.split()) >= 2 or self._written_with_age_or_role(name))
            and name.casefold() not in self._places
            and not self._is_actor(name)
        )

    def _written_with_age_or_role(self, name: str) -> bool:
        """ "Fatuma, a 35-year-old trader, was …", "Tomas, 19, said": a first name alone,
        set off with an age or a description, is a person the story introduces."""
        return bool(re.search(r"(?<![\w’'-])" + re.escape(name) + r",\s+(?:\d{1,3}\s*,|an?\s+[\w-]+)", self.text))

    def _resolve(self, surface: str, position: int) -> tuple[str, str, str | None]:
        cleaned = " ".join(surface.split()).strip(" ,.;:-–—\"“”‘’'()")
        cleaned = re.sub(r"^(?:and|but|while|whereas|as|so|then)\s+", "", cleaned, flags=re.I)
        cleaned = _LEADING_DATE.sub("", cleaned)
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
        if (
            _UNNAMED_REPORTS.fullmatch(cleaned)
            and not re.match(r"(?:the|these|those)\s", cleaned, re.I)
            and not self._issuer_of_reports(position)
        ):
            # FORMAT.md: unnamed reports or media -> press reports ("the autopsy reports" may
            # be ones the text said a named body issued: left to _name_of)
            return PRESS_REPORTS, "group", None
        speaks_for = self._speaks_for(cleaned)
        if speaks_for:
            return speaks_for, "person", None
        owned = _BODY_SPOKESMAN.search(cleaned)
        if owned:
            # "a man presenting himself as the group's spokesman": he speaks for the body the
            # text named before, as "the spokesman for X" does.
            body = self._org_role(owned.group("body").lower(), owned.group("body").lower(), position)
            defined = list(re.finditer(_NAME_THEN_KIND + re.escape(owned.group("body").lower()) + r"\b",
                                       self.text[:position]))
            if (body is None or not body[0]) and defined:
                named = defined[-1].group(1)
                body = (self.actors.canonical(named) or named, "org", None)
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
        # ("the Ostrava Peace and Justice Monitor (OPJM)": a name the text itself defines is one)
        defined = {re.sub(r"^the\s+", "", n.lower()) for n in self.actors.document_aliases}
        whole = re.sub(r"^the\s+", "", cleaned.lower())
        joins = r"" if _AND_IN_NAME.search(cleaned) or whole in defined or _SHARED_HEAD.match(cleaned) \
            else r"|\s+and\s+(?=[A-Z])"
        segments = [
            # ("A survivor, 19-year-old Kevin Otieno": the age before a name is no part of it)
            self._head(self._after_intro(without_intro(_AGE_BEFORE_NAME.sub("", s.strip()))))
            for s in re.split(r",|\s+[–—-]\s+|\(|\)" + joins, cleaned)
            if s.strip()
        ]
        best = max(segments, key=lambda s: (self._score(s), -segments.index(s)))
        wing = _named_wing(segments)
        if wing is not None:
            return self._name_of(re.sub(r"^[Tt]he\s+", "", wing), position)
        if self._score(best) <= 1 and not describes_unnamed_people(best) and not self._described_body(best) \
                and not OF_NAMED_BODY.fullmatch(best) and not _SHARED_HEAD.match(best):
            inner = self._names_inside(cleaned, last=bool(relative))
            if inner:
                best = inner
        for other in segments:
            if other is not best:
                self._note_role(best, other)
        return self._name_of(best, position)

    def _speaks_for(self, cleaned: str) -> str | None:
        """ "a man who signed as the Osk Front's information officer", "a spokesman for the
        OF": one unnamed person speaking for a body the text names, reported as the role
        for the body's canonical name (an acronym or short form expanded)."""
        cleaned = _SIGNED_AS.sub("", cleaned)
        match = _ROLE_OF_BODY.fullmatch(cleaned) or _BODY_ROLE.fullmatch(cleaned)
        if not match:
            return None
        body = match.group("body")
        canonical = self.actors.canonical(body)
        if not canonical or self.actors.kind(body) in ("person", "country"):
            return None
        preposition = match.groupdict().get("prep") or "for"
        return f"{match.group('role').lower()} {preposition} {canonical}"

    def _after_intro(self, segment: str) -> str:
        """ "By early afternoon Ana Lisa Varga", "In a statement on 9 May the police": an opening
        adverbial with no comma after it, then the subject: the first stretch after it that is
        a name, a known body, an institution or an unnamed source."""
        if not INTRO.match(segment):
            return segment
        for start in re.finditer(r"(?<=\s)(?:(?:the|a|an)\s+(?=\S)|(?=[A-Z]))", segment):
            rest = segment[start.start():]
            before = segment[: start.start()].split()
            if any(_CLAUSE_VERB.fullmatch(word) for word in before[1:]):
                break  # "After the gunman left the court, the judge": a clause, not an adverbial
            if before and before[-1].lower() in ("in", "of", "at", "from", "on", "by", "to", "for", "near"):
                continue  # "In Orvel the police": the place the adverbial names, not the subject
            first = rest.split()[0]
            if re.fullmatch(CALENDAR, first) or re.fullmatch(r"(?:[Tt]he|[Aa]n?)", first) and \
                    re.fullmatch(CALENDAR, (rest.split() + [""])[1]):
                continue
            bare = re.sub(r"^(?:the|a|an)\s+", "", rest)
            if (
                (first[:1].isupper() and self._score(rest) >= 3)
                or self.actors.canonical(rest)
                # ("The next day the Joint Command of the Armed Forces": a proper name to the end)
                or re.fullmatch(r"[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|the|and|for))*\s+[A-Z][\w’'.-]*", bare)
                or bare.lower() in INSTITUTIONS
                or describes_unnamed_people(rest)
            ):
                return rest
        return segment

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
            person.roles.add(ROLE_SYNONYMS.get(words[-1].lower(), words[-1].lower()))

    def _name_of(self, segment: str, position: int) -> tuple[str, str, str | None]:
        segment = re.sub(r"^(?:the\s+)?same\s+", "the ", segment, flags=re.I)
        speaks_for = self._speaks_for(segment)  # (after an opening phrase cut off at its comma)
        if speaks_for:
            return speaks_for, "person", None
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
            r"^(?:the|a|an|its|their|his|her)\s+(.+?)\s+(?:" + DOCUMENT_NOUNS + r")$",
            segment,
            re.I,
        )
        issued_by = re.match(
            r"^(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+(?:[a-z-]+\s+)?(?:" + DOCUMENT_NOUNS + r")\b.*?\s"
            r"(?:by|from)\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|al-[\w’'-]+|of|de|du|des))*)"
            r"(?:\s+(?:on|late|early|last|this|overnight)\b.*)?$",  # "… on Monday evening"
            segment,
        )
        if issued_by:  # "A statement posted … on a channel used by the Harakat Rijal al-Sahra"
            issuer = issued_by.group(1)
            return self.actors.canonical(issuer) or issuer, "org", None
        owned_document = _OWNED_DOCUMENT.match(segment)
        if owned_document:  # "the committee's interim report" is the committee's
            return self._name_of("the " + owned_document.group("owner"), position)
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
        if " " not in bare and bare[:1].isupper() and bare.lower() not in INSTITUTIONS:
            # "Headmaster says ...": a headline capitalises a role; its one holder in the text
            # ("Police said" at a sentence's start is the force, not its chief named later)
            holders = [p for p in self._people.values() if bare.lower() in p.roles]
            if len(holders) == 1:
                return holders[0].name, "person", holders[0].gender
        if re.match(r"The\s+[A-Z]", bare) and len(bare.split()) >= 3:
            if any(w.lower().strip(".") in TITLES | {"most", "right", "very", "rt"} for w in bare.split()[1:]):
                return self._name_of(bare[4:], position)  # "The Rev Jane Doe": a person's title
            if looks_like_person(bare[4:]):
                return bare[4:], "org", None  # "The Velm Rights Forum said": "the" makes a body's name
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
