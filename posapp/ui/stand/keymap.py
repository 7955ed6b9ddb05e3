"""Every key of the stand window, declared once: one key, one meaning, on every screen.

Plain data (no Qt): the window, the payment panel, the help overlay (F1) and docs/ui.md all
read this table; ``tests/unit/test_keymap.py`` checks that no key means two things. A key
listed for ``"payment"`` or ``"paid"`` works while that panel is shown (``"customerDisplay"``:
while the customer display docked in the window's corner has the focus); ``"window"`` keys
work everywhere in the stand window except where a text field needs the key itself (``+``,
``-`` and ``?`` are typed into a search box, not taken as keys there).
"""

from __future__ import annotations

from dataclasses import dataclass

from posapp.domain.tender import PAYMENT_METHODS, PaymentMethod


@dataclass(frozen=True, slots=True)
class Key:
    name: str  # the action's name (an object name's stem: "pay" -> "payAction")
    sequence: str  # in QKeySequence's portable text form ("Shift+F12")
    where: str  # "window", "selling", "payment", "paid" or "customerDisplay"


KEYS: tuple[Key, ...] = (
    Key("help", "F1", "window"),
    Key("helpMark", "?", "window"),  # the same help, when the focus is not in a text field
    Key("search", "F2", "selling"),
    Key("code", "F3", "selling"),
    Key("quantity", "F4", "selling"),
    Key("syncNow", "F5", "window"),
    Key("otherItem", "F6", "selling"),
    Key("lineDiscount", "F7", "selling"),
    Key("cartDiscount", "F8", "selling"),
    Key("history", "F9", "window"),
    Key("orders", "F10", "window"),
    Key("catalog", "F11", "window"),
    Key("pay", "F12", "selling"),
    Key("newOrder", "Shift+F12", "window"),
    Key("removeLine", "Del", "selling"),
    Key("more", "+", "selling"),
    Key("less", "-", "selling"),
    Key("logout", "Ctrl+L", "window"),
    Key("customerDisplay", "Ctrl+D", "window"),
    # the customer display docked in the window's corner (one screen), once clicked
    Key("closeCustomerDisplay", "Esc", "customerDisplay"),
    # the payment panel: Enter pays, Esc goes back to the cart
    *(Key(f"method{info.method.value.capitalize()}", info.key, "payment")
      for info in PAYMENT_METHODS),  # Alt+1 cash, Alt+2 QRIS, Alt+3 card, Alt+4 transfer
    Key("quickCash1", "Ctrl+1", "payment"),  # the exact amount ("Uang pas")
    Key("quickCash2", "Ctrl+2", "payment"),
    Key("quickCash3", "Ctrl+3", "payment"),
    Key("quickCash4", "Ctrl+4", "payment"),
    Key("quickCash5", "Ctrl+5", "payment"),
    Key("splitPayment", "Ctrl+B", "payment"),
    Key("qrisSlip", "Ctrl+P", "payment"),
    Key("confirm", "Return", "payment"),
    Key("back", "Esc", "payment"),
    # after paying: Enter (or the next scan) starts the next sale
    Key("newSale", "Return", "paid"),
    Key("reprint", "Ctrl+R", "paid"),
)
# Closing the shift has no key on purpose: it is done from the menu, with a confirmation.

_BY_NAME = {key.name: key for key in KEYS}


def key(name: str) -> str:
    """The key sequence of the action *name* (KeyError for an undeclared action)."""
    return _BY_NAME[name].sequence


METHOD_KEYS: dict[PaymentMethod, str] = {info.method: info.key for info in PAYMENT_METHODS}
QUICK_CASH_KEYS: tuple[str, ...] = tuple(key(f"quickCash{i}") for i in range(1, 6))
