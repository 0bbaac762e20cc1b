"""The ``headwater`` command: a thin layer over the library (``headwater.analyze`` and friends)."""
from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from headwater import __version__
from headwater.lang import languages_line
from headwater.pipeline import AnalyzeOptions, analyze
from headwater.resources import DEFAULT_MODEL, ModelError


class _ConsoleProgress:
    """Errors as one line each on stderr; a live counter when stderr is a terminal."""

    def __init__(self, show: bool) -> None:
        self.show = show
        self.done = 0
        self.started = time.monotonic()

    def advance(self, source: str) -> None:
        self.done += 1
        # Runs of a couple of seconds or more get a counter; short runs stay quiet.
        if self.show and time.monotonic() - self.started > 2:
            click.echo(f"\r  analyzed {self.done} inputs …", err=True, nl=False)

    def error(self, source: str, reason: str) -> None:
        if self.show and self.done:
            click.echo("\r" + " " * 40 + "\r", err=True, nl=False)
        click.echo(f"skipped {source}: {reason}", err=True)

    def finish(self) -> None:
        if self.show and time.monotonic() - self.started > 2:
            click.echo("\r" + " " * 40 + "\r", err=True, nl=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="headwater")
def main() -> None:
    """Trace every claim in the news back to its source."""


@main.command("analyze")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for analysis.json, report.html and (by default) the database.")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), help="SQLite database to add to (default OUT/headwater.db).")
@click.option("--model", default=DEFAULT_MODEL, show_default=True,
              help="spaCy pipeline to use (an installed package name or path).")
@click.option("--workers", type=int, help="Worker processes (default: one per CPU).")
@click.option("--max-bytes", type=int, default=20 * 1024 * 1024, show_default=True,
              help="Largest article read; bigger inputs are reported and skipped.")
@click.option("--allow-private", is_flag=True, help="Allow fetching URLs on private or loopback addresses.")
@click.option("--force", is_flag=True, help="Re-analyze inputs the database already has.")
@click.option("--outlets", "outlets_path", type=click.Path(exists=True, dir_okay=False),
              help="Outlet registry YAML to use instead of the built-in one.")
def analyze_cmd(inputs: tuple[str, ...], out_dir: str, db_path: str | None, model: str, workers: int | None,
                max_bytes: int, allow_private: bool, force: bool, outlets_path: str | None) -> None:
    """Analyze articles: files, folders, globs, - (stdin), .txt, .html, .jsonl, .warc(.gz) or URLs.

    Writes OUT/analysis.json, OUT/report.html and adds the articles to the database.

    Example: headwater analyze examples/seeds --out out/
    """
    progress = _ConsoleProgress(show=sys.stderr.isatty())
    opts = AnalyzeOptions(db_path=db_path, model=model, workers=workers, max_bytes=max_bytes,
                          allow_private=allow_private, force=force, outlets_path=outlets_path)
    started = time.monotonic()
    try:
        result = analyze(inputs, out_dir, opts, progress=progress, stdin=sys.stdin.buffer)
    except ModelError as exc:
        raise click.ClickException(str(exc)) from None
    progress.finish()
    arts = result.articles
    outlets = {a.outlet.name for _, a in arts if a.outlet}
    click.echo(f"{len(arts)} articles in the corpus ({result.analyzed} new, {result.skipped} already analyzed, "
               f"{result.duplicates} duplicates) from {len(outlets)} outlets; {len(result.errors)} inputs skipped "
               f"with errors; {time.monotonic() - started:.1f} s")
    click.echo("  " + languages_line(arts))
    for name, path in result.outputs.items():
        click.echo(f"  {name:9s} {path}")
    if not arts and result.errors:
        sys.exit(1)


@main.command("search")
@click.argument("query")
@click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False), help="The headwater database.")
@click.option("--limit", default=20, show_default=True)
def search_cmd(query: str, db_path: str, limit: int) -> None:
    """Full-text search of the stored articles (SQLite FTS5 syntax).

    Example: headwater search 'Tanf AND Hasakah' --db out/headwater.db
    """
    import sqlite3

    from headwater.store import Store

    with Store(Path(db_path)) as store:
        try:
            hits = store.search(query, limit)
        except sqlite3.OperationalError as exc:
            raise click.ClickException(f"bad query: {exc}") from None
    for h in hits:
        click.echo(f"a{h['id']}\t{h['title'] or '(no title)'}\t{h['snippet']}")
    if not hits:
        click.echo("no match", err=True)


