"""uvicorn's HTTP protocol with ``TCP_NODELAY`` set on every connection.

uvicorn writes a response's headers and body in two writes. asyncio turns Nagle's algorithm off
on accepted sockets, but not in the worker processes of ``--workers N`` (the listening socket is
rebuilt there and reports no protocol), so each body waits for the client's delayed ACK: about
40 ms per response on a keep-alive connection. Setting the option explicitly fixes that.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol


class NoDelayH11Protocol(H11Protocol):
    """:class:`H11Protocol` that disables Nagle's algorithm on its connection."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        sock: Any = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            with contextlib.suppress(OSError):  # not a TCP socket after all: nothing to tune
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)  # type: ignore[arg-type]
