"""The text-mode line classifier: features, the shipped model, and what it keeps on generic pages."""

from __future__ import annotations

import numpy as np

from warta.page.lines import (
    CONTEXT_FEATURES,
    LINE_FEATURES,
    context_features,
    line_features,
    line_probabilities,
    shipped_line_model,
)
from warta.page.text import prepare_text, repair_prepared, repair_text

DESCRIPTION = (
    "These socks are knitted from a soft merino blend that keeps feet warm in winter and cool in "
    "summer, and the cushioned sole takes the sting out of long days on your feet."
)
CARE = (
    "Machine wash cold with like colours and tumble dry on low; do not bleach or iron, and the "
    "socks will keep their shape and colour for years."
)
MENU = ["Women", "Men", "Kids", "Sale", "Gift Cards", "Help", "Sign In", "Cart (0)"]
FOOTER = [
    "About Us",
    "Careers",
    "Privacy Policy",
    "Terms of Service",
    "Copyright © 2024 Sockshop Inc. All rights reserved.",
]


def product_page() -> str:
    return "\n".join(
        [
            *MENU,
            "Merino Everyday Socks",
            "$18.00",
            DESCRIPTION,
            "Features",
            "Seamless toe for comfort",
            "Reinforced heel and toe",
            "Arch support that stays put",
            CARE,
            "Enter your email for 10% off your first order",
            *FOOTER,
        ]
    )


def test_feature_shapes_and_float32_values() -> None:
    prepared = prepare_text(product_page())
    x = prepared.features
    assert x.shape == (len(prepared.items), len(LINE_FEATURES))
    assert np.array_equal(x, x.astype(np.float32).astype(np.float64))
    p1 = np.linspace(0.0, 1.0, x.shape[0])
    x2 = context_features(x, p1)
    assert x2.shape == (x.shape[0], len(LINE_FEATURES) + len(CONTEXT_FEATURES))
    assert np.array_equal(x2, x2.astype(np.float32).astype(np.float64))


def test_empty_page_features() -> None:
    assert line_features([], [], [], [], (0, 0)).shape == (0, len(LINE_FEATURES))


def test_shipped_model_matches_the_features() -> None:
    model = shipped_line_model()
    assert model is not None
    assert model.names == list(LINE_FEATURES) + list(CONTEXT_FEATURES)
    assert model.stage1.n_features == len(LINE_FEATURES)
    assert 0.0 < model.threshold < 1.0
    prepared = prepare_text(product_page())
    p = line_probabilities(model, prepared.features)
    assert p.shape == (len(prepared.items),) and ((p >= 0) & (p <= 1)).all()


def test_product_page_keeps_description_and_list_drops_menus_and_footer() -> None:
    rep = repair_text(product_page())
    texts = [p.text for p in rep.paragraphs]
    assert DESCRIPTION in texts and CARE in texts
    assert "Reinforced heel and toe" in texts
    for junk in (*MENU, *FOOTER):
        assert junk not in texts


def test_rules_only_path_keeps_one_run_of_prose() -> None:
    """Without a model the body is the densest run of prose: the description, not what follows
    the list under it (which is why the classifier exists)."""
    rep = repair_prepared(prepare_text(product_page()), None)
    texts = [p.text for p in rep.paragraphs]
    assert DESCRIPTION in texts and CARE not in texts
    assert not any(t in texts for t in MENU)


def test_classifier_runs_on_english_prose_only() -> None:
    """The model learned English pages: an Indonesian page gets the rules' reading."""
    indonesian = "\n".join(
        [
            *MENU,
            "Pemerintah Kota Medan meresmikan jembatan baru di atas Sungai Deli pada Senin pagi, "
            "disaksikan ratusan warga yang sudah menunggu sejak subuh.",
            "Wali Kota mengatakan jembatan itu dibangun selama delapan bulan dengan biaya Rp 12 "
            "miliar dari anggaran daerah dan bantuan provinsi.",
            *FOOTER,
        ]
    )
    prepared = prepare_text(indonesian)
    everything = np.ones(len(prepared.items), dtype=bool)
    assert repair_prepared(prepared, everything) == repair_prepared(prepared, None)
    english = prepare_text(product_page())
    assert repair_prepared(english, np.ones(len(english.items), dtype=bool)) != repair_prepared(
        english, None
    )
