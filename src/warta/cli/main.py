"""``warta`` command line. Thin: every command calls the library."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from warta.cli import export_cmd, extract_cmd, run_cmd, serve_cmd, stats_cmd


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser with one subcommand per job."""
    parser = argparse.ArgumentParser(
        prog="warta",
        description="Raw news pages in, clean deduplicated structured stories out.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    extract_cmd.register(sub)
    run_cmd.register(sub)
    stats_cmd.register(sub)
    export_cmd.register(sub)
    serve_cmd.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.run(args)
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130
    return status
