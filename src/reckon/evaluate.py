"""Score extraction output against gold annotations (the schema of FORMAT.md).

The referee is ``shared/eval/score.py``; this is the project's own implementation of the
same measures, so the quality gate on the project's written corpus runs on a fresh clone
that has no ``shared/`` beside it. Fields: counts_value, counts_attributed, perpetrators,
quotes, incident (date, country) and place, micro-averaged over documents; overall F1 is
the mean of the field F1s. Names match when equal after normalisation, when the gold alias
table makes them one, or when the shorter's tokens are all in the longer's.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["FIELDS", "FieldScore", "overall_f1", "score_corpus", "score_documents"]

FIELDS = ("counts_value", "counts_attributed", "perpetrators", "quotes", "incident", "place")
_STOP = frozenset({"the", "of", "a", "an", "mr", "mrs", "ms", "dr", "s"})


def _norm(text: Any) -> str:
    if text is None:
        return ""
    text = unicodedata.normalize("NFKD", str(text)).replace("\u2019", "'").replace("\u2018", "'")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _tokens(text: str) -> set[str]:
    return {t for t in _norm(text).split() if t not in _STOP}


class _Names:
    def __init__(self, aliases: Mapping[str, list[str]] | None):
        self.canon: dict[str, str] = {}
        for name, variants in (aliases or {}).items():
            for variant in [name, *variants]:
                self.canon[_norm(variant)] = _norm(name)

    def key(self, name: str) -> str:
        return self.canon.get(_norm(name), _norm(name))

    def same(self, a: str | None, b: str | None) -> bool:
        if a is None or b is None:
            return False
        ka, kb = self.key(a), self.key(b)
        if ka == kb:
            return True
        if "author" in (ka, kb):
            return False
        ta, tb = _tokens(ka), _tokens(kb)
        if not ta or not tb:
            return False
        small, big = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
        return small <= big


@dataclass(frozen=True, slots=True, kw_only=True)
class FieldScore:
    hits: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.hits / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.hits / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _greedy(gold: list, pred: list, same: Callable[[Any, Any], bool]) -> int:
    used = [False] * len(pred)
    hits = 0
    for g in gold:
        for i, p in enumerate(pred):
            if not used[i] and same(g, p):
                used[i] = True
                hits += 1
                break
    return hits


def _int(value: Any) -> int | None:
    try:
        return None if value is None else int(value)
    except (TypeError, ValueError):
        return None


def _unique(items: Iterable) -> list:
    out: list = []
    for item in items:
        if item not in out:
            out.append(item)
    return out


def _document_tallies(gold: dict, pred: dict) -> dict[str, tuple[int, int, int]]:
    names = _Names(gold.get("aliases"))
    g_inc, p_inc = gold.get("incidents") or [], pred.get("incidents") or []

    def counts(incidents: list, attributed: bool) -> list:
        rows = []
        for incident in incidents:
            for c in incident.get("counts") or []:
                row = (c.get("kind"), _int(c.get("min")), _int(c.get("max")))
                rows.append(row + ((c.get("claimed_by") or "author"),) if attributed else row)
        return _unique(rows)

    def actors(incidents: list) -> list:
        seen, out = set(), []
        for incident in incidents:
            for a in incident.get("perpetrators") or []:
                name = a.get("actor") if isinstance(a, dict) else a
                if name and names.key(name) not in seen:
                    seen.add(names.key(name))
                    out.append(name)
        return out

    def quote_same(g: dict, p: dict) -> bool:
        gs = _norm(g.get("starts_with") or g.get("text")).split()
        ps = _norm(p.get("starts_with") or p.get("text")).split()
        if not gs or not ps:
            return False
        n = min(4, len(gs), len(ps))
        return gs[:n] == ps[:n] and names.same(g.get("speaker"), p.get("speaker"))

    pairs: dict[str, tuple[list, list, Callable[[Any, Any], bool]]] = {
        "counts_value": (counts(g_inc, False), counts(p_inc, False), lambda g, p: g == p),
        "counts_attributed": (counts(g_inc, True), counts(p_inc, True),
                              lambda g, p: g[:3] == p[:3] and names.same(g[3], p[3])),
        "perpetrators": (actors(g_inc), actors(p_inc), names.same),
        "quotes": (gold.get("quotes") or [], pred.get("quotes") or [], quote_same),
        "incident": ([(i.get("date"), i.get("country")) for i in g_inc], [(i.get("date"), i.get("country")) for i in p_inc],
                     lambda g, p: g[0] == p[0] and _norm(g[1]) == _norm(p[1])),
        "place": ([i.get("place") for i in g_inc if i.get("place")], [i.get("place") for i in p_inc if i.get("place")],
                  names.same),
    }
    return {field: (_greedy(g, p, same), len(p), len(g)) for field, (g, p, same) in pairs.items()}


def score_documents(pairs: Iterable[tuple[dict, dict]]) -> dict[str, FieldScore]:
    """Micro-averaged field scores over (gold, prediction) document pairs."""
    totals = {field: [0, 0, 0] for field in FIELDS}
    for gold, pred in pairs:
        for field, (hits, npred, ngold) in _document_tallies(gold, pred).items():
            totals[field][0] += hits
            totals[field][1] += npred
            totals[field][2] += ngold
    return {field: FieldScore(hits=h, predicted=p, gold=g) for field, (h, p, g) in totals.items()}


def overall_f1(scores: Mapping[str, FieldScore]) -> float:
    return sum(s.f1 for s in scores.values()) / len(scores)


def score_corpus(gold_dir: Path, predictions: Mapping[str, dict]) -> dict[str, FieldScore]:
    """Score ``predictions`` (id -> JSON) against every ``<id>.json`` gold file in ``gold_dir``."""
    pairs = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if "incidents" not in gold:
            continue
        pairs.append((gold, predictions.get(path.stem, {})))
    return score_documents(pairs)
