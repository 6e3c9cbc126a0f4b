"""People's names in news text by capitalisation: runs of capitalised words, cut free of titles,
organisations and places ("Presiden Rusia Vladimir Putin" → "Vladimir Putin"), short names mapped
to the full name used elsewhere in the article ("Yang" → "Yang Moo Jin"), and nicknames the text
declares ("Emil --sapaan Ridwan Kamil--", "yang akrab disapa Dani").

A capitalisation heuristic, not a model: it needs no training data and costs microseconds. The
NER model (``warta.enrich.ner``) can replace the candidate list later through ``find_quotes``'s
``speakers`` argument.

Modules: ``names`` (the capitalisation rules), ``index`` (one article's names and
aliases, :class:`NameIndex`), ``model`` (the NER model's people, :class:`PersonModel`).
"""

from warta.enrich.speakers.index import NameIndex
from warta.enrich.speakers.model import PersonModel
from warta.enrich.speakers.names import (
    after_organisation_kind,
    at_sentence_start,
    glue_points,
    is_common_word,
    is_name_stopword,
    is_role_word,
    name_runs,
    person_at_run,
    person_in,
)

__all__ = [
    "NameIndex",
    "PersonModel",
    "after_organisation_kind",
    "at_sentence_start",
    "glue_points",
    "is_common_word",
    "is_name_stopword",
    "is_role_word",
    "name_runs",
    "person_at_run",
    "person_in",
]
