"""Small HTML helpers shared by the report's views. Every string from an article is hostile: it
goes through ``esc`` (text and attribute values alike); ids and hrefs inside the page are built
with ``anchor`` from the report's own keys, and only http(s) URLs become links."""
from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
LINK_REL = 'rel="noopener noreferrer nofollow"'
# Lists longer than this are folded into a closed <details>.
FOLD = 12


def esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def anchor(*parts: object) -> str:
    """An id (and #href target) made only of safe characters, whatever the parts hold."""
    return re.sub(r"[^A-Za-z0-9_-]+", "_", "-".join(str(p) for p in parts))


def safe_link(url: str | None, label: str | None = None) -> str:
    """A link only for http(s) URLs; anything else (javascript:, data:) is shown as inert text."""
    if not url:
        return ""
    text = esc(label or url)
    if url.strip().lower().startswith(("http://", "https://")) and not any(c in url for c in "\x00\n\r\t"):
        return f'<a href="{esc(url.strip())}" {LINK_REL}>{text}</a>'
    return f'<span class="inert">{text}</span>'


def state_key(value: object) -> str:
    """CSS class for a state affiliation: ``state`` (true), ``indep`` (false), ``unk`` (unknown)."""
    return "state" if value is True else "indep" if value is False else "unk"


STATE_LABEL = {"state": "state-affiliated", "indep": "not state-affiliated", "unk": "affiliation unknown"}


def state_tag(value: object) -> str:
    key = state_key(value)
    return f'<span class="tag {key}">{STATE_LABEL[key]}</span>'


def country_tag(code: object) -> str:
    return f'<span class="tag cc">{esc(code or "?")}</span>'


def source_chip(s: dict[str, Any]) -> str:
    """A source as a chip: its name, coloured by state affiliation, with kind and country."""
    key = state_key(s.get("state_affiliated"))
    tip = f'{s.get("kind") or "source"} · {s.get("country") or "country unknown"} · {STATE_LABEL[key]}'
    relayed = f' <span class="muted">(via {esc(s["relayed_by"])})</span>' if s.get("relayed_by") else ""
    inferred = ""
    if s.get("inferred"):  # a pronoun resolved to an earlier speaker: say so, and what the text has
        tip += f' · inferred: the text says “{s.get("resolved_from") or "?"}”'
        inferred = f' <span class="muted" title="inferred">(“{esc(s.get("resolved_from"))}”)</span>'
    return (f'<span class="chip {key}" title="{esc(tip)}">{esc(s.get("name"))}'
            f'<small>{esc(s.get("country") or "?")}</small></span>{inferred}{relayed}')


def article_link(aid: str) -> str:
    return f'<a href="#{anchor(aid)}">{esc(aid)}</a>'


def article_links(ids: Iterable[str], limit: int = 12) -> str:
    ids = list(ids)
    shown = ", ".join(article_link(a) for a in ids[:limit])
    return shown + (f" <span class=\"muted\">+{len(ids) - limit} more</span>" if len(ids) > limit else "")


def fold(summary: str, body: str, count: int, limit: int = FOLD, cls: str = "") -> str:
    """A block folded into <details>, open when it is short. ``summary`` and ``body`` are markup."""
    opened = " open" if count <= limit else ""
    klass = f' class="{cls}"' if cls else ""
    return f"<details{klass}{opened}><summary>{summary}</summary>{body}</details>"


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else many or word + 's'}"
