"""YAML read with libyaml's C parser where PyYAML has it (the registries and language packs: about ten
times faster than the pure-Python parser, whose start-up cost each process and each run paid)."""
from __future__ import annotations

from typing import IO, Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str | bytes | IO[str] | IO[bytes]) -> Any:
    """``yaml.safe_load`` of ``text``, by the C parser when there is one."""
    return yaml.load(text, Loader=_LOADER)
