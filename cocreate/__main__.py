"""Entry point: `cocreate` (or `python -m cocreate`)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from cocreate.cli import COMMANDS, EXIT_USAGE, CommandError, build_parser, invitation, run_command


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in COMMANDS:
        return run_command(args)
    options = build_parser().parse_args(args)
    try:  # before the window opens: a bad address or a taken port ends here
        invite = invitation(options)
    except CommandError as error:
        print(f"cocreate: {error}", file=sys.stderr)
        return EXIT_USAGE
    from cocreate.ui.app import run_app

    where = (invite.address, invite.port) if invite is not None else None
    return run_app(path=options.path, demo=options.demo, invite=where)


if __name__ == "__main__":
    sys.exit(main())
