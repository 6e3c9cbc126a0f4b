"""Indonesian named-entity recognition: a small CRF and a small neural net shipped with warta,
combined (see ``tagger`` and ``neural``)."""

from warta.enrich.ner.tagger import EntityType, Mention, NerModel, load_model, tag

__all__ = ["EntityType", "Mention", "NerModel", "load_model", "tag"]
