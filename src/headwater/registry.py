"""Registries of components: enrichers, linkers, exporters and language packs.

Each layer keeps its own registry (``enrich.registry.ENRICHERS``, ``link.registry.LINKERS``,
``export.registry.EXPORTERS``, ``lang.LANGUAGES``). Built-ins fill them through the same hooks a
third-party plugin uses (``headwater.plugins``), as datasette's own features use its plugin hooks.
Nothing registers at import time.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class RegistryError(LookupError):
    """A component asked for by name is not registered, or a name is registered twice."""


class Registry(Generic[T]):
    """Named components of one kind, in registration order."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._items: dict[str, T] = {}

    def add(self, name: str, item: T, *, replace: bool = False) -> T:
        if name in self._items and not replace and self._items[name] is not item:
            raise RegistryError(f"{self.kind} {name!r} is registered twice (pass replace=True to override it)")
        self._items[name] = item
        return item

    def remove(self, name: str) -> None:
        self._items.pop(name, None)

    def get(self, name: str) -> T:
        try:
            return self._items[name]
        except KeyError:
            known = ", ".join(self._items) or "none"
            raise RegistryError(f"no {self.kind} named {name!r} (registered: {known})") from None

    def __contains__(self, name: object) -> bool:
        return name in self._items

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._items))

    def __len__(self) -> int:
        return len(self._items)

    def values(self) -> list[T]:
        return list(self._items.values())

    def items(self) -> list[tuple[str, T]]:
        return list(self._items.items())
