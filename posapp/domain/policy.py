"""Who may do what at a stand, declared once: the services check every caller against this
table (the command line, the window, anything later), and ``docs/roles.md`` prints it.

Two roles: a **cashier** sells; a **supervisor** may do everything. An action marked
``approval`` needs a supervisor: a supervisor doing it approves it themselves, a cashier
(or a command run with no one logged in) names a supervisor, whose PIN the service checks.
``when`` says when the approval is needed (empty: always). The journal entry of an approved
action records who acted and who approved.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from posapp.domain.errors import InvalidInput
from posapp.domain.messages import N_, Message, msg, text


class Role(StrEnum):
    CASHIER = "cashier"
    SUPERVISOR = "supervisor"

    @property
    def label(self) -> Message:
        """The role's name for a person to read, in any language (``.text(lang)``)."""
        return msg(_ROLE_LABELS[self])

    @classmethod
    def parse(cls, text: str) -> Role:
        try:
            return cls(text.strip().lower())
        except ValueError:
            raise InvalidInput("user.unknown_role", text=text) from None


_ROLE_LABELS = {Role.CASHIER: N_("role.cashier"), Role.SUPERVISOR: N_("role.supervisor")}


class Action(StrEnum):
    SELL = "sell"
    DISCOUNT = "discount"
    PRICE = "price"
    VOID = "void"
    REFUND = "refund"
    CASH_IN = "cash_in"
    CASH_OUT = "cash_out"
    SHIFT_OPEN = "shift_open"
    SHIFT_CLOSE = "shift_close"
    X_REPORT = "x_report"
    ORDER = "order"
    ORDER_CANCEL = "order_cancel"
    STOCK = "stock"
    CATALOG = "catalog"
    USERS = "users"
    UNLOCK = "unlock"
    SETTINGS = "settings"
    EVENT = "event"
    RESTORE = "restore"

    @property
    def rule(self) -> Rule:
        return _RULES[self]

    @property
    def label(self) -> Message:
        """What the action is, to say in a refusal (``.text(lang)``)."""
        return msg(self.rule.label)


@dataclass(frozen=True, slots=True)
class Rule:
    action: Action
    label: str  # message id: what the action is ("a discount above the stand's limit")
    approval: bool  # a cashier needs a supervisor's approval (when ``when``)
    when: str = ""  # message id: when the approval is needed; "" = every time


#: The stand's policy, in the order docs/roles.md prints it.
POLICY: tuple[Rule, ...] = (
    Rule(Action.SELL, N_("policy.sell"), approval=False),
    Rule(Action.SHIFT_OPEN, N_("policy.shift_open"), approval=False),
    Rule(Action.CASH_IN, N_("policy.cash_in"), approval=False),
    Rule(Action.ORDER, N_("policy.order"), approval=False),
    Rule(Action.STOCK, N_("policy.stock"), approval=False),
    Rule(Action.DISCOUNT, N_("policy.discount"), approval=True,
         when=N_("policy.when.discount")),
    Rule(Action.PRICE, N_("policy.price"), approval=True, when=N_("policy.when.price")),
    Rule(Action.CASH_OUT, N_("policy.cash_out"), approval=True,
         when=N_("policy.when.cash_out")),
    Rule(Action.SHIFT_CLOSE, N_("policy.shift_close"), approval=True,
         when=N_("policy.when.shift_close")),
    Rule(Action.X_REPORT, N_("policy.x_report"), approval=True,
         when=N_("policy.when.x_report")),
    Rule(Action.VOID, N_("policy.void"), approval=True),
    Rule(Action.REFUND, N_("policy.refund"), approval=True),
    Rule(Action.ORDER_CANCEL, N_("policy.order_cancel"), approval=True),
    Rule(Action.CATALOG, N_("policy.catalog"), approval=True, when=N_("policy.when.catalog")),
    Rule(Action.USERS, N_("policy.users"), approval=True, when=N_("policy.when.users")),
    Rule(Action.UNLOCK, N_("policy.unlock"), approval=True),
    Rule(Action.SETTINGS, N_("policy.settings"), approval=True,
         when=N_("policy.when.settings")),
    Rule(Action.EVENT, N_("policy.event"), approval=True),
    Rule(Action.RESTORE, N_("policy.restore"), approval=True),
)
_RULES = {rule.action: rule for rule in POLICY}

