"""The ``incidentkit`` command line.

Each command is a pair of functions: ``add_<command>(subparsers)`` declares
its arguments and sets ``handler``, which takes the parsed arguments and
returns the exit code. Exit codes: 0 done, 1 failure, 2 usage error. Errors
are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import codecs
import datetime as dt
import os
import re
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Callable, NoReturn, TextIO

import polars as pl

import incidentkit as ik
from incidentkit import _args
from incidentkit._corpus import OUTPUT_FORMATS, Summary, from_flat, run, to_flat
from incidentkit._progress import ProgressOption

PROG = "incidentkit"
EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2

Handler = Callable[[argparse.Namespace], int]


class UsageError(Exception):
    """A wrong argument: exit code 2."""


class _Parser(argparse.ArgumentParser):
    """argparse, with its errors on one line."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the examples in the help as written."""


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}")
    return value


def _date(text: str) -> dt.date:
    try:
        day = _args.date(text, "date")
    except ValueError:
        day = None
    if day is None:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}")
    return day


def _encoding(text: str) -> str:
    try:
        codecs.lookup(text)
    except LookupError:
        raise argparse.ArgumentTypeError(
            f"expected an encoding such as utf-8, utf-16, latin-1 or cp1252, got {text!r}"
        ) from None
    return text


_LOCAL_CLUSTER = re.compile(r"local(?::([1-9][0-9]*))?")
# A scheduler address: a protocol, a host (name, IPv4 or [IPv6]) and a port. The
# protocol is required, so that a mistyped "local:4" is not taken for a host.
_SCHEDULER_ADDRESS = re.compile(r"(?:tcp|tls|ws|wss|ucx)://(?:[\w.-]+|\[[0-9A-Fa-f:.]+\]):\d{1,5}")


def _scheduler(text: str) -> str:
    """``--dask``: ``local``, ``local:N`` or a scheduler's address."""
    if _LOCAL_CLUSTER.fullmatch(text) or _SCHEDULER_ADDRESS.fullmatch(text):
        return text
    raise argparse.ArgumentTypeError(
        "expected local, local:N (a local cluster of N worker processes) or a scheduler "
        f"address such as tcp://10.0.0.5:8786, got {text!r}"
    )


def _corpus_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a folder of .txt files, or a .txt, .jsonl, .csv or .parquet file",
    )
    parser.add_argument(
        "--text-column",
        default="text",
        metavar="NAME",
        help="column (or JSON key) with the text (default: text)",
    )
    parser.add_argument(
        "--published-column",
        default="published",
        metavar="NAME",
        help="column with the publication date (default: published, optional)",
    )
    parser.add_argument(
        "--id-column",
        default="doc_id",
        metavar="NAME",
        help="column with the document id (default: doc_id, optional)",
    )
    parser.add_argument(
        "--published",
        type=_date,
        metavar="DATE",
        help="publication date (YYYY-MM-DD) of the documents that give none, neither in "
        "their column nor in their text; each document left without one is a warning",
    )
    parser.add_argument(
        "--encoding",
        type=_encoding,
        metavar="NAME",
        help="encoding of .txt, .jsonl and .csv files (default: utf-8; a byte order mark "
        "wins), e.g. latin-1, cp1252, utf-16",
    )
    parser.add_argument(
        "--errors",
        choices=["strict", "replace"],
        default="strict",
        help="bytes the encoding cannot decode: skip the file (strict, the default) or "
        "read it with U+FFFD in their place (replace)",
    )
    parser.add_argument(
        "--batch-size",
        type=_positive,
        metavar="N",
        default=500,
        help="documents read and parsed at a time (default: 500)",
    )
    parser.add_argument(
        "--threads",
        type=_positive,
        default=None,
        metavar="N",
        help="parser threads (default: one per core)",
    )
    parser.add_argument(
        "--progress",
        choices=["auto", "always", "never"],
        default="auto",
        help="progress line on stderr: when it is a terminal (auto), always, or never",
    )


