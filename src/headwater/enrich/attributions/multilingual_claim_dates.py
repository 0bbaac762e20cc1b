"""The dates a claim's sentence states, in languages other than English: full dates, and a day and month
dated by the article's publication date (inferred, and said so). Read by the multilingual finder
(``multilingual``) for each sentence it cuts."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from headwater.enrich.attributions.multilingual_registered import iso_day
from headwater.extract.dates import find_dates, find_day_months

if TYPE_CHECKING:
    from headwater.enrich.attributions.multilingual_sources import SourceReader


def claim_dates(r: SourceReader, s: int, e: int) -> list[dict[str, Any]]:
    """Dates a claim's sentence states: full ones, and a day and month dated by the publication
    date (inferred, and said so); a day and month with no publication date stays undated."""
    out: list[dict[str, Any]] = []
    chunk = r.text[s:e]
    full = find_dates(chunk, r.months, r.joiners, r.year_joiners)
    for f in full:
        out.append({"text": f.text, "start": s + f.start, "end": s + f.end, "date": f.iso,
                    "basis": "inferred" if f.ambiguous else "explicit"})
    if not r.months:
        return out
    pub = iso_day(r.published)
    for a, b, month, day in find_day_months(chunk, r.months, r.joiners):
        if any(f.start <= a < f.end for f in full):
            continue
        date: str | None = None
        if pub is not None:
            for year in (pub.year, pub.year - 1):
                try:
                    d = dt.date(year, month, day)
                except ValueError:
                    break
                if d <= pub:
                    date = d.isoformat()
                    break
        out.append({"text": chunk[a:b], "start": s + a, "end": s + b, "date": date,
                    "basis": "inferred" if date else None})
    return out
