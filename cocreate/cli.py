"""Command line: `cocreate [PATH] [--demo] [--invite …]` opens the window (with --invite,
inviting phones at once); sub-commands run without one.

Headless sub-commands never import Qt widgets, so they run on a machine with no display. A file
they cannot use gets one line on stderr that names the file and the problem, and exit status 1.
"""

from __future__ import annotations

import argparse
import errno
import ipaddress
import json
import os
import socket
import sqlite3
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from cocreate import __version__
from cocreate.canvas.exporters import EXPORTERS
from cocreate.demo import write_demo
from cocreate.error_words import database_trouble, said_by_cocreate
from cocreate.export.json_io import JsonImportError, import_json
from cocreate.export.registry import Exporter, OptionKind, no_progress
from cocreate.path_checks import OutputPathError, check_output, same_file, shown
from cocreate.room import network
from cocreate.store import SessionFile, SessionFileError
from cocreate.store.repair import repair_copy
from cocreate.store.summary import SessionSummary, summarize

EXIT_OK, EXIT_FILE_ERROR, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    """A headless command could not do its work; the message is printed as it is."""


def _cmd_demo(args: argparse.Namespace) -> None:
    out = Path(args.out)
    _check_output(out, overwrite=False)
    write_demo(out)
    print(f"wrote the demo session to {shown(out)}")


def _print_summary(summary: SessionSummary) -> None:
    fields = [
        ("File", shown(summary.path)),
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
            + (f", {journey.answers} survey answers" if journey.answers else "")
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


def _check_output(out: Path, session: Path | None = None, *, overwrite: bool = True) -> None:
    """Refuse an output path that cannot work, before any work is done."""
    try:
        check_output(out)
    except OutputPathError as error:
        raise CommandError(f"{shown(out)}: {error.strerror}") from None
    if session is not None and same_file(out, session):
        raise CommandError(
            f"{shown(out)}: this is the session file itself; choose another output file"
        )
    if not overwrite and out.exists():
        raise CommandError(f"{shown(out)}: the file already exists; choose a new file name")


@contextmanager
def _reading(session: Path) -> Iterator[None]:
    """A database error while reading (say, the file stayed locked too long) as one line in
    cocreate's words; the database's own words are never printed."""
    try:
        yield
    except (sqlite3.Error, SQLAlchemyError) as error:
        raise CommandError(f"{shown(session)}: {database_trouble(error, 'read')}") from None


def _read_json_input(name: str) -> tuple[str, str]:
    """(the input's name for messages, its text)."""
    if name == "-":
        label, data = "<stdin>", sys.stdin.buffer.read()
    else:
        path = Path(name)
        if path.is_dir():
            raise CommandError(f"{shown(path)}: this is a folder, not a JSON file")
        label, data = shown(path), path.read_bytes()
    try:
        return label, data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CommandError(
            f"{label}: not UTF-8 text (byte {exc.start}); a cocreate JSON export is UTF-8"
        ) from None


def _cmd_import_json(args: argparse.Namespace) -> None:
    out = Path(args.out)
    _check_output(out, overwrite=False)
    label, text = _read_json_input(args.input)
    try:
        import_json(text, out)
    except JsonImportError as error:
        raise CommandError(f"{label}: {error.message}") from None
    except FileExistsError:
        raise CommandError(
            f"{shown(out)}: the file already exists; choose a new file name"
        ) from None
    except (sqlite3.Error, SQLAlchemyError) as error:
        out.unlink(missing_ok=True)  # it did not exist before: nothing half-written stays
        raise CommandError(f"{shown(out)}: {database_trouble(error, 'written')}") from None
    except OSError as error:
        out.unlink(missing_ok=True)
        detail = f" ({error.strerror})" if error.strerror else ""
        raise CommandError(f"{shown(out)}: the session could not be written{detail}") from None
    print(f"wrote {shown(out)}")


def _cmd_import_feedback(args: argparse.Namespace) -> None:
    from cocreate import cli_feedback  # reads spreadsheets: loaded only for this command

    cli_feedback.run(args)


def _import_feedback_arguments(parser: argparse.ArgumentParser) -> None:
    from cocreate import cli_feedback

    cli_feedback.add_arguments(parser)


def _cmd_repair(args: argparse.Namespace) -> None:
    """Write a repaired copy of a file whose rows break the rules; list every change."""
    session, out = Path(args.session), Path(args.out)
    _check_output(out, session)
    SessionFile.open(session, read_only=True, lock=False, check_rows=False).close()
    with _reading(session):
        repairs = repair_copy(session, out)
    for repair in repairs:
        print(repair)
    dropped = sum(repair.rows for repair in repairs if repair.dropped)
    changed = sum(not repair.dropped for repair in repairs)
    values = "value" if changed == 1 else "values"
    rows = "row" if dropped == 1 else "rows"
    print(f"wrote {shown(out)}: {changed} {values} changed, {dropped} {rows} dropped")


def _cmd_export(exporter: Exporter, args: argparse.Namespace) -> None:
    """Run one exporter of the registry on a session file."""
    session = Path(args.session)
    if exporter.to_bytes is not None and args.out == "-":
        with _reading(session):
            data = exporter.to_bytes(session)
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    out = Path(args.out)
    if not exporter.to_folder:
        _check_output(out, session)
    if not exporter.accepts(out):
        ends = " or ".join(exporter.suffixes)
        raise CommandError(f"{out}: use a file name ending in {ends}")
    SessionFile.open(session, read_only=True, lock=False).close()  # a bad file fails here
    options = {option.name: getattr(args, option.name) for option in exporter.options}
    try:  # every writer writes beside OUT and renames: a failure leaves no file behind
        with _reading(session):
            exporter.write(session, out, options, no_progress)
    except (ValueError, RuntimeError) as error:  # RuntimeError: no font for Chinese
        raise CommandError(f"{shown(session)}: {_own_words(error, 'exported')}") from None
    except OSError as error:
        detail = error.strerror or error
        raise CommandError(
            f"{shown(out)}: the {exporter.noun} could not be written ({detail})"
        ) from None
    print(f"wrote {shown(out)}")


def _export_arguments(exporter: Exporter) -> Callable[[argparse.ArgumentParser], None]:
    def add(parser: argparse.ArgumentParser) -> None:
        _session_argument(parser)
        parser.add_argument(
            "-o", "--out", required=True, metavar=exporter.metavar, help=exporter.out_help
        )
        for option in exporter.options:
            if option.kind is OptionKind.SWITCH:
                parser.add_argument(option.flag, action="store_true", help=option.help)
            else:
                parser.add_argument(
                    option.flag,
                    action="append" if option.kind is OptionKind.REPEATED else "store",
                    default=option.default,
                    metavar=option.metavar,
                    help=option.help,
                )

    return add


def _session_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session", metavar="SESSION.cocreate", help="the session file (only read)")


def _import_json_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "input", metavar="IN.json", help="a cocreate JSON export, or - for standard input"
    )
    parser.add_argument(
        "-o",
        "--out",
        required=True,
        metavar="OUT.cocreate",
        help="the new session file (must not exist yet)",
    )