def _progress_option(choice: str) -> ProgressOption:
    options: dict[str, ProgressOption] = {"auto": True, "always": "always", "never": False}
    return options[choice]


# -- parse ---------------------------------------------------------------


def add_parse(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "parse",
        help="parse a corpus into a file of incidents",
        description=(
            "Parse every document of a corpus and write one row per incident.\n\n"
            "The output format follows the file name: .parquet keeps every column and\n"
            "dtype; .jsonl writes one JSON object per incident; .csv writes\n"
            "militant_nationalities as text ('Afghan: 4; Tajik'). Documents that cannot\n"
            "be read or parsed are reported as warnings on stderr; the rest is parsed."
        ),
        epilog=(
            "examples:\n"
            "  incidentkit parse reports/ -o incidents.parquet\n"
            "  incidentkit parse dawn.jsonl ispr.csv -o incidents.csv --text-column body\n"
            "  incidentkit parse 'news/*.jsonl' --dask local:4 -o incidents/\n"
            "  incidentkit parse /shared/news --dask tcp://10.0.0.5:8786 -o /shared/incidents\n"
        ),
        formatter_class=_Formatter,
    )
    _corpus_arguments(parser)
    parser.add_argument(
        "-o",
        "--output",
        "--out",
        required=True,
        metavar="FILE",
        help="where to write the incidents: a .parquet, .csv or .jsonl file; "
        "with --dask, a new folder for the Parquet part files",
    )
    parser.add_argument(
        "--dask",
        type=_scheduler,
        metavar="SCHEDULER",
        help="parse on Dask (pip install 'incidentkit[dask]'): 'local' or 'local:N' starts "
        "a cluster of N worker processes on this machine (default: one per core); else the "
        "address of a running scheduler, e.g. tcp://10.0.0.5:8786, whose workers must "
        "reach the corpus and the output folder at the same paths. Writes one Parquet "
        "part file per partition of about 32 MB of input; --batch-size and --progress "
        "do not apply",
    )
    parser.set_defaults(handler=_parse)


def _parse(args: argparse.Namespace) -> int:
    if args.dask is not None:
        return _parse_on_dask(args)
    output = Path(args.output)
    if output.suffix.lower() not in OUTPUT_FORMATS:
        raise UsageError(
            f"-o {args.output}: expected a file name ending in .parquet, .csv or .jsonl"
        )
    summary = run(
        args.paths,
        batch_size=args.batch_size,
        progress=_progress_option(args.progress),
        out=output,
        threads=args.threads,
        **_reading(args),
    )
    print(
        f"{PROG}: {_summary_line(summary)} -> {output} ({summary.seconds:.1f} s)", file=sys.stderr
    )
    return EXIT_OK


def _reading(args: argparse.Namespace) -> dict[str, Any]:
    """The arguments of the corpus readers."""
    return {
        "text_column": args.text_column,
        "published_column": args.published_column,
        "id_column": args.id_column,
        "published": args.published,
        "encoding": args.encoding,
        "errors": args.errors,
    }


def _summary_line(summary: Summary) -> str:
    """Files found, read and skipped; documents (failed, undated); incidents."""
    counts = summary.counts
    files = f"{counts.files:,} files found, {counts.read:,} read, {counts.skipped:,} skipped"
    notes = []
    if summary.failures:
        notes.append(f"{summary.failures:,} failed")
    if counts.undated:
        notes.append(f"{counts.undated:,} without a publication date")
    noted = f" ({', '.join(notes)})" if notes else ""
    undated = f" ({summary.undated:,} undated)" if summary.undated else ""
    return (
        f"{files}; {summary.documents:,} documents{noted}, {summary.incidents:,} incidents{undated}"
    )


