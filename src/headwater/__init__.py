"""headwater: trace every claim in the news back to its source.

    >>> import headwater
    >>> result = headwater.analyze(["examples/seeds"], out_dir="out")   # doctest: +SKIP
    >>> [a.title for a in result.articles]                              # doctest: +SKIP
"""
from __future__ import annotations

__version__ = "0.1.0"

from headwater.model import Article, InputError, Outlet, RawInput
from headwater.pipeline import Analysis, AnalyzeOptions, analyze

__all__ = ["Analysis", "AnalyzeOptions", "Article", "InputError", "Outlet", "RawInput", "__version__", "analyze"]
