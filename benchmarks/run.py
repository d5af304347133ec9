"""Reckon's throughput benchmarks, each beside a baseline measured in the same run.

Not a test (pytest never runs it). From the repository root (`make bench` runs the defaults):

    .venv/bin/python benchmarks/run.py                       # every section
    .venv/bin/python benchmarks/run.py --only ingest --docs 300 --runs 3 --workers 1 2
    .venv/bin/python benchmarks/run.py --only memory --memory-sizes 500 2000
    .venv/bin/python benchmarks/run.py --only resolve --resolve-sizes 1000 10000 100000
    .venv/bin/python benchmarks/run.py --only extract --corpus tests/corpus ../shared/corpus/dev
    .venv/bin/python benchmarks/run.py --only long --long-sizes 50000 100000 200000 400000

Sections:
  ingest   documents/second from a WARC.gz of generated articles (benchmarks/generate.py) to
           SQLite: `reckon ingest` (ingest -> extract -> store, no resolve) against the baseline
           trafilatura + a plain spaCy en_core_web_sm full pass over the same records (with
           `nlp.pipe(n_process=N)` when Reckon gets N workers). Each run is a fresh process,
           so start-up and model loading count for both; runs alternate between the two so
           load on a shared machine hits both alike; medians of --runs.
  memory   peak resident memory of `reckon ingest` on corpora of growing size (flat = streaming).
  resolve  time to resolve 1k/10k/100k documents (benchmarks/resolve_scale.py's corpora).
  extract  documents/second of `reckon extract` (stateless) beside a plain spaCy full pass
           over the same clean texts, in this process, medians of --runs (issue 3's benchmark).
  long     seconds to extract one long page (the project corpus run together, cut to each of
           --long-sizes characters) beside a plain spaCy full pass over the same page: spaCy is
           linear in the length, so a ratio that falls as pages grow shows a step that is not.

Wall time is what a user waits; CPU time (this process and its children) is what the work
costs and is steadier on a busy machine, so both are printed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = Path(os.environ.get("RECKON_BENCH_DIR", "/tmp/reckon-bench"))


def _cpu() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _peak_mb() -> tuple[float, float]:
    """Peak RSS of this process and of its largest child, in MB (Linux reports KB)."""
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


# ---------------------------------------------------------------- children (one per run)
def child_ingest(warc: Path, workers: int, db: Path) -> dict:
    from reckon.pipeline import ingest_into
    from reckon.store import Ledger

    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    wall, cpu = time.perf_counter(), _cpu()
    with Ledger(f"sqlite:///{db}") as ledger:
        options = {"workers": workers} if workers != 1 else {}  # also times a checkout without --workers
        report = ingest_into(ledger, [warc], resolve=False, **options)
    wall, cpu = time.perf_counter() - wall, _cpu() - cpu
    own, kid = _peak_mb()
    return {"docs": report.stored + report.duplicates, "failed": len(report.failures), "wall": wall, "cpu": cpu,
            "rss_mb": own, "child_rss_mb": kid}


def child_baseline(warc: Path, workers: int) -> dict:
    """trafilatura's main text of each HTML record, then the full small spaCy pipeline."""
    import trafilatura
    from warcio.archiveiterator import ArchiveIterator

    from reckon.extract.nlp import MODEL_NAME

    wall, cpu = time.perf_counter(), _cpu()
    import spacy

    nlp = spacy.load(MODEL_NAME)

    def texts():
        with warc.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type == "response":
                    html = record.content_stream().read().decode("utf-8", "replace")
                    yield trafilatura.extract(html) or ""

    docs = words = 0
    for doc in nlp.pipe(texts(), batch_size=16, n_process=workers):
        docs += 1
        words += len(doc)
    wall, cpu = time.perf_counter() - wall, _cpu() - cpu
    own, kid = _peak_mb()
    return {"docs": docs, "tokens": words, "wall": wall, "cpu": cpu, "rss_mb": own, "child_rss_mb": kid}


