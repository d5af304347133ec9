"""Where extraction runs: in this process, in a pool of local processes, or on Dask.

Every mode maps :func:`reckon.pipeline.process_inputs` over groups of the raw inputs and
yields the outcomes in input order, so the caller (the single writer) stores exactly what a serial
run stores, in the same order. Inputs are read lazily and at most ``window`` groups of them
are in flight at once: memory stays flat however large the corpus or the archive.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from reckon.errors import ConfigError, ExtractError

__all__ = ["outcomes_in_order", "resolve_workers"]

_IN_FLIGHT_PER_WORKER = 2  # groups of inputs: enough to keep a worker busy while the writer stores


def resolve_workers(workers: int) -> int:
    """``workers`` as a process count: 0 means one per core."""
    if workers < 0:
        raise ConfigError(f"--workers must be 0 (every core) or more, not {workers}", code="R501")
    return workers or os.cpu_count() or 1


def outcomes_in_order(sources: Iterable[str | Path], *, known: Callable[[str], bool] | None = None,
                      workers: int = 1, dask: str | None = None) -> Iterator[Any]:
    """Outcomes of every input of ``sources``, in order (see module doc). Inputs go in
    groups of ``pipeline.BATCH``: a group's documents are extracted in one batch."""
    from reckon.ingest import load_inputs
    from reckon.pipeline import groups, process_inputs

    inputs = load_inputs([str(s) for s in sources])
    count = resolve_workers(workers)
    if dask is None and count == 1:
        for group in groups(inputs):
            yield from _outcomes(group, lambda raws: process_inputs(raws, known))
        return
    if dask is not None:
        with _dask_client(dask, count) as client:
            width = _IN_FLIGHT_PER_WORKER * max(1, len(client.scheduler_info().get("workers", {})) or count)
            yield from _windowed(lambda raws: client.submit(process_inputs, raws, pure=False), groups(inputs), width)
        return
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    # spawn, not fork: the writer may hold database connections and a progress thread.
    with ProcessPoolExecutor(max_workers=count, mp_context=get_context("spawn"), initializer=_warm_up) as pool:
        yield from _windowed(lambda raws: pool.submit(process_inputs, raws), groups(inputs), _IN_FLIGHT_PER_WORKER * count)


def _outcomes(group: list[Any], run: Callable[[list[Any]], list[list[Any]]]) -> list[Any]:
    """The outcomes of a group of inputs, in order: inputs that could not be read fail in
    their place, the others go to ``run`` (``process_inputs`` here or a finished task's result)."""
    from reckon.ingest import IngestFailure
    from reckon.pipeline import Outcome

    readable = [item for item in group if not isinstance(item, IngestFailure)]
    results = iter(run(readable) if readable else [])
    outcomes = []
    for item in group:
        if isinstance(item, IngestFailure):
            outcomes.append(Outcome(label=item.source, error=item.error))
        else:
            outcomes.extend(next(results))
    return outcomes


def _windowed(submit: Callable[[list[Any]], Any], groups: Iterable[list[Any]], width: int) -> Iterator[Any]:
    """Submit groups of inputs while at most ``width`` are pending; yield their outcomes in order."""
    from reckon.ingest import IngestFailure
    from reckon.pipeline import Outcome

    pending: deque[tuple[list[Any], Any]] = deque()

    def finish() -> list[Any]:
        group, future = pending.popleft()
        if future is None:
            return _outcomes(group, lambda _readable: [])
        try:
            result = future.result()
        except Exception as error:  # a worker died or the cluster lost the task: say which inputs
            return [Outcome(label=item.source, error=item.error if isinstance(item, IngestFailure) else ExtractError(
                f"extraction worker failed ({type(error).__name__}: {error})", where=item.source, code="R201"))
                for item in group]
        return _outcomes(group, lambda _readable: result)

    for group in groups:
        readable = [item for item in group if not isinstance(item, IngestFailure)]
        pending.append((group, submit(readable) if readable else None))
        while len(pending) > width:
            yield from finish()
    while pending:
        yield from finish()


def _warm_up() -> None:
    """Load the model and tables once per worker, before its first document."""
    from reckon.extract import extract_document
    from reckon.model import Document

    extract_document(Document(text="Gunmen killed five villagers in Osk on Monday, police said."))


class _dask_client:
    """A Client on ``address``, or on a LocalCluster of ``workers`` processes for "local"."""

    def __init__(self, address: str, workers: int):
        self.address, self.workers = address, workers
        self.cluster = self.client = None

    def __enter__(self):
        try:
            from distributed import Client, LocalCluster
        except ImportError as error:  # pragma: no cover - distributed is a declared dependency
            raise ConfigError("--dask needs the 'distributed' package", code="R501") from error
        try:
            if self.address == "local":
                self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                            dashboard_address=None)
                self.client = Client(self.cluster)
            else:
                from reckon.settings import get_setting

                self.client = Client(self.address, timeout=f"{float(get_setting('dask_timeout', None))}s")
        except (OSError, TimeoutError) as error:
            self.__exit__()
            raise ConfigError(f"cannot reach the Dask scheduler at {self.address} ({error})", code="R501") from None
        return self.client

    def __exit__(self, *_exc: object) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
