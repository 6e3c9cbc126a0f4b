"""Indonesian named-entity recognition: a small CRF shipped with warta (see ``tagger``)."""

from warta.enrich.ner.tagger import EntityType, Mention, NerModel, load_model, tag

__all__ = ["EntityType", "Mention", "NerModel", "load_model", "tag"]
