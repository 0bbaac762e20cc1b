"""What the issue found works and must keep working: a run killed with SIGKILL leaves a sound database
that a rerun completes; two writers and a reader at once lose nothing and hit no lock error."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import headwater
from headwater.pipeline import AnalyzeOptions
from headwater.resources import Resources

from .conftest import ROOT
from .malformed import GOOD_BODY

RUN = ("import sys, headwater; from headwater.pipeline import AnalyzeOptions; "
       "headwater.analyze([sys.argv[1]], sys.argv[2], AnalyzeOptions(db_path=sys.argv[3], workers=1, write_outputs=False))")


def _corpus(folder: Path, n: int, tag: str) -> Path:
    folder.mkdir(parents=True)
    for i in range(n):
        (folder / f"{tag}{i:02d}.txt").write_text(f"Harbour reopens {tag} {i}\n\n" + GOOD_BODY.format(n=f"{tag} report {i}"))
    return folder


def _writer(corpus: Path, out: Path, db: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen([sys.executable, "-c", RUN, str(corpus), str(out), str(db)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _count(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def test_a_run_killed_with_sigkill_leaves_a_sound_database_and_a_rerun_completes(
        tmp_path: Path, resources: Resources) -> None:
    corpus = _corpus(tmp_path / "in", 12, "k")
    db = tmp_path / "h.db"
    proc = _writer(corpus, tmp_path / "o1", db)
    deadline = time.monotonic() + 600  # bounded: the model loads in the child first
    while _count(db) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    killed_at = _count(db)
    proc.send_signal(signal.SIGKILL)
    proc.communicate()  # reaps it and closes its pipes
    assert killed_at > 0
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    rerun = headwater.analyze([str(corpus)], tmp_path / "o2", AnalyzeOptions(db_path=db, workers=1, write_outputs=False),
                              resources=resources)
    clean = headwater.analyze([str(corpus)], tmp_path / "o3", AnalyzeOptions(workers=1, write_outputs=False),
                              resources=resources)
    texts = lambda r: sorted(a["text"] for a in r.document["articles"])  # noqa: E731
    assert texts(rerun) == texts(clean) and clean.summary["articles"] == 12 and rerun.duplicates == 0


def test_two_writers_and_a_reader_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    from headwater.store import Store

    Store(db).close()
    a, b = _corpus(tmp_path / "a", 6, "a"), _corpus(tmp_path / "b", 6, "b")
    procs = [_writer(a, tmp_path / "oa", db), _writer(b, tmp_path / "ob", db)]
    reads = 0
    deadline = time.monotonic() + 600
    while any(p.poll() is None for p in procs) and time.monotonic() < deadline:
        with Store(db) as store:  # a reader while both write
            list(store.articles())
        reads += 1
        time.sleep(0.1)
    outs = [p.communicate() for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err.decode()[-500:] for _, err in outs]
    assert not any(b"locked" in err for _, err in outs)
    assert _count(db) == 12 and reads > 0
