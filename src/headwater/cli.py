"""The ``headwater`` command: a thin layer over the library (``headwater.analyze`` and friends)."""
from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from headwater import __version__
from headwater.embed import EmbedderError
from headwater.enrich.registry import PipelineError
from headwater.lang import languages_line, vectors_notice
from headwater.link.taxonomy import TaxonomyError
from headwater.model import key
from headwater.pipeline import AnalyzeOptions, Linked, analyze
from headwater.resources import DEFAULT_MODEL, ModelError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="headwater")
def main() -> None:
    """Trace every claim in the news back to its source."""


@main.command("analyze")
@click.argument("inputs", nargs=-1)
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
@click.option("--relink", is_flag=True,
              help="Link the whole corpus again (copies and stories are otherwise updated with the new articles only).")
@click.option("--outlets", "outlets_path", type=click.Path(exists=True, dir_okay=False),
              help="Outlet registry YAML to use instead of the built-in one.")
@click.option("--taxonomy", "taxonomy_path", type=click.Path(exists=True, dir_okay=False),
              help="Known narratives (YAML, or CSV id,label,description,examples) to match claims and narratives to.")
@click.option("--vectors", type=click.Choice(["lexical", "e5", "auto"]),
              help="Claim vectors: lexical (fast, one language at a time), e5 (multilingual, about twice the time "
                   "per article) or auto (e5 where installed). Default: lexical; auto with --taxonomy.")
@click.option("--scheduler", metavar="ADDRESS",
              help="A Dask scheduler (tcp://HOST:PORT): analyze the articles on its cluster (needs headwater[cluster]).")
@click.option("--quiet", "-q", is_flag=True, help="No progress; only skipped inputs and the summary.")
@click.option("--verbose", "-v", is_flag=True, help="Also a line for every input read.")
def analyze_cmd(inputs: tuple[str, ...], out_dir: str, db_path: str | None, model: str, workers: int | None,
                max_bytes: int, allow_private: bool, force: bool, relink: bool, outlets_path: str | None,
                taxonomy_path: str | None, vectors: str | None, scheduler: str | None, quiet: bool, verbose: bool) -> None:
    """Analyze articles: files, folders, globs, - (stdin), .txt, .html, .jsonl, .warc(.gz) or URLs.

    Writes OUT/analysis.json, OUT/report.html and adds the articles to the database.

    Example: headwater analyze examples/seeds --out out/

    With --relink and no inputs, the database's corpus is linked again and the outputs rewritten.
    """
    from headwater.console import ConsoleProgress

    if not inputs and not relink:
        raise click.UsageError("Missing argument 'INPUTS...' (or --relink, to link the database's corpus again).")
    # bars in a terminal; in a log or a pipe, a progress line every few seconds
    progress = ConsoleProgress("quiet" if quiet else "bars" if sys.stderr.isatty() else "lines", verbose=verbose and not quiet)
    opts = AnalyzeOptions(db_path=db_path, model=model, workers=workers, max_bytes=max_bytes,
                          allow_private=allow_private, force=force, relink=relink, outlets_path=outlets_path,
                          scheduler=scheduler, taxonomy_path=taxonomy_path, vectors=vectors)
    started = time.monotonic()
    try:
        result = analyze(inputs, out_dir, opts, progress=progress, stdin=sys.stdin.buffer)
    except (ModelError, TaxonomyError, EmbedderError, PipelineError) as exc:
        raise click.ClickException(str(exc)) from None
    except ImportError as exc:
        raise click.ClickException(f"--scheduler needs the distributed package (pip install 'headwater[cluster]'): "
                                   f"{exc}") from None
    except OSError as exc:  # the scheduler cannot be reached
        raise click.ClickException(f"cannot reach the scheduler {scheduler}: {exc}") from None
    finally:
        progress.finish()  # the bars end before the summary (or the error) is printed
    s = result.summary
    click.echo(f"{s['articles']} articles in the corpus ({result.analyzed} new, {result.skipped} already analyzed, "
               f"{result.duplicates} duplicates) from {s['outlets']} outlets; {len(result.errors)} inputs skipped "
               f"with errors; {time.monotonic() - started:.1f} s")
    click.echo("  found     " + ", ".join(_count(s.get(k, 0), label) for k, label in FOUND))
    click.echo("  " + languages_line(s.get("languages") or {}))
    if notice := vectors_notice(s.get("languages") or {}, opts.claim_vectors()):
        click.echo("  " + notice)
    if result.linked is not None:
        click.echo("  " + linked_line(result.linked))
    for name, path in result.outputs.items():
        click.echo(f"  {name:9s} {path}")
    if not s["articles"] and result.errors:
        sys.exit(1)


