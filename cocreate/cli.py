"""Command line: `cocreate [PATH] [--demo]` opens the window; sub-commands run without one.

Headless sub-commands never import Qt widgets, so they run on a machine with no display. A file
they cannot use gets one line on stderr that names the file and the problem, and exit status 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from cocreate import __version__
from cocreate.demo import write_demo
from cocreate.store import SessionFile, SessionFileError
from cocreate.store.summary import SessionSummary, summarize

EXIT_OK, EXIT_FILE_ERROR, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    """A headless command could not do its work; the message is printed as it is."""


def _cmd_demo(args: argparse.Namespace) -> None:
    out = Path(args.out)
    if out.exists():
        raise CommandError(f"{out}: the file already exists; choose a new file name")
    if not out.resolve().parent.is_dir():
        raise CommandError(f"{out}: the folder {out.resolve().parent} does not exist")
    write_demo(out)
    print(f"wrote the demo session to {out}")


def _print_summary(summary: SessionSummary) -> None:
    fields = [
        ("File", summary.path),
        ("Title", summary.title),
        ("Theme", summary.theme),
        ("Brand", summary.brand),
        ("Date", summary.date),
        ("Facilitator", summary.facilitator),
        ("Goal", summary.goal),
        ("Schema version", str(summary.schema_version)),
        ("Participants", str(summary.participants)),
        ("Journeys", str(len(summary.journeys))),
    ]
    for name, value in fields:
        print(f"{name + ':':<16}{value}")
    for journey in summary.journeys:
        persona = f" (persona: {journey.persona})" if journey.persona else ""
        print(f"  - {journey.name}{persona}")
        print(
            f"    {journey.stages} stages, {journey.lanes} lanes,"
            f" {journey.touchpoints} touchpoints, {journey.links} links,"
            f" {journey.notes} notes, {journey.clusters} clusters, {journey.votes} votes"
        )


def _cmd_info(args: argparse.Namespace) -> None:
    store = SessionFile.open(Path(args.session), read_only=True, lock=False)
    try:
        summary = summarize(store)
    finally:
        store.close()
    if args.json:
        print(json.dumps(summary.as_dict(), ensure_ascii=False, indent=2))
    else:
        _print_summary(summary)


#: Headless sub-commands: name -> (help, add arguments, run).
COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Callable]] = {
    "demo": (
        "write the demo session to a new file, without opening a window",
        lambda p: p.add_argument("out", metavar="OUT.cocreate", help="the file to write"),
        _cmd_demo,
    ),
    "info": (
        "print what a session file holds, without opening a window",
        lambda p: (
            p.add_argument("session", metavar="SESSION.cocreate", help="the session file"),
            p.add_argument("--json", action="store_true", help="print JSON instead of text"),
        ),
        _cmd_info,
    ),
}


def build_parser() -> argparse.ArgumentParser:
    commands = "\n".join(f"  {name:<10}{help_}" for name, (help_, _, _) in COMMANDS.items())
    parser = argparse.ArgumentParser(
        prog="cocreate",
        description="cocreate: a desktop tool for service-design co-creation salons.",
        usage="cocreate [-h] [--version] [--demo] [PATH]\n       cocreate COMMAND [ARGS]",
        epilog=f"commands (run without a window):\n{commands}\n\n"
        "Run 'cocreate COMMAND --help' for a command's options.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("path", nargs="?", metavar="PATH", help="a .cocreate session to open")
    parser.add_argument(
        "--demo", action="store_true", help="open a fresh copy of the demo session"
    )
    parser.add_argument("--version", action="version", version=f"cocreate {__version__}")
    return parser


def run_command(argv: Sequence[str]) -> int:
    """Run a headless sub-command; argv[0] is its name."""
    name = argv[0]
    help_, add_arguments, run = COMMANDS[name]
    parser = argparse.ArgumentParser(prog=f"cocreate {name}", description=help_)
    add_arguments(parser)
    args = parser.parse_args(argv[1:])
    try:
        run(args)
    except SessionFileError as error:
        print(f"cocreate {name}: {error.message}", file=sys.stderr)
        return EXIT_FILE_ERROR
    except (CommandError, OSError) as error:
        print(f"cocreate {name}: {error}", file=sys.stderr)
        return EXIT_FILE_ERROR
    return EXIT_OK
