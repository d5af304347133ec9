"""Pin per-field F1 floors for the test corpora (trafilatura's eval_baseline idea).

    python tests/quality.py                      # pin floors from the current output
    python tests/quality.py --allow-regression   # ... even where a floor goes down

A floor is the current F1 rounded down to 3 decimals. Each corpus is fingerprinted (SHA-256
of its texts and gold files), so a changed corpus is noticed and re-pinned deliberately.
"""

from __future__ import annotations

import hashlib
import json
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_runs import PROJECT_CORPUS, corpus_documents, extract_corpus, shared_dev_corpus  # noqa: E402

from reckon.evaluate import overall_f1, score_corpus  # noqa: E402

FLOOR_FILE = Path(__file__).resolve().parent / "quality_floor.json"


def fingerprint(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in corpus_documents(folder):
        for part in (path, path.with_suffix(".json")):
            digest.update(part.name.encode())
            digest.update(part.read_bytes())
    return digest.hexdigest()


def current_scores(folder: Path) -> dict[str, float]:
    scores = score_corpus(folder, extract_corpus(folder))
    result = {field: score.f1 for field, score in scores.items()}
    result["overall"] = overall_f1(scores)
    return result


def corpora() -> dict[str, Path]:
    found = {"project": PROJECT_CORPUS}
    dev = shared_dev_corpus()
    if dev is not None:
        found["dev"] = dev
    return found


def main(argv: list[str]) -> int:
    allow = "--allow-regression" in argv
    pinned = json.loads(FLOOR_FILE.read_text()) if FLOOR_FILE.exists() else {}
    for name, folder in corpora().items():
        scores = current_scores(folder)
        floors = {field: math.floor(value * 1000) / 1000 for field, value in scores.items()}
        old = pinned.get(name, {}).get("floors", {})
        lowered = {f: (old[f], v) for f, v in floors.items() if f in old and v < old[f]}
        if lowered and not allow and pinned.get(name, {}).get("sha256") == fingerprint(folder):
            print(f"{name}: floors would go down {lowered}; pass --allow-regression to accept", file=sys.stderr)
            return 1
        pinned[name] = {"sha256": fingerprint(folder), "documents": len(corpus_documents(folder)), "floors": floors}
        print(name, json.dumps(floors))
    FLOOR_FILE.write_text(json.dumps(pinned, indent=2, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
