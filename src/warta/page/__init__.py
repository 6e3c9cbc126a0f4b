"""One page → one Article. Pure functions, no I/O: decode bytes, parse HTML into blocks, choose the
article's blocks, read metadata, and repair already-extracted text."""
