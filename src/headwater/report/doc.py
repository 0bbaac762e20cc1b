"""The analysis document indexed once for the views: every lookup they make is a dict access, so
rendering stays linear in the size of the corpus."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

Row = dict[str, Any]


def _by_article(rows: list[Row]) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        out[str(r.get("article_id"))].append(r)
    return out


@dataclass
class Doc:
    raw: dict[str, Any]
    articles: list[Row] = field(default_factory=list)
    by_id: dict[str, Row] = field(default_factory=dict)
    places: dict[str, list[Row]] = field(default_factory=dict)
    attributions: dict[str, list[Row]] = field(default_factory=dict)
    events: dict[str, list[Row]] = field(default_factory=dict)
    metonyms: dict[str, list[Row]] = field(default_factory=dict)
    story: dict[str, str] = field(default_factory=dict)  # article id -> story id
    derived_from: dict[str, str] = field(default_factory=dict)  # article id -> the article it copies
    narrative_label: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, raw: dict[str, Any]) -> Doc:
        arts = [a for a in raw.get("articles") or [] if isinstance(a, dict)]
        return cls(raw=raw, articles=arts, by_id={str(a.get("id")): a for a in arts},
                   places=_by_article(raw.get("places") or []),
                   attributions=_by_article(raw.get("attributions") or []),
                   events=_by_article(raw.get("events") or []),
                   metonyms=_by_article(raw.get("metonyms") or []),
                   story={str(a): str(s.get("id")) for s in raw.get("stories") or [] for a in s.get("article_ids") or []},
                   derived_from={str(c.get("article_id")): str(c.get("derived_from")) for c in raw.get("copies") or []},
                   narrative_label={str(n.get("id")): str(n.get("label") or n.get("id"))
                                    for n in raw.get("narratives") or []})

    def list(self, key: str) -> list[Row]:
        value = self.raw.get(key) or []
        return [x for x in value if isinstance(x, dict)]

    def outlet_name(self, aid: str) -> str:
        a = self.by_id.get(aid) or {}
        outlet = a.get("outlet") or {}
        return str(outlet.get("name") or f"unknown outlet ({str(a.get('source') or aid).rsplit('/', 1)[-1]})")

    def title(self, aid: str) -> str:
        return str((self.by_id.get(aid) or {}).get("title") or "(no title)")

    def text(self, aid: str) -> str:
        return str((self.by_id.get(aid) or {}).get("text") or "")


def num(value: object) -> float | None:
    """A finite number, or None (data from elsewhere may hold strings or nothing)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    f = float(value)
    return f if f == f and abs(f) != float("inf") else None


def point(place: object) -> tuple[float, float] | None:
    """(lon, lat) of a place dict, when it has valid coordinates."""
    if not isinstance(place, dict):
        return None
    lat, lon = num(place.get("lat")), num(place.get("lon"))
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return lon, lat


def is_country(place: dict[str, Any]) -> bool:
    return place.get("kind") == "country" or str(place.get("place_id") or "").startswith("cc:")
