"""The overview: the corpus at a glance and its outlets by country and state affiliation (the
narratives come first, in ``narratives``)."""
from __future__ import annotations

from collections import Counter, defaultdict

from headwater.report.doc import Doc
from headwater.report.markup import esc, fold, plural, state_key

MAX_CHIPS = 12


def _outlets(doc: Doc) -> str:
    table: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    unknown = 0
    for a in doc.articles:
        o = a.get("outlet")
        if not isinstance(o, dict):
            unknown += 1
            continue
        table[str(o.get("country") or "?")][state_key(o.get("state_affiliated"))][str(o.get("name"))] += 1
    rows = []
    for country, cols in sorted(table.items(), key=lambda kv: -sum(sum(c.values()) for c in kv[1].values())):
        cells = []
        for key in ("state", "indep", "unk"):
            names = cols.get(key, Counter())
            chips = " ".join(f'<span class="chip {key}">{esc(n)}<small>{c}</small></span>'
                             for n, c in names.most_common(MAX_CHIPS))
            more = f' <span class="muted">+{len(names) - MAX_CHIPS}</span>' if len(names) > MAX_CHIPS else ""
            cells.append(f"<td>{chips}{more}</td>")
        total = sum(sum(c.values()) for c in cols.values())
        rows.append(f'<tr><th>{esc(country)}</th><td class="n">{total}</td>{"".join(cells)}</tr>')
    if unknown:
        rows.append(f'<tr><th class="unknown">no outlet identified</th><td class="n">{unknown}</td>{"<td></td>" * 3}</tr>')
    body = ('<table class="outlets"><thead><tr><th>country</th><th>articles</th><th>state-affiliated</th>'
            f'<th>not state-affiliated</th><th>affiliation unknown</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')
    return fold(f"Outlets by country ({len(rows)} rows; article counts in chips)", body, len(rows), 20)


def overview_section(doc: Doc) -> str:
    s = doc.summary
    first, last = s.get("first_published"), s.get("last_published")
    span = f"{first} to {last}" if first else "no dates stated"

    def n(k: str) -> str:
        return f"{int(s.get(k) or 0):,}"

    facts = [
        ("articles", n("articles")), ("outlets", n("outlets")),
        ("from state-affiliated outlets", n("state_affiliated_articles")),
        ("published", f"{span} ({n('dated_articles')} dated)"),
        ("stories", n("stories")), ("copies", n("copies")), ("narratives", n("narratives")),
        ("contradictions", n("contradictions")), ("places", n("places")), ("attributed claims", n("attributions")),
        ("events", n("events")),
    ]
    cards = "".join(f'<div class="fact"><b>{esc(v)}</b><span>{esc(k)}</span></div>' for k, v in facts)
    errors = doc.list("errors")
    err = "".join(f"<li><code>{esc(e.get('source'))}</code>: {esc(e.get('reason'))}</li>" for e in errors[:500])
    err_block = fold(f"{plural(len(errors), 'input')} could not be analyzed", f"<ul>{err}</ul>", len(errors)) if errors else ""
    return (f'<section id="overview"><h2>Overview</h2><div class="facts">{cards}</div>{err_block}'
            f'<h3>Outlets</h3>{_outlets(doc)}</section>')
