"""Indonesian news conventions: datelines, credits, editor initials, desk codes, bylines."""
