"""A third-party plugin as the README describes one: one module, hook functions, nothing else.

It adds an enricher (every number written in digits, with its span), a linker (articles per outlet)
and an export format (one title per line). The tests register it and nothing more."""
from __future__ import annotations

import re
from pathlib import Path

from headwater.document import Doc
from headwater.enrich import Context, Enricher
from headwater.export.registry import Exporter
from headwater.link.registry import LinkContext, Linker, Rows
from headwater.registry import Registry


def find_digits(ctx: Context) -> None:
    ctx.assign("digits", [{"surface": m.group(), "start": m.start(), "end": m.end()}
                          for m in re.finditer(r"\d[\d,.]*\d|\d", ctx.article.text)])


def outlet_shares(ctx: LinkContext) -> dict[str, Rows]:
    counts: dict[str, int] = {}
    for _, a in ctx.articles:
        name = a.outlet.name if a.outlet else "unnamed outlet"
        counts[name] = counts.get(name, 0) + 1
    return {"outlet_shares": [{"outlet": k, "articles": v} for k, v in sorted(counts.items())]}


def write_titles(doc: Doc, out: Path) -> Path:
    out.write_text("".join(f"{a.get('id')}\t{a.get('title') or ''}\n" for a in doc.articles), encoding="utf-8")
    return out


DIGITS = Enricher("digits/1", (), ("digits",), find_digits, "numbers written in digits")
SHARES = Linker("outlet_shares/1", (), ("outlet_shares",), outlet_shares, "articles per outlet")
TITLES = Exporter("titles", write_titles, description="one title per line", suffix=".tsv")


def register_enrichers(registry: Registry[Enricher]) -> None:
    registry.add("digits", DIGITS)


def register_linkers(registry: Registry[Linker]) -> None:
    registry.add("outlet_shares", SHARES)


def register_exporters(registry: Registry[Exporter]) -> None:
    registry.add("titles", TITLES)
