"""Narratives first: each narrative with its label, level and size, its languages and outlets, the
codebook entry it matches, its contradictions and whom it rests on (the independence breakdown in
words), and its member claims, each linked to the sentence it stands in.

``narrative_facts`` is plain data (``headwater serve`` shows the same facts); ``narratives_section``
draws the report's section. A claim's sentence carries the id ``claim_anchor(article, claim)``: the
article view puts it there (``claim_points``), as a small badge naming the claim's narratives."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from headwater.report.doc import Doc, Row, num
from headwater.report.highlight import Point
from headwater.report.markup import anchor, article_link, esc, fold, plural

# Cards for the largest narratives, the next ones as table rows, the rest counted: a corpus of
# 100,000 articles holds thousands of narratives and each card lists claims, and the report must stay
# a page a browser opens at once (see articles.TEXT_LIMIT). The JSON and `headwater serve` have all.
MAX_CARDS = 50
MAX_ROWS = 500
MAX_CLAIMS = 20  # claims listed on a card
OPEN_CLAIMS = 5  # a card's claims start folded past this many
MAX_OUTLETS = 4  # outlets named on a card; the rest counted
SNIPPET = 240
GROUPS = ("independent", "state", "intergovernmental", "anonymous", "unattributed", "unknown")
LEVELS = {"frame": "event frame", "fine": "one claim retold", "known": "codebook entry", "broad": "shared theme",
          "theme": "theme"}

Href = Callable[[str], str]
PageOf = Callable[[str], str | None]  # article id -> the page that shows its text ("" this one), or None


def claim_anchor(article_id: object, claim_id: object) -> str:
    """The id of a claim's place in its article's text (``a3-claim-5``)."""
    return anchor(article_id, "claim", claim_id)


def narrative_anchor(nid: object) -> str:
    return anchor("narr", nid)


def _count(value: object) -> int:
    n = num(value)
    return int(n) if n is not None else 0


def independence_words(prov: Row | None) -> str:
    """The primary sources counted apart, in words: "3 state, 1 anonymous, 2 unknown; at most 2 independent"."""
    if not prov:
        return "no provenance recorded"
    ind = prov.get("independence")
    if not isinstance(ind, dict):  # a document from before the breakdown: only the one count
        n = prov.get("independent_non_state_named_primary_sources")
        return f"{n} independent (no breakdown recorded)" if isinstance(n, int) else "not known"
    counts = {g: _count(ind.get(g)) for g in GROUPS}
    parts = ", ".join(f"{counts[g]:,} {g}" for g in GROUPS if counts[g]) or "no primary source"
    most = max(_count(ind.get("independent_at_most")), counts["independent"])
    if most > counts["independent"]:  # the unknown ones could be independent: say how many at most
        return f"{parts}; at most {most:,} independent"
    return parts if counts["independent"] else f"{parts}; none independent"


def known_words(known: object, codebook: bool = True) -> str:
    """The codebook entry a narrative matches, in words (``codebook``: whether the run was given one)."""
    if not codebook:
        return "no codebook given"
    if not isinstance(known, dict):
        return "no codebook entry"
    score = num(known.get("score"))
    return f'{known.get("label") or known.get("id")}' + (f" ({score:.2f})" if score is not None else "")


def _names(values: object) -> list[str]:
    return [str(v) for v in values if v] if isinstance(values, list) else []


def _from_articles(arts: list[Row], pick: Callable[[Row], object]) -> list[str]:
    counts = Counter(str(v) for v in map(pick, arts) if v)
    return [name for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold()))]


def _outlet(a: Row) -> object:
    o = a.get("outlet")
    return o.get("name") if isinstance(o, dict) else None


def narrative_facts(n: Row, prov: Row | None, contradictions: int, articles: Iterable[Row],
                    codebook: bool = True) -> Row:
    """What a narrative's row shows. ``articles`` are its articles (with ``outlet`` and ``language``), for
    what the narrative does not say itself: an event-frame narrative names no outlets or languages.
    ``codebook``: whether the run matched narratives to a codebook (else no entry is no news)."""
    arts = [a for a in articles if isinstance(a, dict)]
    claims = [c for c in n.get("claims") or [] if isinstance(c, dict)]
    outlets = _names(n["outlets"]) if "outlets" in n else _from_articles(arts, _outlet)
    languages = _names(n["languages"]) if "languages" in n else _from_articles(arts, lambda a: a.get("language"))
    known = n.get("known_narrative")
    ind = (prov or {}).get("independence")
    dated = n.get("first_seen_by_language")
    dated = {str(k): str(v) for k, v in dated.items() if v} if isinstance(dated, dict) else {}
    return {"id": str(n.get("id")), "level": n.get("level"), "label": n.get("label"),
            "article_ids": [str(x) for x in n.get("article_ids") or []], "claims": len(claims),
            "languages": languages, "outlets": outlets, "countries": _names(n.get("countries")),
            "first_seen": n.get("first_seen"), "last_seen": n.get("last_seen"),
            # which language told it first: only when two languages or more have a dated article
            "first_language": min(dated.items(), key=lambda kv: (kv[1], kv[0])) if len(dated) >= 2 else None,
            "known_narrative": known if isinstance(known, dict) else None, "codebook": codebook,
            "contradictions": contradictions,
            "independence": ind if isinstance(ind, dict) else None, "independence_words": independence_words(prov),
            "known_claims": len(n.get("known_claims") or [])}


def _order(f: Row) -> tuple[int, int, int, str]:
    nid = str(f["id"])
    return -len(f["article_ids"]), -int(f["claims"]), len(nid), nid


def all_facts(doc: Doc, part: str = "narratives") -> list[tuple[Row, Row]]:
    """(narrative, facts) for each narrative of ``part`` (or theme), the most articles first."""
    provs = {str(p.get("narrative_id")): p for p in doc.list("provenance")}
    contra = Counter(str(c.get("narrative_id")) for c in doc.list("contradictions"))
    # matched to a codebook: the run says so (an older document only by a narrative that matched)
    codebook = bool(doc.list("codebook")) or any(isinstance(n.get("known_narrative"), dict) for n in doc.list(part))
    out = []
    for n in doc.list(part):
        nid = str(n.get("id"))
        arts = (doc.by_id.get(str(a)) or {} for a in n.get("article_ids") or [])
        out.append((n, narrative_facts(n, provs.get(nid), contra[nid], arts, codebook)))
    return sorted(out, key=lambda nf: _order(nf[1]))


@dataclass
class ClaimRef:
    """Where a claim of some narrative stands in its article, and which narratives hold it."""

    field: str
    start: int
    narratives: list[str]


Refs = dict[str, dict[str, ClaimRef]]  # article id -> claim id -> where it is


def claim_refs(doc: Doc) -> Refs:
    """The claims of the document's narratives, by article. (Themes are not marked: a theme holds most
    sentences of its articles, and its badges would bury the narratives'.)"""
    refs: Refs = defaultdict(dict)
    for n in doc.list("narratives"):
        for c in n.get("claims") or []:
            start = num(c.get("start")) if isinstance(c, dict) else None
            if start is None or c.get("claim_id") is None:
                continue
            ref = refs[str(c.get("article_id"))].setdefault(
                str(c.get("claim_id")), ClaimRef(str(c.get("field") or "text"), int(start), []))
            if str(n.get("id")) not in ref.narratives:
                ref.narratives.append(str(n.get("id")))
    return refs


