"""Plugins: how enrichers, linkers, export formats and language packs get registered.

A plugin is a module with any of these hook functions, each given its registry:

    def register_enrichers(registry): registry.add("sentiment", Enricher(...))
    def register_linkers(registry): ...
    def register_exporters(registry): ...
    def register_languages(registry): ...

headwater's own components are plugins too (``DEFAULT_PLUGINS``, as datasette's built-in features
are); installed packages add theirs through the ``headwater`` entry-point group, and a program can
call ``register_plugin`` with a module. Loading is explicit (``load_plugins``), idempotent, and never
happens at import time.
"""
from __future__ import annotations

import importlib
from collections.abc import Iterable
from importlib.metadata import entry_points
from types import ModuleType
from typing import Any

from headwater.enrich.registry import ENRICHERS
from headwater.export.registry import EXPORTERS
from headwater.lang import LANGUAGES
from headwater.link.registry import LINKERS
from headwater.registry import Registry

DEFAULT_PLUGINS = ("headwater.lang.builtin", "headwater.enrich.builtin", "headwater.link.builtin",
                   "headwater.export.builtin")
ENTRY_POINT_GROUP = "headwater"
HOOKS: dict[str, Registry[Any]] = {"register_languages": LANGUAGES, "register_enrichers": ENRICHERS,
                                   "register_linkers": LINKERS, "register_exporters": EXPORTERS}
_loaded: set[str] = set()


class PluginError(RuntimeError):
    """A plugin module that cannot be imported or has no hook."""


def register_plugin(plugin: str | ModuleType) -> None:
    """Call the hooks of one plugin module (a module object or its dotted name); once per module."""
    try:
        module = importlib.import_module(plugin) if isinstance(plugin, str) else plugin
    except ImportError as exc:
        raise PluginError(f"plugin {plugin!r} cannot be imported: {exc}") from None
    if module.__name__ in _loaded:
        return
    hooks = [h for h in HOOKS if callable(getattr(module, h, None))]
    if not hooks:
        raise PluginError(f"plugin {module.__name__} defines none of {', '.join(HOOKS)}")
    for h in hooks:
        getattr(module, h)(HOOKS[h])
    _loaded.add(module.__name__)


def load_plugins(extra: Iterable[str | ModuleType] = ()) -> None:
    """Register the built-ins, the installed plugins (entry points) and ``extra``."""
    for name in DEFAULT_PLUGINS:
        register_plugin(name)
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        register_plugin(ep.value)
    for p in extra:
        register_plugin(p)
