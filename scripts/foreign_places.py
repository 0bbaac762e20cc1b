"""Places in a country nobody mentions: the issue's measure of namesakes chosen without evidence.

    python scripts/foreign_places.py OUT/analysis.json [--sample 20] [--seed 1] [--json]

For every resolved place mention (metonyms included) that lies in a country, the country counts as
"mentioned" when the article gives it some other footing:
  - another resolved place of the article (another name) lies in it, or is the country itself;
  - the text writes the country's name or a nationality word of it (any spelling the gazetteer
    knows, in any of its scripts), resolved or not ("Russian", "Швейцария");
  - it is the country of the article's outlet (when the outlet is known);
  - or the text names the place with its region right beside it ("London, Ontario", "Moscow,
    Idaho", "Moscow (Idaho)", "Idaho's Moscow").
A mention whose country has none of these is unfounded. It is a violation only when the chosen
reading is NOT the name's most prominent one (``footing.most_prominent``, as a reader and the resolver
take a name: the highest-standing place it is the own name of): analysts write "Paris" and "Moscow"
without "France" or "Russia", and the famous place is then the right reading, not a namesake chosen
without evidence (a place of that name in the same country counts as it: the city beside its
province, "New York", "Geneva": the measure asks for the country). A famous place reached only by
another of its names ("Room" for Rome) is not the most prominent reading of a name that is some other
place's own, and counts. Prints the violations,
the unfounded mentions of the older measure (famous readings included) beside them, the most
frequent names of each group, and a random sample of violations with the text around each (escaped).
"""
from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter, defaultdict
from typing import Any

from headwater.enrich.places.candidates import candidates
from headwater.enrich.places.footing import most_prominent
from headwater.enrich.places.gazetteer import Gazetteer
from headwater.enrich.places.mention import Mention
from headwater.enrich.places.place import Place
from headwater.enrich.places.translit import fold

# What may stand between a place and its region named beside it: "Moscow, Idaho", "Moscow (Idaho)".
BESIDE = re.compile(r"^\s*(?:,|\()\s*$")
POSSESSIVE = re.compile(r"^\s*['’]s?\s*$")  # "Idaho's Moscow"


def _show(text: str) -> str:
    """Article text as a safe one-liner: control characters and line breaks escaped."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _is_country_name(m: Mention, cc: str) -> bool:
    """Whether the span names country ``cc`` itself (its name or a nationality word of it)."""
    return any(p.kind == "country" and p.country == cc for p in m.candidates) and (
        m.demonym or any(p.kind == "country" and fold(p.name) == m.key for p in m.candidates)
        or all(p.kind == "country" for p in m.candidates) or m.native)


def _region_beside(place: dict[str, Any], found: list[Mention], text: str) -> bool:
    """Whether the text names the place's first-level division or country right beside it."""
    cc, adm = place.get("country"), place.get("admin1")

    def is_region(p: Place) -> bool:
        return p.country == cc and (p.kind == "country" or (p.kind == "admin_region" and bool(adm)
                                                             and p.admin1 == adm))
    for m in found:
        if not any(is_region(p) for p in m.candidates):
            continue
        if 0 <= m.start - place["end"] <= 3 and BESIDE.match(text[place["end"]:m.start]):
            return True
        if 0 <= place["start"] - m.end <= 3 and POSSESSIVE.match(text[m.end:place["start"]]):
            return True
    return False


