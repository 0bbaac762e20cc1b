"""Where retellings disagree (contradictions quoted side by side from the article texts), the
known claims a narrative repeats, and a timeline of articles and events by date."""
from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

from headwater.report.doc import Doc, Row, num
from headwater.report.highlight import Mark, highlight, sentence_around
from headwater.report.markup import anchor, article_link, article_links, esc, fold, plural, safe_link, state_key

DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
TL_WIDTH, STEP, MAX_STACK = 1000, 7, 14


def _quote(doc: Doc, span: Row) -> str:
    aid = str(span.get("article_id"))
    text = doc.text(aid)
    s, e = num(span.get("start")), num(span.get("end"))
    a = doc.by_id.get(aid, {})
    o = a.get("outlet") if isinstance(a.get("outlet"), dict) else None
    who = (f'<span class="chip {state_key(o.get("state_affiliated"))}">{esc(o.get("name"))}<small>'
           f'{esc(o.get("country") or "?")}</small></span>' if o else '<span class="unknown">outlet unknown</span>')
    head = (f'<p class="meta">{article_link(aid)} {who} {esc(a.get("published") or "")}<br>'
            f'<b>{esc(doc.title(aid))}</b></p>')
    if s is None or e is None or not 0 <= s < e <= len(text):
        return f'<div class="side-quote">{head}<p class="muted">(span not in the text)</p></div>'
    start, end = int(s), int(e)
    sent = next((ev.get("sentence") for ev in doc.events.get(aid, []) if ev.get("start") == start
                 and isinstance(ev.get("sentence"), dict)), None)
    lo, hi = (int(num(sent.get("start")) or 0), int(num(sent.get("end")) or len(text))) if sent else (0, 0)
    if not (0 <= lo <= start and end <= hi <= len(text)) or hi - lo > 900:
        lo, hi = sentence_around(text, start, end)
    quote = highlight(text[lo:hi], [], [Mark(start - lo, end - lo, "hit")])
    return (f'<div class="side-quote">{head}<blockquote>{"… " if lo else ""}{quote}'
            f'{" …" if hi < len(text) else ""}</blockquote></div>')


def contradictions_section(doc: Doc) -> str:
    by_narr: dict[str, list[Row]] = defaultdict(list)
    for c in doc.list("contradictions"):
        by_narr[str(c.get("narrative_id"))].append(c)
    blocks = []
    for nid, items in by_narr.items():
        cards = []
        for c in items:
            spans = [s for s in c.get("spans") or [] if isinstance(s, dict)]
            if not spans:
                spans = [{"article_id": a} for a in c.get("article_ids") or []]
            cards.append(f'<div class="contra"><p><span class="tag">{esc(c.get("slot") or "")}</span> '
                         f'{esc(c.get("description"))}</p><div class="sidebyside">'
                         f'{"".join(_quote(doc, s) for s in spans[:4])}</div></div>')
        body = "".join(cards)
        blocks.append(f'<div id="{anchor("contra", nid)}"><h3>{esc(nid)} · {esc(doc.narrative_label.get(nid, ""))}</h3>'
                      f'{fold(plural(len(items), "contradiction"), body, len(items), 6)}</div>')
    if not blocks:
        blocks.append('<p class="muted">No two retellings of a narrative were found to disagree. Compared: claims that '
                      'retell one claim (in one language most of their words shared, across languages close in '
                      'meaning), on their counts of the same thing and their polarity, and, within one incident, '
                      'their places and dates; event frames on direction, destination and numbers.</p>')
    return f'<section id="contradictions"><h2>Contradictions</h2>{"".join(blocks)}</section>'


def known_claims_section(doc: Doc) -> str:
    blocks = []
    for n in doc.list("narratives"):
        claims = [k for k in n.get("known_claims") or [] if isinstance(k, dict)]
        if not claims:
            continue
        nid = str(n.get("id"))
        items = "".join(
            f'<li>“{esc(k.get("claim"))}” <span class="muted">{esc(k.get("date") or "undated")} · match '
            f'{esc(round(num(k.get("score")) or 0, 2))}</span> {safe_link(k.get("url"), "case") if k.get("url") else ""}</li>'
            for k in claims[:50])
        blocks.append(f'<div id="{anchor("known", nid)}"><h3>{esc(nid)} · {esc(n.get("label"))}</h3>'
                      f'<ul class="known">{items}</ul></div>')
    if not blocks:
        blocks.append('<p class="muted">No narrative matched a known (already debunked) claim; '
                      'load a claims database to check.</p>')
    return f'<section id="known"><h2>Known claims</h2>{"".join(blocks)}</section>'


def parse_date(value: object) -> tuple[date, str] | None:
    """A date and its precision ("day", "month", "year") from ISO text, possibly partial."""
    m = DATE.match(str(value or ""))
    if not m:
        return None
    try:
        d = date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None
    return d, "day" if m.group(3) else "month" if m.group(2) else "year"