#: The settings a cashier changes alone (how their own screen works); every other setting
#: (printer, paper, QRIS, limits, central store, backups) needs a supervisor.
FREE_SETTINGS = frozenset({"language", "scanner_suffix", "scanner_interval_ms",
                           "customer_display", "printer_asked"})


def discount_above_limit(off: int, base: int, limit_percent: int | Decimal) -> bool:
    """True when taking *off* rupiah off *base* is more than *limit_percent* of it."""
    return off > 0 and Decimal(off) * 100 > Decimal(limit_percent) * base


def price_needs_approval(list_price: int, price: int, floor: int) -> bool:
    """A piece sold at *price*: a catalog price changed at the counter (a price override), or
    an open-price piece (list price 0) below the stand's *floor*."""
    if list_price > 0:
        return price != list_price
    return price < floor


def roles_table(lang: str) -> str:
    """The policy as a Markdown table in *lang* (docs/roles.md)."""
    yes, no = text("policy.doc.yes", lang), text("policy.doc.approval", lang)
    head = [text("policy.doc.action", lang), text("role.cashier", lang).capitalize(),
            text("role.supervisor", lang).capitalize(), text("policy.doc.when", lang)]
    lines = ["| " + " | ".join(head) + " |", "|---|---|---|---|"]
    for rule in POLICY:
        when = text(rule.when, lang) if rule.when else (text("policy.doc.always", lang)
                                                         if rule.approval else "")
        lines.append(f"| {text(rule.label, lang)} | {no if rule.approval else yes} | {yes} "
                     f"| {when} |")
    return "\n".join(lines) + "\n"


#: Wrong PINs in a row before a name waits, and how long it waits at each further lock-out
#: (30 s after 5, 1 min after 10, 5 min after 15, 15 min after 20 and every further 5).
LOCKOUT_AFTER = 5
LOCKOUT_WAITS = (30, 60, 300, 900)


def lockout_seconds(failures: int) -> int:
    """How long a name waits after its *failures*-th wrong PIN in a row (0: not locked)."""
    if failures < LOCKOUT_AFTER or failures % LOCKOUT_AFTER:
        return 0
    return LOCKOUT_WAITS[min(failures // LOCKOUT_AFTER, len(LOCKOUT_WAITS)) - 1]


def wait_words(seconds: float) -> Message:
    """A wait to say: "30 seconds", "1 minute", "5 minutes" (rounded up)."""
    whole = max(1, math.ceil(seconds))
    if whole < 60:
        return msg(N_("wait.second") if whole == 1 else N_("wait.seconds"), n=whole)
    minutes = math.ceil(whole / 60)
    return msg(N_("wait.minute") if minutes == 1 else N_("wait.minutes"), n=minutes)


#: PIN lengths: a cashier's 4 to 8 digits, a supervisor's 6 to 8.
PIN_LENGTHS = {Role.CASHIER: (4, 8), Role.SUPERVISOR: (6, 8)}


def check_pin_for(role: Role, pin: str) -> str:
    """*pin* if it suits *role*: digits only, 4 to 8 of them, at least 6 for a supervisor."""
    low, high = PIN_LENGTHS[role]
    if not (pin or "").isascii() or not (pin or "").isdigit() or not low <= len(pin) <= high:
        if role is Role.SUPERVISOR:
            raise InvalidInput("user.pin_format_supervisor")
        raise InvalidInput("user.pin_format")
    return pin