def check(doc: dict[str, Any], gaz: Gazetteer) -> dict[str, Any]:
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in doc.get("places") or []:
        by_article[p.get("article_id") or ""].append(p)
    total = countable = 0
    violations: list[dict[str, Any]] = []
    for a in doc.get("articles") or []:
        text = a.get("text") or ""
        places = by_article.get(a.get("id") or "", [])
        total += len(places)
        if not places:
            continue
        found = candidates(text, gaz)
        spans = {(m.start, m.end): m for m in found}
        named = {p.country for m in found for p in m.candidates
                 if p.kind == "country" and p.country and _is_country_name(m, p.country)}
        outlet = (a.get("outlet") or {}).get("country") if isinstance(a.get("outlet"), dict) else None
        for p in places:
            cc = p.get("country")
            if not cc or p.get("kind") == "country" or p.get("match") == "demonym" or p.get("lat") is None:
                continue  # a sea or world region lies in no country; a country (or its people) is its own mention
            countable += 1
            others = {q.get("country") for q in places if fold(q.get("surface") or "") != fold(p.get("surface") or "")}
            if cc in others or cc in named or cc == outlet or _region_beside(p, found, text):
                continue
            m = spans.get((p["start"], p["end"]))
            # (a span the candidates do not hold as such, the tail of a longer name, counts as prominent:
            # no reading to compare it with)
            top = most_prominent(m, m.candidates, curated_first=True) if m and m.candidates else None
            # (in the famous reading's country, the city and its province of one name are one reading for
            # this measure, which asks for the country: "New York", "Geneva", "Gaza")
            prominent = top is None or top.id == p.get("place_id") or top.country == cc
            alias = any(e.startswith("an alternate name") for e in p.get("evidence") or [])
            a0, b0 = max(0, p["start"] - 80), min(len(text), p["end"] + 80)
            violations.append({
                "article": a.get("id"), "source": a.get("source"), "language": a.get("language"),
                "surface": p.get("surface"), "place": f"{p.get('name')}, {p.get('admin1') or '-'}, {cc}",
                "prominent": prominent, "alias": alias,
                "most_prominent": f"{top.name}, {top.admin1 or '-'}, {top.country}" if top and not prominent else None,
                "confidence": p.get("confidence"), "evidence": p.get("evidence"),
                "context": text[a0:p["start"]] + "[[" + text[p["start"]:p["end"]] + "]]" + text[p["end"]:b0]})
    return {"mentions": total, "countable": countable, "violations": violations}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("analysis")
    ap.add_argument("--sample", type=int, default=20, help="violations shown with their context (default 20)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", action="store_true", help="print every violation as JSON instead")
    args = ap.parse_args()
    with open(args.analysis, encoding="utf-8") as f:
        doc = json.load(f)
    res = check(doc, Gazetteer.load())
    v = res["violations"]
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
        return
    n, c = res["mentions"], max(1, res["countable"])
    bad = [x for x in v if not x["prominent"]]
    groups = {"namesake": [x for x in bad if not x["alias"]],
              "alternate name": [x for x in bad if x["alias"]],
              "prominent": [x for x in v if x["prominent"]]}
    print(f"place mentions {n}, in a country (not a country or nationality itself) {res['countable']}")
    print(f"violations {len(bad)} ({100 * len(bad) / c:.2f}% of those; {100 * len(bad) / max(1, n):.2f}% of all "
          "mentions): not the name's most prominent reading, in a country the article does not mention")
    print(f"  (older measure, famous readings included: {len(v)} unfounded, {100 * len(v) / c:.2f}%)")
    what = {"namesake": "a less prominent reading chosen",
            "alternate name": "a place the name is another name of, where it is a more prominent place's own",
            "prominent": "the name's most prominent reading, or a place of that name in its country: no violation"}
    for k, xs in groups.items():
        print(f"  {k} ({what[k]}): {len(xs)} ({100 * len(xs) / c:.2f}%)")
    by_lang = Counter(x["language"] for x in bad)
    print("violations by language: " + ", ".join(f"{k} {n}" for k, n in by_lang.most_common()))
    for k, xs in groups.items():
        print(f"most frequent, {k}: " + "; ".join(f"{_show(str(s))} {n}" for s, n in Counter(
            f"{x['surface']} -> {x['place']}" for x in xs).most_common(12)))
    rng = random.Random(args.seed)
    for x in rng.sample(bad, min(args.sample, len(bad))):
        kind = f"{'alternate name' if x['alias'] else 'namesake'} (most prominent: {x['most_prominent']})"
        print(f"\n{x['article']} {_show(str(x['source']))} [{x['language']}] {_show(str(x['surface']))} -> "
              f"{_show(x['place'])}; {kind}; confidence {x['confidence']}")
        print("  " + _show(x["context"]))
        print("  evidence: " + _show("; ".join(x["evidence"] or [])))


if __name__ == "__main__":
    main()