def _spawn(*args: str) -> dict:
    env = dict(os.environ)
    src = os.environ.get("RECKON_BENCH_SRC", str(HERE.parent / "src"))  # another checkout's src: "before"
    env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "") if src not in env.get("PYTHONPATH", "") else env["PYTHONPATH"]
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", *args], env=env,
                         capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"benchmark child failed: {' '.join(args)}\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _warc(docs: int, seed: int) -> Path:
    sys.path.insert(0, str(HERE))
    from generate import write_warc

    path = CACHE / f"bench-{seed}-{docs}.warc.gz"
    if not path.exists():
        tmp = path.with_suffix(".part")
        write_warc(tmp, docs, seed=seed)
        tmp.rename(path)
    return path


# ---------------------------------------------------------------- sections
def bench_ingest(options) -> None:
    warc = _warc(options.docs, options.seed)
    print(f"\n== ingest -> extract -> store, {options.docs} generated articles from {warc.name} into SQLite "
          f"(median of {options.runs}; wall and CPU seconds) ==")
    for workers in options.workers:
        ours, base = [], []
        for _ in range(options.runs):
            ours.append(_spawn("ingest", str(warc), str(workers), str(CACHE / f"bench-{workers}.db")))
            base.append(_spawn("baseline", str(warc), str(workers)))
        report = {}
        for name, runs in (("reckon", ours), ("baseline", base)):
            wall = statistics.median(r["wall"] for r in runs)
            cpu = statistics.median(r["cpu"] for r in runs)
            docs = runs[0]["docs"]
            report[name] = (docs / wall, docs / cpu)
            print(f"  workers={workers} {name:<8} {docs} docs  {docs / wall:6.1f} docs/s wall "
                  f"({wall:6.1f} s)  {docs / cpu:6.1f} docs per CPU-second  peak RSS "
                  f"{max(r['rss_mb'] for r in runs):.0f} MB (+ largest child {max(r['child_rss_mb'] for r in runs):.0f} MB)"
                  + (f"  failed {runs[0]['failed']}" if runs[0].get("failed") else ""), flush=True)
        print(f"  workers={workers} ratio reckon/baseline: {report['reckon'][0] / report['baseline'][0]:.2f}x wall, "
              f"{report['reckon'][1] / report['baseline'][1]:.2f}x per CPU-second", flush=True)


def bench_memory(options) -> None:
    print("\n== peak memory of reckon ingest (workers=1) as the corpus grows ==")
    for size in options.memory_sizes:
        result = _spawn("ingest", str(_warc(size, options.seed)), "1", str(CACHE / "bench-memory.db"))
        print(f"  {size:>6} docs: peak RSS {result['rss_mb']:.0f} MB, {result['docs'] / result['wall']:.1f} docs/s wall",
              flush=True)


def bench_resolve(options) -> None:
    sys.path.insert(0, str(HERE))
    from resolve_scale import make_corpus

    from reckon.resolve import resolve

    print("\n== resolve (benchmarks/resolve_scale.py corpora; single run at 100k) ==")
    previous = None
    for size in options.resolve_sizes:
        findings, _truth = make_corpus(size, seed=options.seed)
        walls, cpus = [], []
        for _ in range(1 if size >= 100_000 else options.runs):
            wall, cpu = time.perf_counter(), time.process_time()
            resolve(findings)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        wall, cpu = statistics.median(walls), statistics.median(cpus)
        growth = f"  (x{cpu / previous[1]:.1f} CPU for x{size / previous[0]:.0f} docs)" if previous else ""
        print(f"  {size:>7} docs: wall {wall:6.2f} s, cpu {cpu:6.2f} s{growth}", flush=True)
        previous = (size, cpu)
        del findings


