"""`warta serve` on an address it cannot take: one clear line, a nonzero exit, and no "open …"
before anything listens."""

from __future__ import annotations

import argparse
import socket
from pathlib import Path

import pytest

from warta.cli import serve_cmd


def _args(db: Path, port: int) -> argparse.Namespace:
    return argparse.Namespace(db=str(db), host="127.0.0.1", port=port, workers=1, log_level="warning")


def test_a_busy_port_is_one_line_and_exit_1(store: tuple[Path, dict[str, int]], capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        assert serve_cmd.run(_args(store[0], port)) == 1
    err = capsys.readouterr().err
    assert err == f"warta serve: cannot listen on 127.0.0.1:{port}: Address already in use\n"


def test_listen_gives_a_listening_socket() -> None:
    sock = serve_cmd.listen("127.0.0.1", 0)
    try:
        with socket.create_connection(sock.getsockname(), timeout=2):
            pass  # accepted into the backlog: listening before the server runs
    finally:
        sock.close()


def test_a_missing_store_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert serve_cmd.run(_args(tmp_path / "none.db", 0)) == 2
    assert "open http" not in capsys.readouterr().err