def _names(linkers: list[str]) -> str:
    return ", ".join(n.split("/")[0] for n in linkers)


def linked_line(linked: Linked) -> str:
    """What linking did: whole, or the new articles added by the linkers that can."""
    names = _names
    if linked.new is None or not linked.updated:
        return f"linked    {linked.articles:,} articles, all linkers over the whole corpus"
    whole = f"; {names(linked.whole)} over the whole corpus" if linked.whole else ""
    return f"linked    {linked.new:,} new articles into {linked.articles - linked.new:,}: {names(linked.updated)} updated{whole}"


FOUND = (("narratives", "narrative"), ("contradictions", "contradiction"), ("stories", "story"),
         ("places", "place mention"), ("attributions", "attributed claim"), ("events", "event"))


def _count(n: int, label: str) -> str:
    plural = label[:-1] + "ies" if label.endswith("y") else label + "s"
    return f"{n:,} {label if n == 1 else plural}"


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
        click.echo(f"{key(h['id'])}\t{h['title'] or '(no title)'}\t{h['snippet']}")
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
    except (ValueError, UnicodeDecodeError, KeyError, RecursionError, AttributeError, TypeError) as exc:
        raise click.ClickException(f"{file}: not a known-claims file headwater reads ({exc})") from None
    if not claims:
        raise click.ClickException(f"{file}: no known claims in it (expected an EUvsDisinfo CSV with a 'title' or "
                                   "'claim' column, or ClaimReview JSON with 'claimReviewed')")
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
    from headwater.enrich.places.gazetteer import Gazetteer
    from headwater.enrich.places.gazetteer_sources import cache_dir
    from headwater.enrich.places.geonames_import import convert

    for f in files:
        try:
            kind, n = convert(Path(f), cache_dir())
        except (ValueError, OSError, UnicodeDecodeError) as exc:
            raise click.ClickException(f"{f}: {exc}") from None
        click.echo(f"{f}: {n:,} {kind}")
    from headwater.console import ConsoleProgress

    started = time.monotonic()
    progress = ConsoleProgress("bars" if sys.stderr.isatty() else "lines")
    try:
        gz = Gazetteer.load(on_progress=lambda done, total: progress.update("gazetteer", done, total))
    finally:
        progress.finish()
    click.echo(f"gazetteer compiled: {len(gz):,} places ({time.monotonic() - started:.0f} s)")


@main.command("export")
@click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False), help="The headwater database.")
@click.option("--format", "fmt", required=True, metavar="FORMAT",
              help="A registered format: json (analysis.json), csv/parquet (one table per kind), geojson (places and "
                   "events), gexf/graphml (the citation graph), prov-json (W3C PROV), and any a plugin adds.")
@click.option("--out", "out_path", required=True, type=click.Path(),
              help="The file to write; for csv and parquet a folder (created) holding articles.csv, places.csv…")
@click.option("--csv-formula-guard", is_flag=True,
              help="csv: prefix a ' to text cells a spreadsheet would run as a formula (starting with = + - @, a tab "
                   "or a carriage return). Off by default, since it changes the data; README.txt in the folder says "
                   "when it is on.")
def export_cmd(db_path: str, fmt: str, out_path: str, csv_formula_guard: bool) -> None:
    """Export the database for other tools: Excel/pandas/DuckDB (csv, parquet), QGIS (geojson),
    Gephi/yEd (gexf, graphml), PROV tools (prov-json), or the analysis.json document (json).

    csv and parquet write a folder of tables (every table of the analysis document: articles,
    places, attributions, unattributed_claims, events, stories, copies, narratives, contradictions,
    provenance…, joined by their ids) and a README.txt describing them. No export holds a local path:
    an input is named by its file name.

    \b
    Example: headwater export --db out/headwater.db --format geojson --out out/map.geojson
    """
    from headwater.export import ExportError
    from headwater.pipeline import export_database

    try:
        path = export_database(db_path, fmt, out_path, {"csv_formula_guard": csv_formula_guard})
    except ExportError as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise click.ClickException(f"cannot write {out_path}: {exc}") from None
    click.echo(f"{fmt} export written to {path}")


@main.command("serve")
@click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False), help="The headwater database.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback exposes the corpus to your network.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(1, 65535))
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
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
    except (OSError, OverflowError) as exc:  # the address is taken, or not one this machine has
        raise click.ClickException(f"cannot listen on {shown}:{port}: {exc}") from None


if __name__ == "__main__":  # python -m headwater.cli
    main()
