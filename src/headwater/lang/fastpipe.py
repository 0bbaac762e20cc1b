"""Two of spaCy's rule components made cheap, with the same output token for token.

Profiled on 179 FA-KES news articles (a loaded 2-core machine), ``en_core_web_sm``'s attribute ruler
took 11% of the parse and its rule lemmatizer 5%, though neither learns anything: the ruler runs
179 token patterns through spaCy's general ``Matcher`` on every token, and the lemmatizer makes a
Python ``Token`` per token to look up a lemma that depends on three numbers. Headwater reads every
annotation of the pipeline (tags, POS, morphology, lemmas, the parse, entities), so nothing can be
disabled; these two are replaced instead:

- ``FastAttributeRuler`` matches the ruler's own patterns (the subset of the Matcher's grammar a ruler
  uses: TAG, LOWER, DEP, IS_SPACE... compared with a string, IN, NOT_IN, REGEX; consecutive tokens, no
  operators) and applies the matches exactly as ``AttributeRuler.set_annotations`` does: all matched on
  the unmodified Doc first, then set in pattern order, later patterns winning. A token's match set
  depends only on its attribute values: each value's tests are evaluated once (cached) and a token's
  result is the AND of its values' bit masks.
  A ruler whose patterns use anything else is left as it is (``speed_up`` does not list it).
- ``FastLemmatizer`` keeps the rule lemmatizer's own function and tables, and caches its result by
  (ORTH, POS, MORPH), which is all a rule lemma depends on (spaCy's own cache uses the same key),
  reading and writing the Doc as arrays.

Measured the same way (CPU time, two passes over the articles), the ruler went from 11.2% to 1.6% of
the parse and the lemmatizer from 5.2% to 0.9%. ``headwater.resources.load_nlp`` applies them;
``benchmarks/throughput_bench.py`` measures against the pipeline as spaCy ships it, and
``tests/test_fastpipe.py`` checks that the annotations are identical.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Token attributes a ruler pattern may test here: strings compared as strings, flags as booleans.
_STRING_ATTRS = frozenset({"ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA", "ENT_TYPE"})
_FLAG_ATTRS = frozenset({"IS_SPACE", "IS_PUNCT", "IS_DIGIT", "IS_ALPHA", "IS_TITLE", "IS_LOWER", "IS_UPPER",
                         "LIKE_NUM", "IS_STOP"})
# Caches (attribute values, lemmas) are emptied past this many entries: a long-running server meets
# new words forever. 200,000 entries are some tens of MB; FA-KES's 179 articles make 5,182 attribute
# values (165 distinct match sets) and 6,367 lemmas.
_CACHE_MAX = 200_000

Pred = Callable[[Any], bool]


class _In:
    """A value among ``members`` (a string, a flag, or IN [...]); indexed by value, not called."""

    def __init__(self, members: frozenset[Any]) -> None:
        self.members = members

    def __call__(self, v: Any) -> bool:
        return v in self.members


def _value_pred(spec: Any) -> Pred | None:
    """What one attribute's value must be: a string/bool, or {IN: [...]}, {NOT_IN: [...]}, {REGEX: ...};
    None for anything else (the ruler is then left as it is)."""
    if isinstance(spec, (str, bool)):
        return _In(frozenset([spec]))
    if isinstance(spec, dict) and len(spec) == 1:
        ((op, arg),) = spec.items()
        if op == "IN" and isinstance(arg, list):
            return _In(frozenset(arg))
        if op == "NOT_IN" and isinstance(arg, list):
            outside = frozenset(arg)
            return lambda v: v not in outside
        if op == "REGEX" and isinstance(arg, str):
            rx = re.compile(arg)
            return lambda v: isinstance(v, str) and rx.search(v) is not None
    return None


class FastAttributeRuler:
    """An ``AttributeRuler``'s own patterns and attributes, matched without the general Matcher."""

    def __init__(self, ruler: Any) -> None:
        from spacy import attrs as A
        from spacy.tokens._retokenize import set_token_attrs

        self.name = ruler.name
        self.ruler = ruler
        self._set = set_token_attrs
        self._strings = ruler.vocab.strings
        self.attrs: list[Any] = list(ruler.attrs)  # normalized by the ruler: applied exactly as it applies them
        self.indices: list[int] = list(ruler.indices)
        tests: dict[tuple[tuple[str, Any], ...], int] = {}  # one token's pattern -> its test id
        self._tests: list[list[tuple[int, Pred]]] = []  # test id -> (column, predicate) pairs
        self._single: list[tuple[int, int]] = []  # (pattern index, test id) of one-token patterns
        self._multi: list[tuple[int, list[int]]] = []  # (pattern index, test ids) of longer ones
        names: list[str] = []
        self.supported = True
        for i, p in enumerate(ruler.patterns):
            for pattern in p["patterns"]:
                ids: list[int] = []
                for tok in pattern:
                    key = tuple(sorted((k, repr(v)) for k, v in tok.items()))
                    if key not in tests:
                        checks: list[tuple[int, Pred]] = []
                        if not tok:  # {} matches any token: not a ruler's pattern; leave it to spaCy
                            self.supported = False
                            return
                        for attr, spec in tok.items():
                            pred = _value_pred(spec)
                            if pred is None or attr not in _STRING_ATTRS | _FLAG_ATTRS:
                                self.supported = False
                                return
                            if attr not in names:
                                names.append(attr)
                            checks.append((names.index(attr), pred))
                        tests[key] = len(self._tests)
                        self._tests.append(checks)
                    ids.append(tests[key])
                if not ids:
                    self.supported = False
                    return
                if len(ids) == 1:
                    self._single.append((i, ids[0]))
                else:
                    self._multi.append((i, ids))
        self._columns = [getattr(A, n) for n in names]
        self._flags = [n in _FLAG_ATTRS for n in names]
        everything = (1 << len(self._tests)) - 1
        # per column: the tests that do not look at it (they pass whatever its value), the tests that
        # want one of some values (indexed by value), and the others (NOT_IN, REGEX), tried one by one
        self._free = [everything] * len(names)
        self._wanted: list[dict[Any, int]] = [{} for _ in names]
        self._tried: list[list[tuple[int, Pred]]] = [[] for _ in names]
        for t, checks in enumerate(self._tests):
            for col, pred in checks:
                self._free[col] &= ~(1 << t)
                members = getattr(pred, "members", None)
                if members is None:
                    self._tried[col].append((1 << t, pred))
                for value in members or ():
                    self._wanted[col][value] = self._wanted[col].get(value, 0) | 1 << t
        # (column, value hash) -> bit mask of the tests whose checks on that column pass
        self._by_value: dict[tuple[int, int], int] = {}
        # bit mask of passed tests -> (one-token patterns in order, longer patterns that may start here)
        self._by_mask: dict[int, tuple[tuple[int, ...], tuple[int, ...]]] = {}

    def __reduce__(self) -> tuple[Any, ...]:  # pickled as the spaCy component it stands for, rebuilt
        return (FastAttributeRuler, (self.ruler,))

    def to_bytes(self, **kwargs: Any) -> bytes:  # serialized as the spaCy component it replaces
        return self.ruler.to_bytes(**kwargs)  # type: ignore[no-any-return]

    def _value_mask(self, col: int, value: int) -> int:
        v: Any = bool(value) if self._flags[col] else self._strings[value]
        mask = self._free[col] | self._wanted[col].get(v, 0)
        for bit, pred in self._tried[col]:
            if pred(v):
                mask |= bit
        return mask

    def _mask_matches(self, mask: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
        return (tuple(i for i, t in self._single if mask >> t & 1),
                tuple(j for j, (_, ids) in enumerate(self._multi) if mask >> ids[0] & 1))

    def _token_masks(self, doc: Doc) -> list[int]:
        """Each token's passed tests, as a bit mask: the AND of its columns' value masks."""
        n = len(doc)
        by_value = self._by_value
        if len(by_value) > _CACHE_MAX:
            by_value.clear()
        table: Any = doc.to_array(self._columns)
        cols: list[list[int]] = table.reshape(n, -1).T.tolist()
        masks = [-1] * n
        for col, values in enumerate(cols):
            for k, value in enumerate(values):
                m = by_value.get((col, value))
                if m is None:
                    m = by_value[(col, value)] = self._value_mask(col, value)
                masks[k] &= m
        return masks

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not self._columns or not n:
            return doc
        masks = self._token_masks(doc)
        by_mask = self._by_mask
        if len(by_mask) > _CACHE_MAX:
            by_mask.clear()
        matches = []
        for s, mask in enumerate(masks):
            hit = by_mask.get(mask)
            if hit is None:
                hit = by_mask[mask] = self._mask_matches(mask)
            singles, starts = hit
            for i in singles:
                matches.append((i, s, s + 1))
            for j in starts:
                i, ids = self._multi[j]
                end = s + len(ids)
                if end <= n and all(masks[s + k] >> t & 1 for k, t in enumerate(ids)):
                    matches.append((i, s, end))
        matches.sort()  # pattern order, as AttributeRuler.match sorts them: later patterns win
        for i, start, end in matches:
            index = self.indices[i]
            self._set(doc[start + index if index >= 0 else end + index], self.attrs[i])
        return doc


class FastLemmatizer:
    """A rule ``Lemmatizer`` whose lemmas are cached by (ORTH, POS, MORPH), its own function computing
    each new one; the Doc is read and written as arrays, not token by token.

    Its function runs on a copy whose word index per POS is a set: spaCy's English index is a list of
    up to 57,528 words, scanned for every candidate form (about 0.35 ms a new lemma under the profiler,
    6,367 of them in FA-KES's 179 articles); the function only asks ``form in index``, which a set
    answers the same."""

    def __init__(self, lemmatizer: Any) -> None:
        import copy

        from spacy.lookups import Lookups

        self.name = lemmatizer.name
        self.lemmatizer = lemmatizer
        self._strings = lemmatizer.vocab.strings
        self._cache: dict[tuple[int, int, int], int] = {}
        view = copy.copy(lemmatizer)
        lookups = Lookups()
        for table_name in lemmatizer.lookups.tables:
            table = lemmatizer.lookups.get_table(table_name)
            if table_name == "lemma_index":
                indexed = lookups.add_table(table_name)
                for key, words in table.items():
                    indexed[key] = frozenset(words) if isinstance(words, list) else words
            else:
                lookups.set_table(table_name, table)
        view.lookups = lookups
        view.cache = {}
        self._lemmatize = view.rule_lemmatize

    def __reduce__(self) -> tuple[Any, ...]:  # pickled as the spaCy component it stands for, rebuilt
        return (FastLemmatizer, (self.lemmatizer,))

    def to_bytes(self, **kwargs: Any) -> bytes:  # serialized as the spaCy component it replaces
        return self.lemmatizer.to_bytes(**kwargs)  # type: ignore[no-any-return]

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        lem = self.lemmatizer
        if not lem._validated:  # as Lemmatizer.__call__: the tables are checked on first use
            from spacy.errors import Errors

            lem._validate_tables(Errors.E1004)
        if not len(doc):
            return doc
        if len(self._cache) > _CACHE_MAX:
            self._cache.clear()
        arr: Any = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas: Any = arr[:, 3].copy()
        cache, overwrite = self._cache, lem.overwrite
        for i, (orth, pos, morph, lemma) in enumerate(arr.tolist()):
            if overwrite or lemma == 0:
                key = (orth, pos, morph)
                value = cache.get(key)
                if value is None:
                    value = cache[key] = self._strings.add(self._lemmatize(doc[i])[0])
                lemmas[i] = value
        doc.from_array([LEMMA], lemmas)
        return doc


def speed_up(nlp: Language) -> list[str]:
    """Replace the pipeline's attribute ruler and rule lemmatizer with the fast equivalents, in place;
    the names of the components replaced."""
    done = []
    components = nlp._components  # type: ignore[attr-defined]  # (name, component), disabled ones too
    for pos, (name, proc) in enumerate(list(components)):
        fast: Any = None
        if type(proc).__name__ == "AttributeRuler":
            fast = FastAttributeRuler(proc)
            if not fast.supported:
                continue
        elif type(proc).__name__ in ("Lemmatizer", "EnglishLemmatizer") and getattr(proc, "mode", None) == "rule":
            fast = FastLemmatizer(proc)
        if fast is not None:
            components[pos] = (name, fast)
            done.append(name)
    return done
