"""Helpers the report's views share; the document index itself is ``headwater.document.Doc``."""
from __future__ import annotations

from typing import Any

from headwater.document import Doc, Row

__all__ = ["Doc", "Row", "is_country", "num", "point"]


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
