"""Build the optional compiled DOM walk (warta.page._cwalk), tree-ensemble walk
(warta.page._ctrees), block facts and text counts (warta.page._cfeat) and NER CRF decoding
(warta.enrich.ner._ccrf); everything else is in pyproject.toml.

The extensions are optional: where they do not build (no C compiler, no Python headers), the
install goes on and warta uses its pure-Python walk (see warta.page.html.COMPILED_WALK), its
numpy tree evaluation (see warta.page.blockmodel.COMPILED_TREES), its numpy text counts (see
warta.page.features.COMPILED_FEATURES) and its numpy CRF decoding (see
warta.enrich.ner.crf.COMPILED_CRF).
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension("warta.page._cwalk", ["src/warta/page/_cwalk.pyx"], optional=True),
        Extension("warta.page._ctrees", ["src/warta/page/_ctrees.pyx"], optional=True),
        Extension("warta.enrich.ner._ccrf", ["src/warta/enrich/ner/_ccrf.pyx"], optional=True),
        Extension("warta.page._cfeat", ["src/warta/page/_cfeat.pyx"], optional=True),
    ],
)
