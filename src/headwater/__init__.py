"""headwater: trace every claim in the news back to its source.

    >>> import headwater
    >>> result = headwater.analyze(["examples/seeds"], out_dir="out")   # doctest: +SKIP
    >>> [a["title"] for a in result.document["articles"]]              # doctest: +SKIP

Importing the package loads nothing heavy: ``analyze`` and friends are imported on first use.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from headwater.model import Article, ArticleKey, InputError, Outlet, RawInput
    from headwater.pipeline import Analysis, AnalyzeOptions, analyze
    from headwater.resources import Resources

_LAZY = {"Article": "model", "ArticleKey": "model", "InputError": "model", "Outlet": "model", "RawInput": "model",
         "Analysis": "pipeline", "AnalyzeOptions": "pipeline", "analyze": "pipeline", "Resources": "resources"}

__all__ = ["Analysis", "AnalyzeOptions", "Article", "ArticleKey", "InputError", "Outlet", "RawInput", "Resources",
           "__version__", "analyze"]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f"headwater.{_LAZY[name]}"), name)
    raise AttributeError(f"module 'headwater' has no attribute {name!r}")