def _parse_on_dask(args: argparse.Namespace) -> int:
    try:
        from incidentkit import _dask_cli
    except ImportError:
        raise UsageError("--dask needs Dask: pip install 'incidentkit[dask]'") from None
    given = [
        option
        for option, value in (
            ("--published", args.published),
            ("--encoding", args.encoding),
            ("--errors replace", args.errors != "strict" or None),
        )
        if value is not None
    ]
    if given:
        raise UsageError(f"{', '.join(given)}: not available with --dask (UTF-8 input only)")
    output = Path(args.output)
    if output.exists() and (not output.is_dir() or any(output.iterdir())):
        raise UsageError(
            f"-o {args.output}: with --dask, expected a new or empty folder for the part files"
        )
    done = _dask_cli.run(args, output)
    written = done.written
    failed = f", {written.failures.height:,} failed" if written.failures.height else ""
    print(
        f"{PROG}: {written.documents:,} documents{failed}, {written.incidents:,} incidents "
        f"-> {output}{os.sep} ({len(written.parts):,} part files, {done.seconds:.1f} s)",
        file=sys.stderr,
    )
    return EXIT_OK


# -- aggregate and report ------------------------------------------------


def read_incidents(path: Path) -> pl.DataFrame:
    """An incident file written by ``incidentkit parse`` (.parquet, .jsonl or .csv)."""
    if not path.is_file():
        raise UsageError(f"{path}: no such file")
    kind = OUTPUT_FORMATS.get(path.suffix.lower())
    if kind == "parquet":
        return pl.read_parquet(path)
    if kind == "jsonl":
        return pl.read_ndjson(path, schema=ik.SCHEMA)
    if kind == "csv":
        schema = dict(ik.SCHEMA)
        schema["militant_nationalities"] = pl.String()
        return from_flat(pl.read_csv(path, schema=schema))
    raise UsageError(f"{path}: expected a .parquet, .jsonl or .csv file of incidents")


def add_aggregate(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "aggregate",
        help="count incidents and casualties by place, group or period",
        description="Aggregate a file of incidents (from 'incidentkit parse').",
        epilog=(
            "example:\n"
            "  incidentkit aggregate incidents.parquet --by district --by month \\\n"
            "      --from 2025-01-01 --to 2025-06-30\n"
        ),
        formatter_class=_Formatter,
    )
    parser.add_argument("incidents", metavar="FILE", help="a .parquet, .jsonl or .csv of incidents")
    parser.add_argument(
        "--by",
        action="append",
        metavar="KEY",
        help="district, province, country, nationality, militant_group, event_type, "
        "day, week, month, quarter or year; repeat for several (default: district)",
    )
    parser.add_argument("--from", dest="start", type=_date, help="first day, YYYY-MM-DD")
    parser.add_argument("--to", dest="end", type=_date, help="last day, YYYY-MM-DD")
    parser.add_argument(
        "--date-rule",
        choices=["overlap", "start", "within"],
        default="overlap",
        help="which incidents fall in [from, to] (default: overlap)",
    )
    _mention_argument(parser)
    parser.add_argument(
        "--format",
        choices=["table", "csv", "json"],
        default="table",
        help="how to print the result on stdout (default: table)",
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write the table (.parquet, .csv or .jsonl) instead"
    )
    parser.set_defaults(handler=_aggregate)


def _aggregate(args: argparse.Namespace) -> int:
    incidents = read_incidents(Path(args.incidents))
    table = ik.aggregate(
        incidents,
        by=args.by or ["district"],
        start=args.start,
        end=args.end,
        date_rule=args.date_rule,
        mention=args.mention,
    )
    if args.output:
        _write_table(table, Path(args.output))
    elif args.format == "csv":
        sys.stdout.write(table.write_csv())
    elif args.format == "json":
        sys.stdout.write(table.write_json() + "\n")
    else:
        _print_table(table, sys.stdout)
    return EXIT_OK


def add_report(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "report",
        help="parse a corpus and print summary tables",
        description="Parse a corpus and print incidents and casualties by province, "
        "district, month, militant group and nationality.",
        epilog="example:\n  incidentkit report reports/\n",
        formatter_class=_Formatter,
    )
    _corpus_arguments(parser)
    _mention_argument(parser)
    parser.set_defaults(handler=_report)


