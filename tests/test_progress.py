"""What a run shows while it goes: a plain progress line every few seconds when stderr is not a
terminal, bars in one, nothing but errors with --quiet; the library itself never prints."""
from __future__ import annotations

import io
from pathlib import Path

from click.testing import CliRunner

from headwater.cli import main
from headwater.console import ConsoleProgress
from headwater.pipeline import count_inputs

from .conftest import EXAMPLES


class Clock:
    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


def test_lines_every_few_seconds_with_total_and_time_left() -> None:
    out, clock = io.StringIO(), Clock()
    prog = ConsoleProgress("lines", stream=out, interval=5.0, clock=clock)
    prog.update("analyzing", 0, 100)
    for done in range(1, 101):
        clock.t += 0.5  # two articles a second: a line every ten articles
        prog.update("analyzing", done, 100)
    lines = out.getvalue().splitlines()
    assert 9 <= len(lines) <= 12, lines
    assert lines[1].startswith("  analyzing: 10/100 (10%)") and "s left" in lines[1]
    prog.update("linking", 0, 3)
    prog.update("linking", 3, 3)  # a stage's end gets its line whatever the clock
    assert out.getvalue().splitlines()[-1] == "  linking: 3/3 (100%)"


def test_quiet_shows_errors_only() -> None:
    out = io.StringIO()
    prog = ConsoleProgress("quiet", stream=out)
    prog.update("reading", 1, 2)
    prog.advance("a.txt")
    prog.error("b.txt", "no article text found in it")
    assert out.getvalue() == "skipped b.txt: no article text found in it\n"


def test_bars_write_markup_as_text() -> None:
    out = io.StringIO()
    prog = ConsoleProgress("bars", verbose=True, stream=out)
    prog.update("analyzing", 1, 2)
    prog.error("[bold]x.txt", "bad [red]input")
    prog.finish()
    assert "[bold]x.txt" in out.getvalue() and "bad [red]input" in out.getvalue()


def test_count_inputs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / ".hidden").write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("x", encoding="utf-8")
    assert count_inputs([str(tmp_path)]) == 2
    assert count_inputs([str(tmp_path / "*.txt"), "https://example.org/x", "missing.txt"]) == 3


def test_piped_analyze_shows_progress_lines_and_the_summary(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["analyze", str(EXAMPLES), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    err = result.stderr
    for stage in ("reading: 0/5", "analyzing:", "linking:", "writing: 3/3"):
        assert stage in err, err
    assert "found     1 narrative, 2 contradictions" in result.stdout
    assert (tmp_path / "out" / "headwater.metadata.json").is_file()
    quiet = CliRunner().invoke(main, ["analyze", str(EXAMPLES), "--out", str(tmp_path / "out"), "--quiet"])
    assert quiet.exit_code == 0 and quiet.stderr == ""
