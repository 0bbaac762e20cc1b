"""Attributions: who an article says a claim comes from. Cue words (cues), quotes (quotes), headlines
(headlines), the finder (find) and the source registry that types speakers (sources)."""
