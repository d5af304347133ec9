"""The extraction steps in order: each declares what it needs and what it gives.

``STEPS`` is the visible, ordered list; ``check_steps`` runs at import and refuses a step
that needs something no earlier step gives (R202), so a reordering mistake fails loudly
before any document is read. Step ids are versioned (``reckon.<step>.v<N>``) and stored
with every finding they produce: bump the version when a step's output changes meaning.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reckon.errors import ExtractError

__all__ = ["STEPS", "State", "Step", "check_steps", "step"]

State = dict[str, Any]


@dataclass(frozen=True, slots=True, kw_only=True)
class Step:
    """One step. A ``batched`` step's function takes the states of a batch of documents and
    returns what each gives, in order: the spaCy steps are batched, since one pipeline pass
    over many documents' sentences costs much less than one pass per document."""

    id: str
    function: Callable[..., Any]
    needs: tuple[str, ...]
    gives: tuple[str, ...]
    batched: bool = False


STEPS: list[Step] = []


def step(id: str, *, needs: tuple[str, ...], gives: tuple[str, ...],
         batched: bool = False) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Declare a step beside its code; the module that defines it decides its place by import order.

    A plain step maps one document's state to what it gives; a ``batched`` one maps a list
    of states to a list of what each gives (see ``Step``)."""

    def register(function: Callable[..., Any]) -> Callable[..., Any]:
        STEPS.append(Step(id=id, function=function, needs=needs, gives=gives, batched=batched))
        return function

    return register


def check_steps(steps: list[Step], *, given: tuple[str, ...] = ("document",)) -> None:
    available = set(given)
    ids = set()
    for item in steps:
        if item.id in ids:
            raise ExtractError(f"step {item.id} is declared twice", code="R202")
        ids.add(item.id)
        missing = [need for need in item.needs if need not in available]
        if missing:
            raise ExtractError(f"step {item.id} needs {missing}, which no earlier step gives", code="R202")
        available.update(item.gives)
