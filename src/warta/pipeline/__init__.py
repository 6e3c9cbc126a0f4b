"""The corpus pipeline: readers → steps → writers, on one machine or on Ray."""