def bench_extract(options) -> None:
    import spacy

    from reckon.extract.nlp import MODEL_NAME
    from reckon.extract.run import extract_documents
    from reckon.ingest import IngestFailure, load_inputs, read_document
    from reckon.pipeline import BATCH, groups

    nlp = spacy.load(MODEL_NAME)  # the plain pipeline, not Reckon's tuned one

    for corpus in options.corpus:
        folder = Path(corpus)
        if not folder.is_dir():
            print(f"\n(skipped {corpus}: not present)")
            continue
        documents = [read_document(raw) for raw in load_inputs([folder]) if not isinstance(raw, IngestFailure)]
        texts = [d.text for d in documents]
        extract_documents(documents[:2])
        list(nlp.pipe(texts[:2]))
        ours, base = [], []
        for _ in range(options.runs):
            wall, cpu = time.perf_counter(), time.process_time()
            for group in groups(documents, BATCH):  # as `reckon extract` does
                extract_documents(group)
            ours.append((time.perf_counter() - wall, time.process_time() - cpu))
            wall, cpu = time.perf_counter(), time.process_time()
            for _doc in nlp.pipe(texts):
                pass
            base.append((time.perf_counter() - wall, time.process_time() - cpu))
        n = len(documents)
        print(f"\n== reckon extract vs plain spaCy full pass, {n} documents of {corpus} "
              f"({sum(len(t) for t in texts) // 1000}k characters), median of {options.runs} ==")
        for label, index in (("wall", 0), ("CPU", 1)):
            mine, theirs = statistics.median(r[index] for r in ours), statistics.median(r[index] for r in base)
            print(f"  {label:>4}: reckon extract {n / mine:6.1f} docs/s | spaCy full pass {n / theirs:6.1f} docs/s"
                  f" | ratio {theirs / mine:.2f}x", flush=True)


def bench_long(options) -> None:
    import spacy

    from reckon.extract.nlp import MODEL_NAME
    from reckon.extract.run import extract_documents
    from reckon.ingest import IngestFailure, load_inputs, read_document
    from reckon.model import Document

    nlp = spacy.load(MODEL_NAME)
    folder = HERE.parent / "tests" / "corpus"
    texts = [read_document(raw).text for raw in load_inputs([folder]) if not isinstance(raw, IngestFailure)]
    page = "\n\n".join(texts)
    extract_documents([Document(text=texts[0])])
    print(f"\n== one long page: reckon extract vs plain spaCy full pass, median of {options.runs} ==")
    for size in options.long_sizes:
        text = (page * (size // len(page) + 1))[:size]
        nlp.max_length = max(nlp.max_length, size + 1)
        ours, base = [], []
        for _ in range(options.runs):
            started = time.perf_counter()
            extract_documents([Document(text=text)])
            ours.append(time.perf_counter() - started)
            started = time.perf_counter()
            nlp(text)
            base.append(time.perf_counter() - started)
        mine, theirs = statistics.median(ours), statistics.median(base)
        print(f"  {size // 1000:>4}k characters: reckon extract {mine:6.1f} s | spaCy full pass {theirs:6.1f} s"
              f" | ratio {theirs / mine:.2f}x", flush=True)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        kind, warc, workers = sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
        result = child_ingest(warc, workers, Path(sys.argv[5])) if kind == "ingest" else child_baseline(warc, workers)
        print(json.dumps(result))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("ingest", "memory", "resolve", "extract", "long"), nargs="+")
    parser.add_argument("--docs", type=int, default=300, help="articles in the ingest benchmark")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--memory-sizes", type=int, nargs="+", default=[500, 2000])
    parser.add_argument("--resolve-sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--long-sizes", type=int, nargs="+", default=[50_000, 200_000])
    parser.add_argument("--corpus", nargs="+", default=[str(HERE.parent / "tests" / "corpus"),
                                                         str(HERE.parent.parent / "shared" / "corpus" / "dev")])
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args()
    CACHE.mkdir(parents=True, exist_ok=True)
    sections = options.only or ["ingest", "memory", "resolve", "extract", "long"]
    print(f"reckon benchmarks on {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    for name in sections:
        globals()[f"bench_{name}"](options)


if __name__ == "__main__":
    main()
