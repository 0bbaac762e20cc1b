"""Claims: what an article asserts, one record per claim (``records.find_claims``)."""
