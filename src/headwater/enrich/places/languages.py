"""Names of one language: a country's name in another language's table counts not in English news.
"Chili" is French for Chile, and in English a dish ("the Chili Supper chairperson"); "Irak" is German,
"Allemagne" French. The gazetteer holds every language's names of a country in one index
(``data/country_names_i18n.tsv``, CLDR: an article's language may be misdetected, and the packs'
texts share the index); here a reading found only by such a name is taken back in an article known
to be in English. In the other languages every language's names still count: the table has one form
a language, and news of one language writes its neighbours' and its own older forms (Portuguese news
writes "Egipto", as in Portugal, beside Brazil's "Egito", which alone is in the table: taking the
Spanish name back there lost that mention on the narratives set).

A name that is also one of the country's English names (its GeoNames name, ``country_aliases.yaml``,
the supplement's additions: "Côte d'Ivoire", "Türkiye") counts everywhere, as before.
"""
from __future__ import annotations

from functools import cache
from importlib import resources

from headwater.enrich.places.gazetteer_sources import supplement_entries
from headwater.enrich.places.place import Place
from headwater.enrich.places.translit import fold
from headwater.yamldata import load_yaml

ENGLISH = "en"


def _code(p: Place) -> str | None:
    """The table's code of a country ("SY") or continent ("cont:EU") reading; None for other places."""
    if p.id.startswith("cc:"):
        return p.id[3:]
    return p.id if p.id.startswith("cont:") else None


@cache
def _tables() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """(a name of the table, folded -> the codes of the countries it names; code -> its English names, folded)."""
    data = resources.files("headwater.data")
    names: dict[str, set[str]] = {}
    for row in data.joinpath("country_names_i18n.tsv").read_text("utf-8").splitlines()[2:]:
        code, _lang, name = row.split("\t")
        names.setdefault(fold(name), set()).add(code)
    english: dict[str, set[str]] = {}
    for code, aliases in (load_yaml(data.joinpath("country_aliases.yaml").read_text("utf-8")) or {}).items():
        english.setdefault(str(code), set()).update(fold(str(n)) for n in aliases)
    for e in supplement_entries():
        same = str(e.get("same_as") or "")
        if same.startswith(("cc:", "cont:")):
            code = same[3:] if same.startswith("cc:") else same
            english.setdefault(code, set()).update(fold(str(n)) for n in e.get("aliases") or [])
    return {k: frozenset(v) for k, v in names.items()}, {c: frozenset(v) for c, v in english.items()}


def other_language(key: str, p: Place, language: str | None) -> bool:
    """Whether reading ``p`` of the name ``key`` (folded) is found only by a name of another language
    than English in an English article (``language``; None: unknown, nothing is taken back)."""
    if language != ENGLISH:
        return False
    names, english = _tables()
    code = _code(p)
    return code is not None and code in names.get(key, ()) and key != fold(p.name) \
        and key not in english.get(code, ())


def own_language(places: list[Place], key: str, language: str | None) -> list[Place]:
    """``places`` less the readings found only by another language's name of a country."""
    if language != ENGLISH or key not in _tables()[0]:
        return places  # (most names are in no other language's table: nothing to look at)
    return [p for p in places if not other_language(key, p, language)]
