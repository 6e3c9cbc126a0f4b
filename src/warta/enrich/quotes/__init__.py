"""Quotes in Indonesian and English news: who said what, with which cue, and where.

``find_quotes`` returns direct quotes ("…," kata Yang Moo Jin / X mengatakan, "…" / "…," said X),
continuation quotes (a quote with no cue right after a quoted passage goes to the same speaker),
and indirect speech (X mengatakan bahwa …, Menurut X, …). Each has its speaker's full name, the cue
as printed, and its character span in the article text (paragraphs joined by a blank line; text
whose paragraphs a scraper joined with commas, "….,Next paragraph", is read the same way).

Rules, not a model: a cue lexicon (``assets/quote_cues.txt``) and capitalisation-based names
(:mod:`warta.enrich.speakers`). A quote whose cue is a pronoun ("katanya", "kata dia") or an
anaphor ("kata politisi Partai Hanura itu", "tutur Guru Besar STF Driyarkara ini") goes to the
one named before a speech verb since the last quote, else to the subject of the sentences before
it, else to the last speaker. Other rules of how the press writes quotes:

- a role then a comma names the person after it ("kata peneliti PSHK, Agil Oktaryal"), a name
  may come before its role ("kata Lenni Tedja Direktur …"), and a lower-case description may end
  with the name ("kata pakar keuangan di Amerika Serikat Lynnette Khalfani-Cox");
- people left unnamed get no speaker ("jawab para penonton", "komentar netter yang lain", "kata
  Ibunya"), rather than the nearest name;
- a word right after a quote that opens a sentence tags it even when the cue list lacks it
  ("pujinya", "komentar artis Selvi Kitty"), but a quoted term inside a sentence is no quote;
- places after a preposition, things with numbers ("Sheila On 7", "MR8300"), organisations
  before a name ("band Ungu Franco Wellyjat", "Bukalapak Teddy Oetomo") are no speakers;
- indirect speech also has "…, kata X, …", "Menurut KPI, …", "Organisasi Kesehatan Dunia (WHO)
  menyebutkan, …", "Pria berusia 44 tahun ini menyatakan bahwa …", "Hal itu dilakukan lanjut X,
  karena …", "X mengaku bahwa …" (weak verbs only with "bahwa"/"jika"), "X mengatakan Malaysia
  akan …";
- initials stand for the full name they spell ("kata JK" → Jusuf Kalla), a short name takes the
  rest of the full one ("Yasonna" → Yasonna Hamonangan Laoly), a relative speaks for herself
  ("kata orangtua Bunga, DM"), a document for nobody ("sambung laporan itu"), a quote naming
  the one the sentences before were about is the last speaker's ("Aminah lalu pulang …,"
  ungkapnya), and after a question the one asked answers ("jawab").

Every pattern is bounded, so long texts cannot make a regex backtrack badly.

The package, one job a module (each module's docstring says more):

- ``find``: :func:`find_quotes`, direct quotes then indirect speech, in text order;
- ``marks``: paragraphs, sentence ends and quoted passages (titles and terms are no quotes);
- ``cues``: the cue lexicon and the patterns compiled from it;
- ``names``: name patterns and word lists shared by the readers;
- ``state``, ``cue_names``, ``subjects``, ``reader``: the per-article reader (its state, who a
  cue names, whom the sentences are about, and the class that joins them);
- ``direct``: the speaker and cue of one direct quote;
- ``indirect``: indirect speech.
"""

from warta.enrich.quotes.find import find_quotes

__all__ = ["find_quotes"]
