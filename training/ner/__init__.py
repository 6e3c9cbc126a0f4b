"""Training and evaluation of warta's Indonesian NER model (see README.md here)."""
