"""`headwater gazetteer import`: GeoNames dump files made here, in GeoNames' own format."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from headwater.cli import main
from headwater.enrich.places.gazetteer import Gazetteer
from headwater.enrich.places.gazetteer_sources import source_places
from headwater.enrich.places.geonames_import import convert
from headwater.enrich.places.translit import fold


def geoname(gid: int, name: str, alt: str, lat: float, lon: float, fclass: str, fcode: str, cc: str, adm1: str) -> str:
    # the 19 columns of GeoNames' "geoname" table
    cols = [str(gid), name, name, alt, str(lat), str(lon), fclass, fcode, cc, "", adm1, "", "", "", "0", "", "300",
            "Asia/Damascus", "2024-01-01"]
    return "\t".join(cols)


def test_import_country_file_and_alternate_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HEADWATER_CACHE", str(tmp_path / "cache"))
    dump = tmp_path / "SY.zip"
    with zipfile.ZipFile(dump, "w") as z:
        z.writestr("SY.txt", "\n".join([
            geoname(99000001, "Khirbat Zaytunah", "Kherbet Zeitouneh,Khirbet ez-Zaytuna", 35.11, 38.21, "P", "PPL", "SY", "11"),
            geoname(99000002, "Mahattat al-Qatar", "", 34.90, 37.95, "S", "RSTN", "SY", "11"),
            geoname(99000003, "Something", "", 1.0, 1.0, "X", "XXX", "SY", "11"),  # unknown feature class: skipped
        ]))
        z.writestr("readme.txt", "not a table")
    names = tmp_path / "alternateNamesV2.txt"
    names.write_text("1\t99000002\ten\tQatar Station\t1\t\t\t\t\t\n2\t99000002\tlink\thttps://x.example\t\t\t\t\t\t\n"
                     "3\t99000001\ten\tOld Zaytunah\t\t\t\t1\t\t\n")
    out = CliRunner().invoke(main, ["gazetteer", "import", str(dump), str(names)])
    assert out.exit_code == 0, out.output
    assert "2 places" in out.output and "1 alternate names" in out.output and "gazetteer compiled" in out.output
    gz = Gazetteer.load()
    (village,) = gz.lookup(fold("Kherbet Zeitouneh"))
    assert (village.name, village.kind, village.country, village.admin1) == ("Khirbat Zaytunah", "city", "SY", "Homs")
    (station,) = gz.lookup(fold("Qatar Station"))
    assert station.kind == "facility" and station.source == "geonames-import"
    assert gz.lookup(fold("Old Zaytunah")) == []  # historic names are not current names


def test_not_a_geonames_file_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "x.txt"
    bad.write_text("a\tb\tc\n")
    with pytest.raises(ValueError, match="not a GeoNames table"):
        convert(bad, tmp_path)


def test_countries_and_divisions_take_geonames_points_from_an_import(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # issue 18: countries and regions at GeoNames' reference points. The packaged points are
    # approximations (World Factbook centres, the extent of a division's towns); an imported GeoNames
    # file that holds the country's (PCLI) and the division's (ADM1) features puts them at GeoNames' own.
    monkeypatch.setenv("HEADWATER_CACHE", str(tmp_path / "cache"))

    def points() -> dict[str, tuple[float, float]]:
        return {p.id: (p.lat, p.lon) for p, _ in source_places() if p.id in ("cc:SY", "adm1:SY.11")}
    before = points()
    (slat, slon), (hlat, hlon) = before["cc:SY"], before["adm1:SY.11"]
    # made-up points, far from the packaged ones, so that the test tells them apart
    dump = tmp_path / "SY.txt"
    dump.write_text("\n".join([
        geoname(163843, "Syria", "", slat + 1.5, slon - 1.5, "A", "PCLI", "SY", "00"),
        geoname(169575, "Homs", "", hlat + 0.7, hlon + 0.7, "A", "ADM1", "SY", "11"),
    ]) + "\n")
    assert convert(dump, tmp_path / "cache") == ("places", 2)
    after = points()
    assert after == {"cc:SY": (slat + 1.5, slon - 1.5), "adm1:SY.11": (hlat + 0.7, hlon + 0.7)}



def test_building_an_index_keeps_another_versions_index_in_use_and_drops_a_stale_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import time

    from headwater.enrich.places import gazetteer

    monkeypatch.setattr(gazetteer, "source_places", lambda: iter(()))  # an empty index builds in no time
    in_use, stale = tmp_path / "gazetteer-v1-aaaa.pickle", tmp_path / "gazetteer-v1-bbbb.pickle"
    for old in (in_use, stale):
        old.write_bytes(b"another version's index")
    month_ago = time.time() - 30 * 86400
    os.utime(stale, (month_ago, month_ago))
    os.utime(in_use, (month_ago, month_ago))
    Gazetteer.load(in_use.with_name("gazetteer-v1-cccc.pickle"))  # built: nothing kept beside it is used
    assert not stale.exists() and not in_use.exists()

    for old in (in_use, stale):
        old.write_bytes(b"another version's index")
        os.utime(old, (month_ago, month_ago))
    fresh = tmp_path / "gazetteer-v1-cccc.pickle"
    Gazetteer.load(fresh)  # loading marks the index used ...
    assert time.time() - fresh.stat().st_mtime < 60
    os.utime(in_use)  # ... as another version loading its own would mark it
    Gazetteer.load(tmp_path / "gazetteer-v1-dddd.pickle")
    assert in_use.exists() and fresh.exists() and not stale.exists()