def claim_points(aid: str, refs: dict[str, ClaimRef], field: str, href: Href) -> list[Point]:
    """The badges that mark where each claim of the article's ``field`` starts: the id claims link to, and
    links to the narratives that hold the claim."""
    out = []
    for claim_id, ref in refs.items():
        if ref.field != field:
            continue
        links = " ".join(f'<a href="{esc(href(nid))}">{esc(nid)}</a>' for nid in ref.narratives)
        out.append(Point(ref.start, f'<span class="nref" id="{claim_anchor(aid, claim_id)}" '
                                    f'title="a claim of {esc(", ".join(ref.narratives))}">{links}</span>'))
    return out


def facts_line(f: Row, local: bool = True) -> str:
    """The facts of a narrative, one line of markup; ``local`` links to the report's own sections."""
    nid = f["id"]
    outlets = f["outlets"]
    more = f' <span class="muted">+{len(outlets) - MAX_OUTLETS}</span>' if len(outlets) > MAX_OUTLETS else ""
    named = f'{plural(len(outlets), "outlet")}: {esc(", ".join(outlets[:MAX_OUTLETS]))}{more}' if outlets else \
        '<span class="unknown">no outlet identified</span>'
    contra = plural(int(f["contradictions"]), "contradiction")
    if local and f["contradictions"]:
        contra = f'<a href="#{anchor("contra", nid)}">{contra}</a>'
    sources = esc(f["independence_words"])
    if local and f["independence"] is not None:
        sources = f'<a href="#{anchor("prov", nid)}">{sources}</a>'
    seen = " – ".join(dict.fromkeys(str(x) for x in (f["first_seen"], f["last_seen"]) if x)) or "no date"
    size = plural(int(f["claims"]), "claim") if f["claims"] or f["level"] != "frame" else "events, no claims"
    parts = [f'<b>{plural(len(f["article_ids"]), "article")}</b>, {size}',
             f'languages: {esc(languages_words(f))}', named,
             f'codebook: {esc(known_words(f["known_narrative"], f["codebook"]))}', contra,
             f"primary sources: {sources}", esc(seen)]
    if local and f["known_claims"]:
        parts.append(f'<a href="#{anchor("known", nid)}">{plural(int(f["known_claims"]), "known claim")}</a>')
    return " · ".join(parts)


