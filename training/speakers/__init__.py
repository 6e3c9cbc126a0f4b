"""Research on learned quote-speaker re-ranking (see ``rerank``); not part of the package."""
