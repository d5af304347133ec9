"""How specific a place mention is, and how two place mentions relate.

A country ranks below an admin area, an admin area below a town, a town below a site within it
(a camp, a school, a market). Two mentions may name the same place ("Tarrow" and "Camp
Tarrow"), one may hold the other (a country, an admin area), or a sentence may set a site of
a kind in a town. The choice of the main place (``main_place``), the place of each figure
(``count_place``) and the grouping of figures (``incidents``) all stand on these tests, so
they live below all three.
"""

from __future__ import annotations

import re

from reckon.extract.places import PlaceMention
from reckon.model import Span

__all__ = ["contains", "same_place", "site_in_town", "specificity", "within_town"]


_SITE_KINDS = {"camp", "square", "university", "college", "prison", "village", "hospital", "school", "mosque",
               "church", "market", "mall", "site", "district", "neighbourhood", "neighborhood", "facility",
               "hotel", "building", "station", "airport", "base", "stadium", "temple", "synagogue", "mine",
               "outpost", "club"}


def specificity(mention: PlaceMention) -> int:
    kind = (mention.kind or "").lower()
    if kind == "country":
        return 0
    if kind in ("admin1", "region", "province", "state"):
        return 1
    if kind in _SITE_KINDS:
        return 3
    return 2


def within_town(mention: PlaceMention) -> bool:
    """A site that stands in a town (a hotel, a school, a market), which a targeted-site vote may
    prefer over the town; a village is a place of a town's rank, however specific its kind."""
    return specificity(mention) == 3 and (mention.kind or "").lower() != "village"


def same_place(a: PlaceMention, b: PlaceMention) -> bool:
    if a.name == b.name:
        return True
    tokens_a = set(_tokens(a.name))
    tokens_b = set(_tokens(b.name))
    if tokens_a and tokens_b and (tokens_a <= tokens_b or tokens_b <= tokens_a):
        return True
    return False


def contains(outer: PlaceMention, inner: PlaceMention) -> bool:
    """Whether ``outer`` is a wider area holding ``inner`` (a country, an admin area)."""
    if specificity(outer) == 0:
        return outer.country is not None and outer.country == inner.country
    if outer.admin1 and inner.admin1 and specificity(outer) == 1:
        return outer.admin1 == inner.admin1
    return False


def site_in_town(site: PlaceMention, town: PlaceMention, sentence: Span, text: str) -> bool:
    """ "Gunmen who stormed a hotel in the town of Kitembura" when the report's place is the
    Mirembe Palace Hotel: the sentence names the town as where a site of the main place's
    kind stands, so its figures are the site's."""
    kind = (site.kind or "").lower()
    if specificity(site) != 3 or specificity(town) != 2 or not kind:
        return False
    before = text[sentence.start:town.span.start]
    return bool(re.search(rf"\b{re.escape(kind)}s?\b[^.;:!?]{{0,60}}\b(?:in|at|near)\b", before, re.IGNORECASE))


def _tokens(name: str) -> list[str]:
    return [t for t in re.findall(r"[a-z0-9]+", name.lower()) if t not in ("the", "of", "al", "el", "camp", "square")]