Command = tuple[
    str, Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], None]
]

#: Headless sub-commands besides the exports: name -> (help, add arguments, run).
_OTHER_COMMANDS: dict[str, Command] = {
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
    "import-json": (
        "make a new session file from a JSON document (checked in full first)",
        _import_json_arguments,
        _cmd_import_json,
    ),
    "import-feedback": (
        "add survey answers (CSV or XLSX) to a journey of a session, all or none, with their"
        " row and column when one is wrong",
        _import_feedback_arguments,
        _cmd_import_feedback,
    ),
    "repair": (
        "write a repaired copy of a session whose rows break the rules, listing every change",
        lambda p: (
            p.add_argument("session", metavar="IN.cocreate", help="the file to repair (only read)"),
            p.add_argument(
                "-o", "--out", required=True, metavar="OUT.cocreate", help="the repaired copy"
            ),
        ),
        _cmd_repair,
    ),
}


class _Commands(Mapping[str, Command]):
    """Every headless sub-command: the ones above, and `export-FORMAT` for each exporter the
    registry holds at the time it is asked (the same registry File > Export lists)."""

    def _all(self) -> dict[str, Command]:
        exports: dict[str, Command] = {
            exporter.command: (
                exporter.summary,
                _export_arguments(exporter),
                partial(_cmd_export, exporter),
            )
            for exporter in EXPORTERS
        }
        return {**_OTHER_COMMANDS, **exports}

    def __getitem__(self, name: str) -> Command:
        return self._all()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


COMMANDS: Mapping[str, Command] = _Commands()


