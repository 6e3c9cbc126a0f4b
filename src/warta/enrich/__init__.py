"""Enrichment steps: named entities, dates and quotes read from an article's text."""
