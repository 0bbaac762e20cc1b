"""The built-in language packs, registered through the same hook a plugin uses."""
from __future__ import annotations

from headwater.lang import LanguagePack
from headwater.registry import Registry

ENGLISH = LanguagePack(code="en", name="English", model="en_core_web_sm", level="full",
                       quote_pairs=(("\u201c", "\u201d"), ('"', '"'), ("\u2018", "\u2019")))


def register_languages(registry: Registry[LanguagePack]) -> None:
    registry.add(ENGLISH.code, ENGLISH)
