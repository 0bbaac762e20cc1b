"""Report: one self-contained HTML file (no external requests, no scripts yet) of an analysis.

Article text is hostile input: every string from an article goes through ``esc``; only http(s)
URLs become links. A content security policy forbids scripts and remote loads outright.
"""
from __future__ import annotations

import html
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from headwater import __version__
from headwater.link import article_key
from headwater.model import Article

if TYPE_CHECKING:
    from headwater.pipeline import Analysis

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


def esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def safe_link(url: str | None, label: str | None = None) -> str:
    """A link only for http(s) URLs; anything else (javascript:, data:) is shown as inert text."""
    if not url:
        return ""
    text = esc(label or url)
    if url.lower().startswith(("http://", "https://")):
        return f'<a href="{esc(url)}" rel="noopener noreferrer nofollow">{text}</a>'
    return f"<span>{text}</span>"


def _outlet_cell(a: Article) -> str:
    if a.outlet is None:
        return '<span class="unknown">unknown</span>'
    state = {True: "state-affiliated", False: "independent", None: "affiliation unknown"}[a.outlet.state_affiliated]
    return (f'{esc(a.outlet.name)} <span class="tag">{esc(a.outlet.country or "?")}</span> '
            f'<span class="tag {state}" title="found from {esc(a.outlet.basis)}">{state}</span>')


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{esc(p)}</p>" for p in text.split("\n\n") if p.strip())


def render(result: Analysis) -> str:
    arts = result.articles
    outlets = Counter(a.outlet.name for _, a in arts if a.outlet)
    dates = sorted(a.published for _, a in arts if a.published)
    rows, bodies = [], []
    for aid, a in arts:
        key = article_key(aid)
        inferred = ' <span class="tag">inferred</span>' if a.published_basis == "inferred" else ""
        date = esc(a.published or "—") + inferred
        rows.append(f'<tr><td><a href="#{key}">{key}</a></td><td>{_outlet_cell(a)}</td><td>{date}</td>'
                    f'<td>{esc(a.title or "(no title)")}</td><td class="src">{esc(a.source)}</td></tr>')
        bodies.append(
            f'<article id="{key}"><h3>{esc(a.title or "(no title)")}</h3>'
            f'<p class="meta">{_outlet_cell(a)} · {date} · {safe_link(a.url)}'
            f'{" · wire: " + esc(a.wire) if a.wire else ""} · <span class="src">{esc(a.source)}</span></p>'
            f'<div class="body">{_paragraphs(a.text)}</div></article>')
    errors = "".join(f"<li><code>{esc(e.source)}</code>: {esc(e.reason)}</li>" for e in result.errors)
    error_block = (f"<details open><summary>{len(result.errors)} inputs could not be analyzed</summary>"
                   f"<ul>{errors}</ul></details>") if errors else ""
    css = resources.files("headwater.report").joinpath("report.css").read_text("utf-8")
    span = f"{dates[0]} to {dates[-1]}" if dates else "no dates stated"
    outlet_list = ", ".join(f"{esc(n)} ({c})" for n, c in outlets.most_common()) or "none identified"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>headwater report</title><style>{css}</style></head>
<body><header><h1>headwater report</h1>
<p>{len(arts)} articles · {len(outlets)} outlets · {esc(span)} · headwater {esc(__version__)}</p></header>
<main>
<section id="overview"><h2>Overview</h2><p><b>Outlets:</b> {outlet_list}</p>
{error_block}
</section>
<section id="articles"><h2>Articles</h2>
<table><thead><tr><th>id</th><th>outlet</th><th>published</th><th>title</th><th>source</th></tr></thead>
<tbody>{''.join(rows)}</tbody></table></section>
<section id="texts"><h2>Texts</h2>{''.join(bodies)}</section>
</main></body></html>
"""


def write_report(result: Analysis, path: Path) -> Path:
    tmp = path.with_suffix(".html.tmp")
    tmp.write_text(render(result), encoding="utf-8")
    tmp.replace(path)
    return path
