"""The stylesheet's colours, read in the pairs it uses them, reach WCAG AA: text 4.5:1
against its background, a focus ring 3:1 against what it sits on and beside.

The stylesheet is the shipped resources/style/posapp.qss with its tokens filled in, as the
windows get it. A rule's text sits on the rule's own background; without one, on the
background of the same selector without its state (``QPushButton:hover`` takes
``QPushButton``'s), else on the window or a white surface (both are checked). Rules for
disabled controls are left out: WCAG exempts a control nobody can use.
"""

from __future__ import annotations

import re

import pytest

from posapp.ui.common.look_tokens import COLOURS, stylesheet

TEXT_RATIO = 4.5
RING_RATIO = 3.0
HEX = re.compile(r"#[0-9a-fA-F]{6}\b")


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``#rrggbb``."""
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def rules(sheet: str) -> dict[str, dict[str, str]]:
    """Each selector (a comma list split up) -> its declarations, later rules merged in."""
    sheet = re.sub(r"/\*.*?\*/", "", sheet, flags=re.DOTALL)
    found: dict[str, dict[str, str]] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", sheet):
        declarations = {}
        for line in body.split(";"):
            if ":" in line:
                name, value = line.split(":", 1)
                declarations[name.strip()] = value.strip()
        for selector in selectors.split(","):
            found.setdefault(" ".join(selector.split()), {}).update(declarations)
    return found


def colour_of(declarations: dict[str, str], *names: str) -> str | None:
    for name in names:
        match = HEX.search(declarations.get(name, ""))
        if match:
            return match.group(0).lower()
    return None


def without_state(selector: str) -> str:
    """``QPushButton[role="danger"]:hover`` -> ``QPushButton[role="danger"]`` (sub-controls
    such as ``::item`` stay)."""
    return re.sub(r"(?<!:):(?!:)[a-z!-]+", "", selector)


BACKGROUND = ("background-color", "background")
BORDER = ("border", "border-color", "border-left")
PLAIN = (COLOURS["window"], COLOURS["surface"])


def backgrounds(sheet: dict[str, dict[str, str]], selector: str) -> list[str]:
    for candidate in (selector, without_state(selector)):
        found = colour_of(sheet.get(candidate, {}), *BACKGROUND)
        if found:
            return [found]
    return list(PLAIN)


def failures(text: str) -> list[str]:
    """Every pair in the stylesheet *text* below its ratio, as a readable line."""
    sheet = rules(text)
    bad = []
    for selector, declarations in sheet.items():
        if ":disabled" in selector:
            continue
        under = backgrounds(sheet, selector)
        ink = colour_of(declarations, "color")
        if ink is None and colour_of(declarations, *BACKGROUND):
            ink = colour_of(sheet.get(without_state(selector), {}), "color")
        for background in under if ink else ():
            ratio = contrast(ink, background)
            if ratio < TEXT_RATIO:
                bad.append(f"{selector}: text {ink} on {background} is {ratio:.2f}:1")
        ring = colour_of(declarations, *BORDER)
        if ":focus" in selector and ring:
            for beside in {*under, *PLAIN}:
                ratio = contrast(ring, beside)
                if ratio < RING_RATIO:
                    bad.append(f"{selector}: ring {ring} beside {beside} is {ratio:.2f}:1")
    return bad


def test_the_contrast_formula_matches_wcag_examples() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_every_text_and_focus_ring_of_the_stylesheet_reaches_wcag_aa() -> None:
    assert failures(stylesheet()) == []


def test_the_stylesheet_pairs_text_with_its_background() -> None:
    sheet = rules(stylesheet())
    primary = sheet['QPushButton[role="primary"]']
    assert (colour_of(primary, "color"), colour_of(primary, *BACKGROUND)) == (
        COLOURS["on_primary"], COLOURS["primary"])
    assert colour_of(sheet["QPushButton:focus"], *BORDER) == COLOURS["focus"]
    # a focus ring for every kind of widget a keyboard reaches
    for kind in ("QPushButton", "QLineEdit", "QSpinBox", "QComboBox", "QAbstractItemView",
                 "QTabBar::tab", "QCheckBox", "QPlainTextEdit"):
        assert colour_of(sheet[f"{kind}:focus"], *BORDER), kind


def test_a_pale_text_or_a_faint_ring_is_caught() -> None:
    pale = "QLabel[role=\"muted\"] { color: #9aa1a9; }"
    faint = ("QLineEdit { background-color: #ffffff; }"
             " QLineEdit:focus { border: 2px solid #c0c4ca; }")
    assert any("text #9aa1a9" in line for line in failures(pale))
    assert any("ring #c0c4ca" in line for line in failures(faint))
    hover = ("QPushButton { background-color: #0f766e; color: #ffffff; }"
             " QPushButton:hover { background-color: #5eead4; }")
    assert any("QPushButton:hover" in line for line in failures(hover))
