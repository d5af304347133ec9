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
    id: str
    function: Callable[[State], State]
    needs: tuple[str, ...]
    gives: tuple[str, ...]


STEPS: list[Step] = []


def step(id: str, *, needs: tuple[str, ...], gives: tuple[str, ...]) -> Callable[[Callable[[State], State]], Callable[[State], State]]:
    """Declare a step beside its code; the module that defines it decides its place by import order."""

    def register(function: Callable[[State], State]) -> Callable[[State], State]:
        STEPS.append(Step(id=id, function=function, needs=needs, gives=gives))
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
