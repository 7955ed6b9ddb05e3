"""The look's named tokens (colours, type scale, spacing) and the stylesheet built from them.

No Qt here: the stylesheet is text, ``resources/style/posapp.qss`` with ``@token`` where a
token's value goes, so a test can read the colours it pairs without a window.
``posapp.ui.common.look`` applies it, with a palette made from the same tokens.
"""

from __future__ import annotations

import re
from types import MappingProxyType

from posapp.resources import resource

#: Colours. A light theme: a calm neutral grey for the window, white for what holds
#: content, one deep teal for the main action, one red for what destroys, amber for a
#: warning. Each text colour is paired with its background in the stylesheet and reaches
#: WCAG AA against it (tests/unit/test_look_contrast.py).
COLOURS = MappingProxyType({
    "window": "#f4f5f7",        # the window behind everything
    "surface": "#ffffff",       # inputs, lists, tables, buttons, the status bar
    "surface_alt": "#eceef1",   # alternate rows, table headers, a pressed plain button
    "line": "#dde1e6",          # dividers, group frames
    "border": "#b9c0ca",        # the edge of an input or a plain button
    "ink": "#1b2430",           # text
    "ink_muted": "#4a5562",     # secondary text: headers, the status bar, placeholders
    "ink_disabled": "#8a939f",  # a disabled control's text (WCAG exempts it)
    "fill_disabled": "#e4e7eb",
    "primary": "#0f766e",       # the screen's main action, the selection
    "primary_hover": "#115e59",
    "primary_pressed": "#134e4a",
    "primary_tint": "#e3f2ef",  # a secondary button, a banner, a menu's hovered item
    "primary_tint_hover": "#cde8e3",
    "primary_ink": "#134e4a",   # text on the tint
    "on_primary": "#ffffff",    # text on the primary fill
    "danger": "#b42318",
    "danger_hover": "#912018",
    "danger_tint": "#fef3f2",
    "success": "#17663a",       # a line saying it worked ("Tersimpan")
    "warning_tint": "#fff4e0",
    "warning_ink": "#7a4100",
    "warning_edge": "#b54708",
    "focus": "#1d4ed8",         # the focus ring: blue, unlike anything else on screen
    "focus_on_fill": "#111827",  # the ring of a filled (primary) button: blue on teal fades
    "tooltip": "#1b2430",
    "on_tooltip": "#ffffff",
})

#: The type scale in points: body (the application font), the status bar and small print,
#: headings, large figures (totals, change), the main action's label.
TYPE = MappingProxyType({
    "body_pt": "10pt",
    "small_pt": "9pt",
    "heading_pt": "14pt",
    "figure_pt": "24pt",
    "primary_pt": "14pt",
})

#: Spacing in pixels (a 4-pixel grid), corner radius, icon sizes.
SPACE = MappingProxyType({
    "space_1": "4px",
    "space_2": "8px",
    "space_3": "12px",
    "space_4": "16px",
    "radius": "6px",
    "icon": "20px",
    "icon_primary": "24px",
})

TOKENS = MappingProxyType({**COLOURS, **TYPE, **SPACE})

#: Font families, first found wins: Windows' UI font, then the ones Debian, Ubuntu and
#: Fedora desktops have (DejaVu Sans is on every Debian with a desktop), then macOS's.
FONT_FAMILIES = ("Segoe UI", "Noto Sans", "Cantarell", "Ubuntu", "DejaVu Sans",
                 "Helvetica Neue", "Arial")

_TOKEN = re.compile(r"@([a-z][a-z0-9_]*)")


def stylesheet_template() -> str:
    """The stylesheet with its ``@token`` placeholders, as shipped."""
    return resource("style/posapp.qss").read_text(encoding="utf-8")


def render(template: str, tokens: dict[str, str] | MappingProxyType[str, str] = TOKENS) -> str:
    """*template* with every ``@token`` replaced by its value; an unknown token is an error
    (a typo would otherwise reach Qt as a silently ignored rule)."""
    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in tokens:
            raise ValueError(f"posapp.qss: unknown token @{name}")
        return tokens[name]

    return _TOKEN.sub(value, template)


def stylesheet() -> str:
    """The application's stylesheet, ready for QApplication.setStyleSheet."""
    return render(stylesheet_template())
