"""The corpus explorer: an HTTP API and server-rendered pages over a store, read-only
(``warta serve``). Build the ASGI app with :func:`warta.web.app.create_app`."""
