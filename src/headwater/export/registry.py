"""Exporters: output formats, registered like enrichers and linkers. Each writes the analysis document
(``headwater.document``) to a file or a folder; ``headwater export --format`` offers what is registered."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from headwater.document import Doc
from headwater.registry import Registry


@dataclass(frozen=True)
class Exporter:
    name: str  # the --format value: "geojson"
    write: Callable[[Doc, Path], Path]
    folder: bool = False  # writes a folder of files (csv, parquet) instead of one file
    description: str = ""
    suffix: str = ""  # the usual file suffix, for a default output name


EXPORTERS: Registry[Exporter] = Registry("export format")
