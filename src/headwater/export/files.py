"""Writing export files: atomically (a reader never sees half a file), with the standard writers."""
from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any


class ExportError(Exception):
    """The database cannot be exported as asked (missing, not a headwater database, bad format, bad path)."""


def write_atomic(path: Path, write: Callable[[Path], None]) -> Path:
    """Write through a temporary file next to ``path``, so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def write_json(data: Any, path: Path) -> Path:
    def w(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=1)
    return write_atomic(path, w)
