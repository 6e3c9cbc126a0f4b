"""``HEAD`` on every ``GET`` route: curl -I, link checkers and monitors use it.

FastAPI's routes answer only the methods they declare, so a ``HEAD`` got 405. Declaring
``HEAD`` on each route would list every endpoint twice in the OpenAPI schema; this middleware
runs ``HEAD`` as ``GET`` and sends the headers (``content-length`` included) without the body.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HeadAsGet:
    """Pure ASGI middleware answering ``HEAD`` with the ``GET`` response's status and headers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return
        done = False

        async def send_headers_only(message: Message) -> None:
            nonlocal done
            if done:
                return  # the rest of a streamed body: not sent
            if message["type"] == "http.response.body":
                done = True
                await send({"type": "http.response.body", "body": b"", "more_body": False})
                return
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_headers_only)