def languages_words(f: Row) -> str:
    """A narrative's languages, and the one it was told in first when that is known: "en, ru (first in
    ru, 2023-03-01)"."""
    words = ", ".join(f["languages"]) or "unknown"
    first = f.get("first_language")
    return f"{words} (first in {first[0]}, {first[1]})" if first else words


def level_tag(level: object) -> str:
    return f'<span class="tag" title="level: {esc(level)}">{esc(LEVELS.get(str(level), level or "?"))}</span>'


def claim_item(c: Row, page: PageOf) -> str:
    """A member claim: its article, linked to its sentence where ``page`` gives the page showing it
    ("" for this one), and its text."""
    aid, text = str(c.get("article_id")), str(c.get("text") or "")
    short = text if len(text) <= SNIPPET else text[:SNIPPET - 1] + "…"
    target = page(aid) if num(c.get("start")) is not None and c.get("claim_id") is not None else None
    where = (f'<a href="{esc(target)}#{claim_anchor(aid, c.get("claim_id"))}">{esc(aid)}</a>' if target is not None
             else f'{esc(aid)} <span class="muted">(text not shown here)</span>')
    tags = " (headline)" if c.get("field") == "title" else ""
    if c.get("negated"):
        tags += ' <span class="tag">negated</span>'
    return f'<li>{where}{tags} <span class="quote" dir="auto">“{esc(short)}”</span></li>'


def claims_block(n: Row, page: PageOf) -> str:
    claims = [c for c in n.get("claims") or [] if isinstance(c, dict)]
    if not claims:
        return '<p class="muted">No member claims: an event frame, found from the events its articles report.</p>'
    items = "".join(claim_item(c, page) for c in claims[:MAX_CLAIMS])
    more = f'<p class="muted">and {len(claims) - MAX_CLAIMS:,} more claims</p>' if len(claims) > MAX_CLAIMS else ""
    return fold(plural(len(claims), "claim"), f'<ul class="nclaims">{items}</ul>{more}', len(claims), OPEN_CLAIMS)


