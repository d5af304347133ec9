"""Faster stand-ins for two rule components of the small English pipeline, same output.

Profiling ``reckon extract`` shows the attribute ruler and the lemmatizer, both plain
rules, costing about as much as the tagger, parser and their embedding layer together:

- the attribute ruler runs spaCy's general ``Matcher`` (179 patterns, tried at every
  token) to map tags to coarse parts of speech and morphology. Its patterns are single
  tokens or short fixed sequences tested on TAG, LOWER, DEP and IS_SPACE, so a token's
  matches depend only on those four values: ``_RulerMatcher`` decides each distinct
  combination once and remembers it; ``_RulerSetter`` then writes the matches' values
  as one array instead of one Span per match. A ruler holding any other kind of pattern
  (operators, other attributes, other predicates) or value is left as it is.
- the rule lemmatizer caches a lemma per (word, part of speech, morphology) but returns
  early, uncached, for every base form (most nouns and verbs), reading the morphology
  each time. ``_CachedLemmas`` remembers every answer under the lemmatizer's own key: the
  lemma is a function of those three values and the (fixed) tables.

``tests/extract/test_nlp_speed.py`` checks both against the stock components on text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc, Token

__all__ = ["speed_up"]

_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")


def speed_up(nlp: Language) -> Language:
    """Swap in the faster matching and lemma cache where the components allow it (in place)."""
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        matcher = _RulerMatcher.compile(ruler)
        setter = _RulerSetter.compile(ruler)
        if matcher is not None and setter is not None:
            ruler.match = matcher
            ruler.set_annotations = setter
    if "lemmatizer" in nlp.pipe_names:
        lemmatizer = nlp.get_pipe("lemmatizer")
        if getattr(lemmatizer, "mode", None) == "rule" and getattr(lemmatizer, "lemmatize", None) == lemmatizer.rule_lemmatize:
            lemmatizer.lemmatize = _CachedLemmas(lemmatizer.rule_lemmatize)
    return nlp


class _CachedLemmas:
    """``rule_lemmatize`` remembered under its own key (word, part of speech, morphology)."""

    def __init__(self, lemmatize: Callable[[Token], list[str]]):
        self._lemmatize = lemmatize
        self._cache: dict[tuple[int, int, int], list[str]] = {}

    def __call__(self, token: Token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._lemmatize(token)
        return found


class _RulerSetter:
    """The attribute ruler's ``set_annotations``: the stock one writes each match's values
    through a new Span; this reads the columns it writes as one array, applies the matches
    in the same (sorted) order and writes the array back. The values are plain token fields
    (POS, TAG, DEP, MORPH, LEMMA: no lexeme attribute, no extension), so the last write of
    each is all that stays either way."""

    def __init__(self, columns: list[int], attrs: list[list[tuple[int, int]]], indices: list[int]):
        self._columns = columns
        self._attrs = attrs  # per rule: (column number, value)
        self._indices = indices

    @classmethod
    def compile(cls, ruler: Any) -> _RulerSetter | None:
        from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

        plain = (POS, TAG, DEP, MORPH, LEMMA)
        if any(not isinstance(key, int) or key not in plain or not isinstance(value, int)
               for attrs in ruler.attrs for key, value in attrs.items()):
            return None
        columns = [key for key in plain if any(key in attrs for attrs in ruler.attrs)]
        if not columns:
            return None
        rules = [[(columns.index(key), value) for key, value in attrs.items()] for attrs in ruler.attrs]
        return cls(columns, rules, list(ruler.indices))

    def __call__(self, doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
        if not matches:
            return
        import numpy

        rows = doc.to_array(self._columns).tolist()
        for rule, _key, start, end in matches:
            index, width = self._indices[rule], end - start
            if not -width <= index < width:
                raise ValueError(f"attribute ruler rule {rule}: index {index} outside its match {start}..{end}")
            row = rows[start + index if index >= 0 else end + index]
            for column, value in self._attrs[rule]:
                row[column] = value
        doc.from_array(self._columns, numpy.array(rows, dtype=numpy.uint64).reshape(len(rows), len(self._columns)))


# A token spec compiled to a test on the tuple (TAG, LOWER, DEP, IS_SPACE) of hashes and
# the doc's string store (a regular expression reads the string itself).
_Test = Callable[[tuple[int, ...], Any], bool]


class _RulerMatcher:
    """The attribute ruler's ``match``: (rule number, key hash, start, end), sorted.

    Single-token patterns are filed under the tag and the word they require (most require
    a tag, many a word too), so a token is tried only against the patterns filed under its
    own tag and word and the few that require neither; what a token's (TAG, LOWER, DEP,
    IS_SPACE) matches is remembered across documents, for every pattern.
    """

    def __init__(self, patterns: list[tuple[int, int, list[tuple[_Test, tuple[int | None, int | None]]]]]):
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        self._array_attrs = [TAG, LOWER, DEP, IS_SPACE]
        self._filed: dict[tuple[int | None, int | None], list[tuple[int, int, _Test]]] = {}
        self._multi: list[tuple[int, int, list[_Test]]] = []
        for rule, key, specs in patterns:
            if len(specs) == 1:
                test, filed_under = specs[0]
                self._filed.setdefault(filed_under, []).append((rule, key, test))
            else:
                self._multi.append((rule, key, [test for test, _filed in specs]))
        # token values -> ((rule, key) of single-token matches, (pattern, position) of multi-token tests passed)
        self._known: dict[tuple[int, ...], tuple[list[tuple[int, int]], frozenset[tuple[int, int]]]] = {}

    @classmethod
    def compile(cls, ruler: Any) -> _RulerMatcher | None:
        """The ruler's patterns compiled, or None when one uses a feature not emulated here."""
        from spacy.matcher import Matcher
        from spacy.strings import get_string_id

        if not isinstance(ruler.matcher, Matcher) or len(ruler.matcher) != len(ruler.attrs):
            return None  # rules added outside the ruler's add(): keep the stock matcher
        if any(value is not None for value in getattr(ruler.matcher, "_filter", {}).values()):
            return None  # a greedy filter changes which matches are kept
        patterns = []
        try:
            for rule in range(len(ruler.attrs)):
                key = str(rule)
                found = ruler.matcher.get(key)
                if found is None or found[0] is not None:
                    return None  # a callback on a match
                for alternative in found[1]:
                    specs = [_compile_spec(spec, get_string_id) for spec in alternative]
                    if not specs or any(spec is None for spec in specs):
                        return None
                    patterns.append((rule, get_string_id(key), specs))
        except (KeyError, TypeError, ValueError, re.error):
            return None
        return cls(patterns)

    def _matches(self, row: tuple[int, ...], strings: Any) -> tuple[list[tuple[int, int]], frozenset[tuple[int, int]]]:
        found = self._known.get(row)
        if found is None:
            tag, lower = row[0], row[1]
            candidates = [*self._filed.get((tag, lower), ()), *self._filed.get((tag, None), ()),
                          *self._filed.get((None, lower), ()), *self._filed.get((None, None), ())]
            singles = [(rule, key) for rule, key, test in candidates if test(row, strings)]
            multi = frozenset((n, j) for n, (_rule, _key, tests) in enumerate(self._multi)
                              for j, test in enumerate(tests) if test(row, strings))
            found = self._known[row] = (singles, multi)
        return found

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        rows = [tuple(row) for row in doc.to_array(self._array_attrs).tolist()] if len(doc) else []
        strings = doc.vocab.strings
        matches = set()
        passed = []
        for i, row in enumerate(rows):
            singles, multi = self._matches(row, strings)
            for rule, key in singles:
                matches.add((rule, key, i, i + 1))
            passed.append(multi)
        for i, multi in enumerate(passed):
            for n, j in multi:
                if j == 0:
                    rule, key, tests = self._multi[n]
                    width = len(tests)
                    if i + width <= len(rows) and all((n, k) in passed[i + k] for k in range(1, width)):
                        matches.add((rule, key, i, i + width))
        return sorted(matches)


