"""Build the optional compiled DOM walk (warta.page._cwalk); everything else is in pyproject.toml.

The extension is optional: where it does not build (no C compiler, no Python headers), the install
goes on and warta uses its pure-Python walk (see warta.page.html.COMPILED_WALK).
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension("warta.page._cwalk", ["src/warta/page/_cwalk.pyx"], optional=True),
    ],
)