@main.group("claims")
def claims_group() -> None:
    """Known claims: databases of debunked claims that narratives are matched against."""


@claims_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False), help="The headwater database.")
def claims_import_cmd(file: str, db_path: str) -> None:
    """Import known claims: an EUvsDisinfo case list (CSV) or schema.org ClaimReview (JSON).

    Narratives are matched against them at the end of every analyze run.

    Example: headwater claims import euvsdisinfo-cases.csv --db out/headwater.db
    """
    from headwater.link.known import read_claims
    from headwater.store import Store

    try:
        claims = read_claims(file)
    except (ValueError, UnicodeDecodeError, KeyError) as exc:
        raise click.ClickException(f"{file}: not a known-claims file headwater reads ({exc})") from None
    with Store(Path(db_path)) as store:
        new = store.add_known_claims(claims)
    click.echo(f"{len(claims)} claims read from {file}, {new} new in {db_path}")


@main.group("gazetteer")
def gazetteer_group() -> None:
    """The gazetteer places are resolved with: GeoNames, first-level divisions and the curated supplement."""


@gazetteer_group.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
def gazetteer_import_cmd(files: tuple[str, ...]) -> None:
    """Add GeoNames dump files: allCountries.zip, a country file (SY.zip), cities500.zip, alternateNamesV2.zip.

    The gazetteer index is compiled again with them (once, now).

    Example: headwater gazetteer import SY.zip alternateNamesV2.zip
    """
    from headwater.enrich.places.gazetteer import Gazetteer, cache_dir
    from headwater.enrich.places.geonames_import import convert

    for f in files:
        try:
            kind, n = convert(Path(f), cache_dir())
        except (ValueError, OSError, UnicodeDecodeError) as exc:
            raise click.ClickException(f"{f}: {exc}") from None
        click.echo(f"{f}: {n:,} {kind}")
    started = time.monotonic()
    gz = Gazetteer.load()
    click.echo(f"gazetteer compiled: {len(gz):,} places ({time.monotonic() - started:.0f} s)")


@main.command("export")
@click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False), help="The headwater database.")
@click.option("--format", "fmt", required=True,
              type=click.Choice(["json", "csv", "parquet", "geojson", "gexf", "graphml", "prov-json"]),
              help="json: analysis.json; csv/parquet: one table per kind; geojson: places and events; "
                   "gexf/graphml: the citation graph; prov-json: W3C PROV.")
@click.option("--out", "out_path", required=True, type=click.Path(),
              help="The file to write; for csv and parquet a folder (created) holding articles.csv, places.csv…")
def export_cmd(db_path: str, fmt: str, out_path: str) -> None:
    """Export the database for other tools: Excel/pandas/DuckDB (csv, parquet), QGIS (geojson),
    Gephi/yEd (gexf, graphml), PROV tools (prov-json), or the analysis.json document (json).

    csv and parquet write a folder of tables: articles, places, attributions, events, narratives
    and narrative_articles.

    \b
    Example: headwater export --db out/headwater.db --format geojson --out out/map.geojson
    """
    from headwater.export import ExportError, export

    try:
        path = export(db_path, fmt, out_path)
    except ExportError as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise click.ClickException(f"cannot write {out_path}: {exc}") from None
    click.echo(f"{fmt} export written to {path}")


@main.command("serve")
@click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False), help="The headwater database.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback exposes the corpus to your network.")
@click.option("--port", default=8765, show_default=True, type=int)
@click.option("--token", envvar="HEADWATER_TOKEN",
              help="Enable POST /analyze for callers sending 'Authorization: Bearer TOKEN' (or set HEADWATER_TOKEN).")
def serve_cmd(db_path: str, host: str, port: int, token: str | None) -> None:
    """Browse the database in a local web app; every page has a JSON twin (append .json to the path).

    /openapi.json describes the JSON API. Without --token the app is read-only.

    \b
    Example: headwater serve --db out/headwater.db
    """
    import uvicorn

    from headwater.serve import create_app

    loopback = host in ("127.0.0.1", "localhost", "::1")
    hosts = ["127.0.0.1", "localhost", "[::1]", "::1"] if loopback else None  # refuse DNS-rebound Host headers
    app = create_app(db_path, token, allowed_hosts=hosts)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"headwater serving {db_path} on http://{shown}:{port}/ ({'writes enabled' if token else 'read-only'})",
               err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
