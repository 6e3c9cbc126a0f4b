"""``warta serve``: the corpus explorer over a store, in a browser and over HTTP."""

from __future__ import annotations

import argparse
import socket
import sys
from typing import Any


def register(sub: Any) -> None:
    """Add the ``serve`` subcommand."""
    p = sub.add_parser(
        "serve",
        help="explore a store in a browser and over HTTP (read-only)",
        description=(
            "Serve a store read-only: search with attention over time, stories, copies, quotes "
            "and entities, as web pages and a JSON/CSV API (reference at /api). Binds to "
            "127.0.0.1 unless told otherwise. Example: warta serve --db corpus.db"
        ),
    )
    p.add_argument("--db", required=True, metavar="PATH", help="the SQLite store (made by warta run)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (%(default)s: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (%(default)s)")
    p.add_argument("--workers", type=int, default=1, help="server processes (%(default)s)")
    p.add_argument("--log-level", default="warning", choices=("critical", "error", "warning", "info", "debug"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run the server until interrupted; exit 2 when the store cannot be opened, 1 when the
    address cannot be listened on (in use, not this machine's, no permission)."""
    import os

    import uvicorn
    from uvicorn.supervisors import Multiprocess

    from warta.store.errors import NotAStore
    from warta.web.app import create_app
    from warta.web.server import NoDelayH11Protocol

    if not 0 <= args.port <= 65535:  # socket.bind raises OverflowError, a traceback
        print(f"warta serve: --port must be 0-65535, not {args.port}", file=sys.stderr)
        return 2
    try:
        create_app(args.db)  # fail early, with a message, on a missing or foreign file
    except NotAStore as exc:
        print(f"warta serve: {exc}", file=sys.stderr)
        return 2
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"warta serve: listening on {args.host}: other machines can reach it", file=sys.stderr)
    shown = f"[{args.host}]" if ":" in args.host else args.host
    try:
        sock = listen(args.host, args.port)
    except OSError as exc:
        print(f"warta serve: cannot listen on {shown}:{args.port}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"warta serve: open http://{shown}:{args.port}/ (Ctrl-C to stop)", file=sys.stderr, flush=True)
    os.environ["WARTA_SERVE_DB"] = os.path.abspath(args.db)
    config = uvicorn.Config(
        "warta.web.app:app_from_env",
        factory=True,
        http=NoDelayH11Protocol,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level=args.log_level,
    )
    try:
        if config.workers > 1:
            Multiprocess(config, sockets=[sock]).run()  # as uvicorn.run does, on our socket
            return 0
        server = uvicorn.Server(config)
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        return 0
    finally:
        sock.close()
    return 0 if server.started else 1


def listen(host: str, port: int) -> socket.socket:
    """A socket listening on ``host:port``, made here rather than by uvicorn so that a busy
    port is one clear message before anything says "open" (uvicorn logs and exits)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family=family)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn: restarts reuse TIME_WAIT
        sock.bind((host, port))
        sock.listen(2048)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)  # the worker processes of --workers N serve it
    return sock
