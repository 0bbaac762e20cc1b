"""Outlets: a curated registry with a source per fact, and an outlet named only on evidence."""
from __future__ import annotations

import re

from headwater.extract.outlets import OutletRegistry, identify, norm


def who(reg: OutletRegistry, *, url: str | None = None, site: str | None = None, title: str | None = None,
        text: str = "", header: str = "") -> tuple[str | None, str | None, str | None]:
    f = identify(reg, url=url, site_name=site, title=title, header=header, text=text, raw=text)
    return (f.outlet.name if f.outlet else None), f.wire, f.title


def test_registry_is_large_sourced_and_consistent(registry: OutletRegistry) -> None:
    entries = registry.entries
    assert len(entries) >= 80
    for e in entries:
        for fact in ("country", "state_affiliated"):
            if getattr(e, fact) is not None:
                assert e.sources.get(fact, "").startswith("http"), f"{e.id}: no source for {fact}"
        assert all(re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", d) for d in e.domains), e.id
    domains = [d for e in entries for d in e.domains]
    assert len(domains) == len(set(domains))


def test_no_two_outlets_share_a_name(registry: OutletRegistry) -> None:
    """Every name and alias, folded as the lookup folds it, belongs to one outlet only (else the
    first in file order would silently take the other's mentions)."""
    owner: dict[str, str] = {}
    for e in registry.entries:
        for n in (e.name, *e.aliases):
            assert owner.setdefault(norm(n), e.id) == e.id, (n, owner[norm(n)], e.id)
    assert len({e.id for e in registry.entries}) == len(registry.entries)


def test_fakes_outlets_and_major_wires_are_present(registry: OutletRegistry) -> None:
    for name in ["Al-Ahram", "Al-Manar", "Al-Alam", "The New Arab", "Daily Sabah", "SANA", "Sputnik", "Etilaf", "TRT",
                 "Jordan Times", "Reuters", "Al Arabiya", "NNA", "Asharq Al-Awsat", "TASS", "Associated Press",
                 "AFP", "Xinhua", "RT", "Press TV", "Tasnim News Agency", "BBC", "Al Jazeera"]:
        assert registry.by_name(name) is not None, name
    assert registry.by_name("Reuters").wire  # type: ignore[union-attr]
    assert registry.by_name("Sputnik").state_affiliated is True  # type: ignore[union-attr]


def test_url_and_metadata(registry: OutletRegistry) -> None:
    assert who(registry, url="https://sputniknews.com/20220225/x.html")[0] == "Sputnik"
    assert who(registry, url="https://www.presstv.ir/Detail/2022/01/30/1")[0] == "Press TV"
    assert who(registry, url="https://unknown-blog.example/post")[0] is None


def test_datelines_name_outlets_but_wires_only_as_wires(registry: OutletRegistry) -> None:
    tasnim = who(registry, text="TEHRAN (Tasnim) – The US military is said to have relocated scores of militants.")
    assert tasnim[0] is not None and "Tasnim" in tasnim[0]
    outlet, wire, _ = who(registry, text="BEIRUT (Reuters) - At least 20 people were killed on Sunday, a monitor said.")
    assert outlet is None and wire == "Reuters"


def test_a_cited_outlet_is_not_the_publisher(registry: OutletRegistry) -> None:
    text = "Sources told Russia's Sputnik news agency that 750 militants were moved, according to SANA."
    assert who(registry, text=text, header=text)[0] is None


def test_title_suffix_names_the_site_and_is_removed(registry: OutletRegistry) -> None:
    name, _, title = who(registry, title="Syrian warplanes pound Idlib - Daily Sabah")
    assert name == "Daily Sabah" and title == "Syrian warplanes pound Idlib"
    assert who(registry, title="Syria: the war - a history")[0] is None


def test_acronym_outlets_match_only_in_capitals(registry: OutletRegistry) -> None:
    assert registry.by_name("SANA") is not None
    assert registry.by_name("Sana") is None  # the city, Sana'a
