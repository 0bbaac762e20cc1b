"""The multilingual attribution finder run on one hand-written sentence, as several test modules ask it."""
from __future__ import annotations

from typing import Any

from headwater.enrich.attributions.multilingual import find_attributions_multilingual
from headwater.lang import ensure_languages, pack_for
from headwater.model import Article
from headwater.resources import Resources


def attributions(resources: Resources, lang: str, text: str) -> list[dict[str, Any]]:
    """The attributions ``find_attributions_multilingual`` finds in ``text`` read as ``lang``."""
    ensure_languages()
    pack = pack_for(lang)
    assert pack is not None
    return find_attributions_multilingual(resources.parser(lang)(text), Article(source="t", text=text, language=lang),
                                          pack, resources.sources)