def _compile_spec(spec: dict[str, Any], string_id: Callable[[str], int]) -> tuple[_Test, tuple[int | None, int | None]] | None:
    """One token spec of a pattern as a test and the (tag, word) it requires (None: any),
    or None for what the Matcher does that this does not."""
    tests: list[_Test] = []
    for attr, value in spec.items():
        if attr not in _ATTRS:
            return None  # OP, other token attributes, extensions
        position = _ATTRS.index(attr)
        if isinstance(value, bool):
            wanted = int(value)
            tests.append(lambda row, _s, p=position, w=wanted: row[p] == w)
        elif isinstance(value, str):
            if attr == "IS_SPACE":
                return None
            wanted = string_id(value)
            tests.append(lambda row, _s, p=position, w=wanted: row[p] == w)
        elif isinstance(value, dict) and len(value) == 1:
            (operator, argument), = value.items()
            if operator in ("IN", "NOT_IN") and isinstance(argument, list) and all(isinstance(v, str) for v in argument) \
                    and attr != "IS_SPACE":
                members = frozenset(string_id(v) for v in argument)
                if operator == "IN":
                    tests.append(lambda row, _s, p=position, m=members: row[p] in m)
                else:
                    tests.append(lambda row, _s, p=position, m=members: row[p] not in m)
            elif operator == "REGEX" and isinstance(argument, str) and attr != "IS_SPACE":
                pattern = re.compile(argument)
                tests.append(lambda row, s, p=position, r=pattern: bool(r.search(s[row[p]])))
            else:
                return None
        else:
            return None
    tag = string_id(spec["TAG"]) if isinstance(spec.get("TAG"), str) else None
    lower = string_id(spec["LOWER"]) if isinstance(spec.get("LOWER"), str) else None
    return (lambda row, s, t=tuple(tests): all(test(row, s) for test in t)), (tag, lower)
