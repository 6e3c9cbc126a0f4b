"""Build the optional compiled DOM walk (warta.page._cwalk) and tree-ensemble walk
(warta.page._ctrees); everything else is in pyproject.toml.

The extensions are optional: where they do not build (no C compiler, no Python headers), the
install goes on and warta uses its pure-Python walk (see warta.page.html.COMPILED_WALK) and its
numpy tree evaluation (see warta.page.blockmodel.COMPILED_TREES).
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension("warta.page._cwalk", ["src/warta/page/_cwalk.pyx"], optional=True),
        Extension("warta.page._ctrees", ["src/warta/page/_ctrees.pyx"], optional=True),
    ],
)