def _articles(ids: list[str], shown: set[str], limit: int = 12) -> str:
    """The narrative's articles, linked where the page shows them."""
    listed = ", ".join(article_link(a) if a in shown else esc(a) for a in ids[:limit])
    return listed + (f' <span class="muted">+{len(ids) - limit:,} more</span>' if len(ids) > limit else "")


def _card(n: Row, f: Row, shown: set[str]) -> str:
    def page(aid: str) -> str | None:
        return "" if aid in shown else None

    return (f'<div class="ncard" id="{narrative_anchor(f["id"])}"><h3>{level_tag(f["level"])} {esc(f["id"])} · '
            f'<bdi>{esc(f["label"])}</bdi></h3><p class="nfacts">{facts_line(f)}</p>'
            f'<p class="muted">articles: {_articles(f["article_ids"], shown)}</p>'
            f'{claims_block(n, page)}</div>')


def _rows(facts: list[Row], themes: bool) -> str:
    def traced(f: Row) -> tuple[str, str]:  # themes are neither compared for contradictions nor traced to sources
        return ("not compared", "not traced") if themes else (f'{int(f["contradictions"]):,}', f["independence_words"])

    rows = "".join(f'<tr id="{narrative_anchor(f["id"])}"><td>{esc(f["id"])}</td>'
                   f'<td>{level_tag("theme" if themes else f["level"])} <bdi>{esc(f["label"])}</bdi></td>'
                   f'<td class="n">{len(f["article_ids"]):,}</td><td class="n">{int(f["claims"]):,}</td>'
                   f'<td>{esc(", ".join(f["languages"]))}</td><td>{esc(known_words(f["known_narrative"], f["codebook"]))}</td>'
                   f'<td class="n">{esc(traced(f)[0])}</td><td>{esc(traced(f)[1])}</td></tr>'
                   for f in facts)
    return ('<table class="narratives"><thead><tr><th>id</th><th>narrative</th><th>articles</th><th>claims</th>'
            '<th>languages</th><th>codebook</th><th>contradictions</th><th>primary sources</th></tr></thead>'
            f'<tbody>{rows}</tbody></table>')


def _listing(doc: Doc, part: str, shown: set[str], cards: int) -> tuple[int, str]:
    found = all_facts(doc, part)
    out = "".join(_card(n, f, shown) for n, f in found[:cards])
    rest = [f for _, f in found[cards:]]
    if rest:
        table = _rows(rest[:MAX_ROWS], part == "themes")
        out += (fold(f"{plural(len(rest), 'more')} with fewer articles", table, len(rest), 0) if cards
                else fold(plural(len(rest), part.rstrip("s")), table, len(rest)))
        if len(rest) > MAX_ROWS:
            out += (f'<p class="muted">and {len(rest) - MAX_ROWS:,} more (analysis.json and '
                    '<code>headwater serve</code> list them all)</p>')
    return len(found), out


def narratives_section(doc: Doc, shown: set[str]) -> str:
    """The section; ``shown`` are the articles whose text the report shows (a claim links only into those)."""
    count, body = _listing(doc, "narratives", shown, MAX_CARDS)
    if not count:
        body = '<p class="muted">No narrative (a claim retold across articles) was found.</p>'
    intro = ('<p class="muted">Each narrative is a claim retold across articles (one claim retold, an event frame '
             'asserted, a codebook entry, or a shared theme: articles whose claims share their actors and words '
             'across incidents), most articles first; its primary sources are counted apart (unknown is never taken for state or '
             'independent). Each claim links to its sentence.</p>')
    themes, listing = _listing(doc, "themes", shown, 0)
    extra = (f'<h3>Themes</h3><p class="muted">Broader: claims on one topic across incidents, not one claim '
             f'retold.</p>{listing}') if themes else ""
    return f'<section id="narratives"><h2>Narratives ({count:,})</h2>{intro}{body}{extra}</section>'