def _timeline_svg(items: list[tuple[date, str, str, str]]) -> str:
    lo, hi = min(i[0] for i in items).toordinal(), max(i[0] for i in items).toordinal()
    if hi - lo < 30:
        lo, hi = lo - 15, hi + 15

    def x(d: date) -> float:
        return 40 + (d.toordinal() - lo) / (hi - lo) * (TL_WIDTH - 80)

    stacks: dict[tuple[str, int], int] = defaultdict(int)
    placed = []
    for d, kind, aid, label in items:
        px = round(x(d) / STEP) * STEP
        placed.append((px, stacks[(kind, px)], kind, aid, label))
        stacks[(kind, px)] += 1
    up = min(MAX_STACK, max((n for (k, _), n in stacks.items() if k == "article"), default=0))
    down = min(MAX_STACK, max((n for (k, _), n in stacks.items() if k == "event"), default=0))
    axis = 34 + up * STEP
    height = axis + 40 + down * STEP
    marks = []
    for px, n, kind, aid, label in placed:
        if n < MAX_STACK:
            y = axis - 8 - n * STEP if kind == "article" else axis + 8 + n * STEP
            marks.append(f'<a href="#{anchor(aid)}"><circle class="tl {kind}" cx="{px}" cy="{y}" r="3">'
                         f'<title>{esc(label)}</title></circle></a>')
    for (kind, px), n in stacks.items():
        if n > MAX_STACK:
            y = axis - 12 - MAX_STACK * STEP if kind == "article" else axis + 16 + MAX_STACK * STEP
            marks.append(f'<text class="tlmore" x="{px}" y="{y}">{n}</text>')
    ticks = []
    for i in range(6):
        d = date.fromordinal(lo + (hi - lo) * i // 5)
        at = f"{x(d):.0f}"
        ticks.append(f'<line x1="{at}" x2="{at}" y1="{axis - 4}" y2="{axis + 4}"/>'
                     f'<text x="{at}" y="{height - 4}">{d.isoformat()}</text>')
    return (f'<svg class="timeline" viewBox="0 0 {TL_WIDTH} {height}" role="img" aria-label="timeline">'
            f'<line class="axis" x1="30" x2="{TL_WIDTH - 30}" y1="{axis}" y2="{axis}"/>'
            f'<text x="30" y="12" class="lane">articles published ↑ · events ↓ (dates as stated; a month or year '
            f'alone is drawn at its start)</text>{"".join(ticks)}{"".join(marks)}</svg>')


def _day_articles(items: list[tuple[date, str, str, str]]) -> str:
    ids = list(dict.fromkeys(i[2] for i in items if i[1] == "article"))
    return f"{len(ids)}: {article_links(ids, 10)}" if ids else ""


def _day_events(items: list[tuple[date, str, str, str]]) -> str:
    kinds: dict[str, list[str]] = defaultdict(list)
    for _, kind, aid, label in items:
        if kind == "event":
            kinds[label.split(" · ")[1] if " · " in label else label].append(aid)
    return "<br>".join(f"{esc(k)} × {len(ids)} in {article_links(list(dict.fromkeys(ids)), 6)}" for k, ids in kinds.items())


def timeline_section(doc: Doc) -> str:
    items: list[tuple[date, str, str, str]] = []
    undated = {"article": 0, "event": 0}
    for a in doc.articles:
        aid = str(a.get("id"))
        d = parse_date(a.get("published"))
        if d:
            items.append((d[0], "article", aid, f'{a.get("published")} · {aid} · {doc.title(aid)}'))
        else:
            undated["article"] += 1
    for e in doc.list("events"):
        aid = str(e.get("article_id"))
        d = parse_date(e.get("date"))
        if d:
            items.append((d[0], "event", aid, f'{e.get("date")} ({d[1]}) · {e.get("type")} "{e.get("trigger")}" · {aid}'))
        else:
            undated["event"] += 1
    note = (f'<p class="muted">{plural(undated["article"], "article")} and {plural(undated["event"], "event")} '
            f'state no date and are not shown.</p>')
    if not items:
        return f'<section id="timeline"><h2>Timeline</h2>{note}</section>'
    items.sort(key=lambda i: (i[0], i[1]))
    by_day: dict[date, list[tuple[date, str, str, str]]] = defaultdict(list)
    for it in items:
        by_day[it[0]].append(it)
    rows = "".join(f'<tr><td>{d.isoformat()}</td><td>{_day_articles(its)}</td><td>{_day_events(its)}</td></tr>'
                   for d, its in list(by_day.items())[:2000])
    table = f'<table><thead><tr><th>date</th><th>articles</th><th>events</th></tr></thead><tbody>{rows}</tbody></table>'
    summary = plural(len(by_day), "date") + " as a table"
    return (f'<section id="timeline"><h2>Timeline</h2>{_timeline_svg(items)}{note}'
            f'{fold(summary, table, len(by_day))}</section>')
