"""Fuzzing warta.extract: hypothesis at volume (``python -m fuzz.run``)."""