def _mention_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--mention",
        choices=["report", "background"],
        help="count only the events the documents report, or only the earlier events "
        "they recall as background (default: every incident)",
    )


#: The columns of the report's tables, after the key: the dead by side add up
#: to killed_total (unknown counts add nothing, and unknown_toll says how many
#: incidents state no count at all).
REPORT_COLUMNS = [
    "incidents",
    "killed_security",
    "killed_civilians",
    "killed_militants",
    "killed_unknown",
    "killed_total",
    "injured_total",
    "arrested",
    "unknown_toll",
]


def _report(args: argparse.Namespace) -> int:
    summary = run(
        args.paths,
        batch_size=args.batch_size,
        progress=_progress_option(args.progress),
        threads=args.threads,
        **_reading(args),
    )
    incidents = summary.frame if summary.frame is not None else pl.DataFrame(schema=ik.SCHEMA)
    # Every table first, so that a wrong argument prints nothing but its error.
    tables = {
        by: ik.aggregate(incidents, by=by, mention=args.mention)
        for by in ("province", "district", "month", "militant_group", "nationality")
    }
    print(f"{_summary_line(summary)}\n")
    for by, table in tables.items():
        extra = ["militants"] if by == "nationality" else []
        print(f"by {by}")
        _print_table(table.select(by, *REPORT_COLUMNS, *extra), sys.stdout)
        print()
    return EXIT_OK


def _print_table(table: pl.DataFrame, stream: TextIO) -> None:
    # Every row and column, names unabridged: a wide table scrolls, a cut one lies.
    with pl.Config(
        tbl_rows=-1,
        tbl_cols=-1,
        tbl_width_chars=5_000,
        tbl_hide_dataframe_shape=True,
        tbl_hide_column_data_types=True,
        fmt_str_lengths=60,
    ):
        print(table, file=stream)


def _write_table(table: pl.DataFrame, path: Path) -> None:
    kind = OUTPUT_FORMATS.get(path.suffix.lower())
    if kind == "parquet":
        table.write_parquet(path)
    elif kind == "jsonl":
        table.write_ndjson(path)
    elif kind == "csv":
        flat = to_flat(table) if "militant_nationalities" in table.columns else table
        flat.write_csv(path)
    else:
        raise UsageError(f"-o {path}: expected a file name ending in .parquet, .csv or .jsonl")


# -- the parser and main -------------------------------------------------

COMMANDS: list[Callable[[Any], None]] = [add_parse, add_aggregate, add_report]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command."""
    parser = _Parser(
        prog=PROG,
        description=(
            "Incidents of militant violence in Pakistan, parsed from English reports.\n\n"
            "Run 'incidentkit COMMAND --help' for the arguments of a command."
        ),
        epilog=(
            "examples:\n"
            "  incidentkit parse reports/ -o incidents.parquet\n"
            "  incidentkit aggregate incidents.parquet --by district --by month\n"
            "  incidentkit report reports/\n"
        ),
        formatter_class=_Formatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {ik.__version__}")
    subparsers = parser.add_subparsers(
        title="commands", dest="command", metavar="COMMAND", parser_class=_Parser, required=True
    )
    for add in COMMANDS:
        add(subparsers)
    return parser


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    print(f"{PROG}: warning: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    show = warnings.showwarning
    warnings.showwarning = _show_warning
    try:
        return handler(args)
    except BrokenPipeError:
        # The reader went away (`incidentkit report ... | head`): stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except (UsageError, ValueError, TypeError) as error:
        print(f"{PROG}: error: {_one_line(error)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except Exception as error:
        print(f"{PROG}: error: {_one_line(error)}", file=sys.stderr)
        return EXIT_FAILURE
    except BaseException as error:
        # A Rust panic surfaces as pyo3's PanicException, a BaseException.
        if isinstance(error, (SystemExit, GeneratorExit)):
            raise
        print(f"{PROG}: internal error: {_one_line(error)}", file=sys.stderr)
        return EXIT_FAILURE
    finally:
        warnings.showwarning = show


def _one_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
