"""Language identification, and per-language conventions (``lang.id`` for Indonesian)."""
