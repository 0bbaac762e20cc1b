"""Per-article analysis time in another language against English, measured in one run.

    python benchmarks/lang_bench.py --en 'DIR/EN_*.txt' --other 'DIR/RU_*.txt' [--limit N] [--repeat R]

Both sets go through what ``headwater analyze`` does to one article (extract with language
detection, then every enricher with the article's language pack), in this process, with the
resources loaded once before timing (model loads are not per-article work). Articles alternate
between the two sets so that a machine busy with other work slows both alike. It prints the mean
per-article time of each set (per 1,000 characters too, since the sets differ in length), the
languages detected, and the ratio other/English; the issue's bar is a ratio within 2.
"""
from __future__ import annotations

import argparse
import glob
import statistics
import sys
import time
from collections import Counter

from headwater.enrich import run_enrichers
from headwater.extract import extract_article
from headwater.model import RawInput
from headwater.pipeline import default_enrichers
from headwater.resources import Resources


def _inputs(pattern: str, limit: int) -> list[RawInput]:
    files = sorted(glob.glob(pattern))[:limit]
    return [RawInput(f, open(f, encoding="utf-8", errors="replace").read(), "text") for f in files]


def _one(raw: RawInput, res: Resources) -> tuple[float, int, str | None]:
    t = time.perf_counter()
    article = extract_article(raw, res.outlets, res.language_detector)
    run_enrichers(article, res, default_enrichers())
    return time.perf_counter() - t, len(article.text), article.language


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--en", required=True, help="glob of English plain-text articles")
    ap.add_argument("--other", required=True, help="glob of articles in the other language")
    ap.add_argument("--limit", type=int, default=30, help="articles per set")
    ap.add_argument("--repeat", type=int, default=1, help="passes over both sets")
    args = ap.parse_args()
    en, other = _inputs(args.en, args.limit), _inputs(args.other, args.limit)
    if not en or not other:
        print("no articles matched", file=sys.stderr)
        return 2
    res = Resources()
    # Load what the per-article work shares: the English model, the gazetteer, the other
    # language's parser and the detector (a first article of each set, not timed).
    _one(en[0], res)
    _one(other[0], res)
    times: dict[str, list[float]] = {"en": [], "other": []}
    chars: dict[str, int] = {"en": 0, "other": 0}
    langs: dict[str, Counter[str | None]] = {"en": Counter(), "other": Counter()}
    for _ in range(args.repeat):
        for i in range(max(len(en), len(other))):
            for key, items in (("en", en), ("other", other)):
                if i < len(items):
                    dt, n, lang = _one(items[i], res)
                    times[key].append(dt)
                    chars[key] += n
                    langs[key][lang] += 1
    for key in ("en", "other"):
        t = times[key]
        print(f"{key:5s} {len(t):4d} articles  mean {statistics.mean(t) * 1000:8.1f} ms/article  "
              f"{sum(t) / max(chars[key], 1) * 1e6:7.1f} ms/1000 chars  languages {dict(langs[key])}")
    ratio = statistics.mean(times["other"]) / statistics.mean(times["en"])
    per_char = (sum(times["other"]) / max(chars["other"], 1)) / (sum(times["en"]) / max(chars["en"], 1))
    print(f"ratio other/English per article: {ratio:.2f}  (per character: {per_char:.2f}; bar: within 2.0)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
