"""Enrich: per-article stages that find places, attributions and events in a clean article.

Enrichers are registered components (``enrich.registry``): each declares what it ``requires`` and
``assigns``, and the order is checked before a run starts. They are pure functions of one article and
the shared read-only resources, so they run in worker processes or on a cluster. The built-ins
(``enrich.builtin``) register through the same hook as a plugin.
"""
from headwater.enrich.registry import ENRICHERS, Context, Enricher, PipelineError, check_pipeline, run_enrichers

__all__ = ["ENRICHERS", "Context", "Enricher", "PipelineError", "check_pipeline", "run_enrichers"]
