"""Link: corpus-level results computed over every stored article, apart from per-article work.

Registered linkers (``link.registry``; the built-ins in ``link.builtin``): near-duplicate copies
(``link.copies``) seed the story partition (``link.stories``); narratives, contradictions and
provenance come from the articles' claim frames and attribution chains (``link.frames``,
``link.narratives``, ``link.contradictions``); known claims are matched in ``link.known``.
"""
