"""Places, attributions and dates per article, by language, from one or more analyses.

    python scripts/language_rates.py OUT_RU/analysis.json OUT_EN/analysis.json [--sample 30 --lang ru]

Issue 15 asks for each of these rates on the Russian articles of a peer set to be within half of the
English rate on the English articles of the same set. Per language it prints the articles, then per
article: attributions (claims with a source), place mentions, date mentions in the claims (what the
claims list carries under ``dates``), characters of text, and attributions per 1,000 characters
and dates per 1,000 characters (the sets differ in length, so the per-article rate alone can mislead). With ``--sample N`` it also
prints N random attributions of ``--lang`` (speaker, cue, claim) to check by hand.
"""
from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from typing import Any


def rates(docs: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    lang_of: dict[tuple[int, str], str] = {}
    count: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for n, doc in enumerate(docs):
        for a in doc.get("articles") or []:
            lang = a.get("language") or "unknown"
            lang_of[(n, a["id"])] = lang
            count[lang]["articles"] += 1
            count[lang]["chars"] += len(a.get("text") or "")
        for at in doc.get("attributions") or []:
            if at.get("sources"):
                count[lang_of[(n, at["article_id"])]]["attributions"] += 1
        for p in doc.get("places") or []:
            count[lang_of[(n, p["article_id"])]]["places"] += 1
        for c in doc.get("claims") or []:
            count[lang_of[(n, c["article_id"])]]["dates"] += len(c.get("dates") or [])
    return count


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("analyses", nargs="+")
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--lang", default="ru")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    docs = []
    for path in args.analyses:
        with open(path, encoding="utf-8") as f:
            docs.append(json.load(f))
    print(f"{'lang':6}{'articles':>9}{'attr/art':>10}{'places/art':>12}{'dates/art':>11}{'chars/art':>11}{'attr/1k':>9}{'dates/1k':>10}")
    for lang, c in sorted(rates(docs).items()):
        n = c["articles"] or 1
        print(f"{lang:6}{int(c['articles']):>9}{c['attributions'] / n:>10.2f}{c['places'] / n:>12.2f}"
              f"{c['dates'] / n:>11.2f}{c['chars'] / n:>11.0f}{1000 * c['attributions'] / (c['chars'] or 1):>9.2f}"
              f"{1000 * c['dates'] / (c['chars'] or 1):>10.2f}")
    if args.sample:
        pool = []
        for doc in docs:
            langs = {a["id"]: a.get("language") for a in doc.get("articles") or []}
            pool += [at for at in doc.get("attributions") or [] if at.get("sources") and
                     langs.get(at["article_id"]) == args.lang]
        random.Random(args.seed).shuffle(pool)
        for at in pool[:args.sample]:
            s = at["sources"][0]
            print(f"\n[{at['id']}] {s.get('name')!r} ({s.get('kind')}, state={s.get('state_affiliated')}) "
                  f"cue={at.get('cue')!r} quote={at.get('quote')}\n    {at['claim'][:300]}")


if __name__ == "__main__":
    main()
