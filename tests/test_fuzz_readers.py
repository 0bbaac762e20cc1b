"""Property tests of the readers: random bytes, random nesting, random encodings and truncations never
raise out of ``iter_inputs``; every input gives an article or an error naming it."""
from __future__ import annotations

import gzip
import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from headwater.ingest import IngestOptions, iter_inputs
from headwater.ingest.bounded import BoundedGunzip, json_depth
from headwater.ingest.containers import sniff_kind
from headwater.model import InputError, RawInput

from .malformed import GOOD_BODY, _warc_record

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SUFFIXES = [".txt", ".html", ".jsonl", ".warc", ".warc.gz", ".md", ".bin"]
ENCODINGS = ["utf-8", "utf-16", "utf-32", "latin-1", "cp1252", "shift_jis", "koi8-r"]


def _read(data: bytes, suffix: str) -> list[RawInput | InputError]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        items = list(iter_inputs([str(path)], IngestOptions(max_bytes=1 << 20)))
        assert items, "an input gave neither an article nor an error"
        for it in items:
            assert isinstance(it, (RawInput, InputError)) and it.source.startswith(str(path))
            if isinstance(it, InputError):
                assert it.reason.strip() and "bug in headwater" not in it.reason
        return items


@SETTINGS
@given(st.binary(max_size=4096), st.sampled_from(SUFFIXES))
def test_random_bytes_of_any_kind(data: bytes, suffix: str) -> None:
    _read(data, suffix)


@SETTINGS
@given(st.text(max_size=2000), st.sampled_from(ENCODINGS), st.sampled_from(SUFFIXES), st.integers(0, 4000))
def test_random_text_in_random_encodings_truncated(text: str, encoding: str, suffix: str, cut: int) -> None:
    data = text.encode(encoding, "replace")
    _read(data[:cut], suffix)


nested = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                      lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                      max_leaves=50)


@SETTINGS
@given(st.lists(nested, max_size=5), st.integers(0, 3000))
def test_json_lines_of_random_values_and_depths(values: list[object], depth: int) -> None:
    lines = [json.dumps(v) for v in values] + ["[" * depth + "]" * depth, json.dumps({"text": GOOD_BODY.format(n=depth)})]
    items = _read("\n".join(lines).encode(), ".jsonl")
    assert any(isinstance(i, RawInput) for i in items)  # the good line beside them is read


@SETTINGS
@given(st.binary(max_size=400), st.integers(0, 2000), st.booleans())
def test_warc_records_with_random_payloads_and_truncations(payload: bytes, cut: int, compress: bool) -> None:
    data = _warc_record("http://example.test/a", payload) + _warc_record(None, payload)
    data = data[:cut] if cut < len(data) else data
    _read(gzip.compress(data) if compress else data, ".warc.gz" if compress else ".warc")


@SETTINGS
@given(st.lists(st.binary(max_size=3000), min_size=1, max_size=5), st.integers(1, 5000))
def test_bounded_gunzip_gives_back_what_gzip_took(members: list[bytes], block: int) -> None:
    stream = io.BufferedReader(BoundedGunzip(io.BytesIO(b"".join(gzip.compress(m) for m in members))), block)
    assert stream.read() == b"".join(members)


@SETTINGS
@given(nested)
def test_json_depth_matches_the_structure(value: object) -> None:
    def depth(v: object) -> int:
        if isinstance(v, list):
            return 1 + max((depth(x) for x in v), default=0)
        if isinstance(v, dict):
            return 1 + max((depth(x) for x in v.values()), default=0)
        return 0

    assert json_depth(json.dumps(value)) == depth(value)


@SETTINGS
@given(st.text(max_size=3000))
def test_sniffing_never_raises(text: str) -> None:
    assert sniff_kind(text) in ("html", "jsonl", "text")