def build_parser() -> argparse.ArgumentParser:
    width = max(len(name) for name in COMMANDS) + 2
    commands = "\n".join(f"  {name:<{width}}{help_}" for name, (help_, _, _) in COMMANDS.items())
    parser = argparse.ArgumentParser(
        prog="cocreate",
        description="cocreate: a desktop tool for service-design co-creation salons.",
        usage="cocreate [-h] [--version] [--demo] [PATH] [--invite [--address IP] [--port N]]"
        "\n       cocreate COMMAND [ARGS]",
        epilog=f"commands (run without a window):\n{commands}\n\n"
        "Run 'cocreate COMMAND --help' for a command's options.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("path", nargs="?", metavar="PATH", help="a .cocreate session to open")
    parser.add_argument("--demo", action="store_true", help="open a fresh copy of the demo session")
    parser.add_argument("--version", action="version", version=f"cocreate {__version__}")
    parser.add_argument(
        "--invite",
        action="store_true",
        help="let participants join from their phones at once; prints 'join: LINK' on stdout",
    )
    parser.add_argument(
        "--address",
        metavar="IP",
        help="with --invite: the local IPv4 address phones reach (default: the one on the"
        " default route; 127.0.0.1 to try it on this computer)",
    )
    parser.add_argument(
        "--port",
        type=int,
        metavar="N",
        help=f"with --invite: the port (default {DEFAULT_ROOM_PORT}, or the next free one)",
    )
    return parser


DEFAULT_ROOM_PORT = 8765


@dataclass(frozen=True)
class Invitation:
    """Where `--invite` listens: an address of this computer, and a port (None: the usual
    one, or the next free one)."""

    address: str
    port: int | None


def invitation(options: argparse.Namespace) -> Invitation | None:
    """The invitation the options ask for (None without --invite), checked before any window
    opens: the address must be this computer's and an explicit port free. Raises
    CommandError with a message that says what to do."""
    if not options.invite:
        if options.address is not None or options.port is not None:
            raise CommandError("--address and --port go with --invite")
        return None
    address = options.address or network.default_address()
    port = options.port
    if port is not None and not 1 <= port <= 65535:
        raise CommandError(f"--port {port}: a port is a number from 1 to 65535")
    _check_listening(address, port)
    return Invitation(address, port)


def _check_listening(address: str, port: int | None) -> None:
    """Bind (address, port) once, as the room will: a clear message when it cannot."""
    try:
        parsed = ipaddress.IPv4Address(address)
    except ValueError:
        raise CommandError(
            f"--address {address}: not an IPv4 address (like 192.168.1.20)"
        ) from None
    if parsed.is_unspecified:
        raise CommandError(f"--address {address}: choose one address of this computer, not all")
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        if os.name != "nt":  # as the server does: a port just closed can be taken again
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((address, port or 0))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise CommandError(
                    f"--port {port}: port {port} on {address} is in use by another program;"
                    " choose another port, or leave out --port to take the next free one"
                ) from None
            if error.errno == errno.EADDRNOTAVAIL:
                choices = ", ".join(network.local_ipv4_addresses())
                raise CommandError(
                    f"--address {address}: not an address of this computer"
                    f" (its addresses: {choices})"
                ) from None
            raise CommandError(f"cannot listen on {address}:{port}: {error.strerror}") from None


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
    except OSError as error:
        print(f"cocreate {name}: {_os_error_message(error, args)}", file=sys.stderr)
        return EXIT_FILE_ERROR
    except CommandError as error:
        print(f"cocreate {name}: {error}", file=sys.stderr)
        return EXIT_FILE_ERROR
    except (sqlite3.Error, SQLAlchemyError) as error:
        print(
            f"cocreate {name}: {_subject(args)}{database_trouble(error, 'read')}", file=sys.stderr
        )
        return EXIT_FILE_ERROR
    except ValueError as error:
        print(f"cocreate {name}: {_subject(args)}{_own_words(error, 'used')}", file=sys.stderr)
        return EXIT_FILE_ERROR
    return EXIT_OK


def _own_words(error: BaseException, done: str) -> str:
    """The error's message when cocreate wrote it; else cocreate's words, never a library's."""
    if said_by_cocreate(error):
        return " ".join(str(error).split())
    return f"the session could not be {done}; the file was left as it was"


def _subject(args: argparse.Namespace) -> str:
    """ "FILE: " for the file a command works on (its session, else its input or output)."""
    for name in ("session", "input", "out"):
        value = getattr(args, name, None)
        if value is not None:
            return f"{shown(value)}: "
    return ""


def _os_error_message(error: OSError, args: argparse.Namespace) -> str:
    """ "FILE: No such file or directory" rather than "[Errno 2] No such file …: 'FILE'"; an
    error that names no file is said of the command's file ("[Errno 28]" never shows)."""
    if error.filename is not None and error.strerror:
        return f"{shown(error.filename)}: {error.strerror}"
    reason = error.strerror or "the file could not be read or written"
    return f"{_subject(args)}{reason}"
