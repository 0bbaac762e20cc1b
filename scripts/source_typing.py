"""How the sources of an analysis are typed: the share of source mentions whose affiliation is
unknown, and a random sample of typings with their evidence for checking by hand.

    python scripts/source_typing.py OUT/analysis.json [--sample 30] [--seed 1]
"""
from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from typing import Any

from headwater.link.entities import _affiliation


def affiliation(s: dict[str, Any]) -> str:
    return _affiliation(s)  # the way the corpus-level entities read a source's affiliation


def group(s: dict[str, Any]) -> str:
    """The count a mention goes to: its affiliation; an unknown one apart as anonymous or named; the
    article's own voice with neither outlet nor byline known (kind ``author``) as unattributed, as the
    independence count has it: no source of unknown affiliation, no source at all."""
    a = affiliation(s)
    if a != "unknown":
        return a
    if s.get("kind") == "author":
        return "unattributed (own voice)"
    return "unknown (anonymous)" if s.get("kind") == "anonymous" else "unknown (named)"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("analysis")
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    with open(args.analysis, encoding="utf-8") as f:
        doc = json.load(f)
    mentions = [(at, s) for at in doc.get("attributions") or [] for s in at.get("sources") or []]
    groups = Counter()
    for _, s in mentions:
        groups[group(s)] += 1
    n = len(mentions) or 1
    print(f"source mentions: {len(mentions)}")
    for g, c in sorted(groups.items()):
        print(f"  {g:24} {c:6}  {100 * c / n:5.1f}%")
    unknown = sum(c for g, c in groups.items() if g.startswith("unknown"))
    own = groups["unattributed (own voice)"]
    print(f"unknown share: {100 * unknown / n:.1f}%  (named only: {100 * groups['unknown (named)'] / n:.1f}%;"
          f" counting the own voice as unknown too: {100 * (unknown + own) / n:.1f}%)")
    language = {a.get("id"): a.get("language") or "?" for a in doc.get("articles") or []}
    by_lang: dict[str, Counter[str]] = {}
    for at, s in mentions:
        a = {"unknown (named)": "named", "unknown (anonymous)": "unknown", "unattributed (own voice)": "own"}.get(
            group(s), group(s))
        by_lang.setdefault(str(language.get(at.get("article_id"), "?")), Counter())[a] += 1
    for lang, c in sorted(by_lang.items()):
        total = sum(c.values())
        print(f"  {lang}: {total} mentions, unknown {100 * (c['unknown'] + c['named']) / total:.1f}%"
              f" (named {100 * c['named'] / total:.1f}%), state {c['state']}, non_state {c['non_state']}, own voice {c['own']}")
    if args.sample:
        typed = [(at, s) for at, s in mentions if affiliation(s) != "unknown"]
        for at, s in random.Random(args.seed).sample(typed, min(args.sample, len(typed))):
            print(f"- [{affiliation(s)} {s.get('country')}] {s.get('name')!r} by {s.get('typed_by')!r}"
                  f"{' ' + json.dumps(s.get('typed_in')) if s.get('typed_in') else ''}\n    {at['claim'][:140]!r}")


if __name__ == "__main__":
    main()
