"""The command line and the report, as a user meets them."""
from __future__ import annotations

import json
import re
from pathlib import Path

import click
from click.testing import CliRunner

from headwater.cli import main

from .conftest import EXAMPLES


def test_every_command_has_help_with_an_example() -> None:
    assert isinstance(main, click.Group)
    commands = [[n] for n, c in main.commands.items() if not isinstance(c, click.Group)]
    commands += [[n, sub] for n, c in main.commands.items() if isinstance(c, click.Group) for sub in c.commands]
    for path in commands:
        result = CliRunner().invoke(main, [*path, "--help"])
        assert result.exit_code == 0, path
        assert "Example:" in result.output, f"{' '.join(path)} --help has no example"


def test_analyze_writes_outputs_and_a_summary(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["analyze", str(EXAMPLES), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "5 articles in the corpus (5 new" in result.output
    for name in ("analysis.json", "report.html", "headwater.db"):
        assert (tmp_path / name).is_file()
    search = CliRunner().invoke(main, ["search", "Ghwayran", "--db", str(tmp_path / "headwater.db")])
    assert search.exit_code == 0 and "Daesh" in search.output


def test_exit_code_is_nonzero_only_when_nothing_could_be_analyzed(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    bad = CliRunner().invoke(main, ["analyze", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "o")])
    assert bad.exit_code == 1
    assert "empty.txt: empty: no text in it" in bad.output
    mixed = CliRunner().invoke(main, ["analyze", str(tmp_path / "empty.txt"), str(EXAMPLES), "--out", str(tmp_path / "o2")])
    assert mixed.exit_code == 0


HOSTILE = """<html><head><title>Breaking <script>window.pwned=1</script> news</title></head><body><article>
<h1>Breaking <img src=x onerror="window.pwned=1"> news</h1>
<p>Officials said on Monday that the talks <script>window.pwned=1</script> had failed, according to a statement.</p>
<p>Read the <a href="javascript:window.pwned=1">full statement</a> at the ministry site, the spokesman added today.</p>
<p>Another paragraph <iframe src="https://evil.example/"></iframe> about the negotiations and what comes next.</p>
</article></body></html>"""


def test_report_escapes_hostile_text_and_loads_nothing(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "evil.html").write_text(HOSTILE)
    (tmp_path / "in" / "evil.jsonl").write_text(json.dumps({
        "text": "<script>window.pwned=1</script> Body text of a hostile article that says things.",
        "title": "<img src=x onerror=alert(1)>", "url": "javascript:alert(1)"}))
    result = CliRunner().invoke(main, ["analyze", str(tmp_path / "in"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "o" / "report.html").read_text()
    assert "<script" not in page.lower() and "<img" not in page.lower() and "<iframe" not in page.lower()
    assert 'href="javascript:' not in page.lower()
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    # nothing is loaded from elsewhere: no src attributes, links only in anchors, a CSP forbids the rest
    assert not re.search(r"<[^>]*\ssrc\s*=", page)
    assert "default-src 'none'" in page
