"""The stand session: one stand window's way to its stand, as plain Python the UI drives.

It finds products through the database's indexes (``CatalogSearch``), holds the cart and who is
logged in, and offers every use case a window needs, grouped on desks (``sales``,
``orders``, ``products``, ``prints``, ``settings``, ``sync``, ``backup``); each returns plain
records. The Qt layer only shows them: it never opens a unit of work itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING

from posapp.bootstrap import DataDir, StandHandle, open_stand
from posapp.domain.cart import Cart, CartLine, Discount, DiscountKind
from posapp.domain.errors import NotAllowed
from posapp.domain.policy import price_needs_approval
from posapp.domain.product import Product
from posapp.domain.stand import StandInfo
from posapp.services.catalog_search import CatalogSearch
from posapp.services.session import first_look

if TYPE_CHECKING:  # loaded with the services, after the first screen (finish_loading)
    from posapp.domain.report import ShiftReport
    from posapp.domain.tender import Payment
    from posapp.services import checkout, users
    from posapp.services.session.catalog import CatalogDesk
    from posapp.services.session.config import SettingsDesk
    from posapp.services.session.orders import OrdersDesk
    from posapp.services.session.prints import PrintDesk
    from posapp.services.session.sales import SalesDesk
    from posapp.services.session.upkeep import BackupDesk, SyncDesk
    from posapp.services.users import Actor

#: Discounts above this percent of the amount need a supervisor's PIN.
DEFAULT_DISCOUNT_LIMIT = Decimal(10)


@dataclass
class StandSession:
    """A stand window's state (who is logged in, the cart, the last sale) and its desks.

    Opened lazily (``open_stand(..., lazy=True)``), a session reads its first screen with
    plain sqlite3 (``first_look``) and scans and searches through the database's indexes;
    SQLAlchemy, the store and the services load in ``finish_loading``, which the window
    calls once it has painted (and every desk calls when first used)."""

    handle: StandHandle
    catalog: CatalogSearch
    info: StandInfo
    language: str = first_look.DEFAULT_LANGUAGE
    cashier: Actor | None = None
    cart: Cart = field(default_factory=Cart)
    last_sale: checkout.SaleResult | None = None
    discount_limit: Decimal = DEFAULT_DISCOUNT_LIMIT
    #: The supervisor who approved something in the cart (a discount above the limit), kept
    #: until the cart is paid or cleared: the sale's service checks it again.
    approval: users.Approval | None = None
    loaded: bool = False

    @classmethod
    def open(cls, handle: StandHandle) -> StandSession:
        """The session of the stand *handle* opens: its details and settings read."""
        session = cls.open_lazily(handle)
        session.finish_loading()
        return session

    @classmethod
    def open_lazily(cls, handle: StandHandle) -> StandSession:
        """The session with what its first screen shows (plain sqlite3 reads); the rest is
        loaded by ``finish_loading``."""
        look = first_look.read(handle)
        return cls(handle=handle, catalog=CatalogSearch(handle.reader), info=look.info,
                   language=look.language)

    @classmethod
    def open_stand(cls, data: DataDir, code: str, *, lazy: bool = False) -> StandSession:
        """Open stand *code* of the data folder *data* (migrated first when it is older);
        *lazy*: SQLAlchemy loads later, in ``finish_loading`` (the window paints first)."""
        handle = open_stand(data, code, lazy=lazy)
        try:
            return cls.open_lazily(handle) if lazy else cls.open(handle)
        except BaseException:
            handle.close()
            raise

    def finish_loading(self) -> None:
        """Load SQLAlchemy, the store and the services, and read the stand's settings (the
        discount limit); nothing when done already."""
        if self.loaded:
            return
        from posapp.services import settings

        with self.handle.uow(write=False) as uow:
            limit = settings.load(uow).discount_limit_percent
        self.discount_limit = Decimal(limit)
        self.loaded = True

    # -- the desks, made (and the services loaded) when first used ---------------------
    @cached_property
    def sales(self) -> SalesDesk:
        from posapp.services.session.sales import SalesDesk

        self.finish_loading()
        return SalesDesk(self.handle, self.require_cashier, undone=self._sale_undone)

    @cached_property
    def orders(self) -> OrdersDesk:
        from posapp.services.session.orders import OrdersDesk

        self.finish_loading()
        return OrdersDesk(self.handle, self.require_cashier)

    @cached_property
    def products(self) -> CatalogDesk:
        from posapp.services.session.catalog import CatalogDesk

        self.finish_loading()
        return CatalogDesk(self.handle, self.require_cashier)

    @cached_property
    def prints(self) -> PrintDesk:
        from posapp.services.session.prints import PrintDesk

        self.finish_loading()
        return PrintDesk(self.handle, self.require_cashier)

    @cached_property
    def settings(self) -> SettingsDesk:
        from posapp.services.session.config import SettingsDesk

        self.finish_loading()
        return SettingsDesk(self.handle, self.require_cashier)

    @cached_property
    def sync(self) -> SyncDesk:
        from posapp.services.session.upkeep import SyncDesk

        self.finish_loading()
        return SyncDesk(self.handle, self.require_cashier)

    @cached_property
    def backup(self) -> BackupDesk:
        from posapp.services.session.upkeep import BackupDesk

        self.finish_loading()
        return BackupDesk(self.handle, self.require_cashier)

    def close(self) -> None:
        """Let go of the stand's database (the window closed)."""
        self.handle.close()

    @property
    def code(self) -> str:
        return self.handle.code

    def now(self) -> datetime:
        """The stand's clock: now, naive UTC as stored."""
        return self.handle.clock()

    # -- people and shifts -------------------------------------------------------------
    def login(self, name: str, pin: str, *, picked: bool = False) -> Actor:
        """Log *name* in with *pin*; *picked*: the name was chosen from ``user_names()``."""
        from posapp.services import users

        self.finish_loading()
        self.cashier = users.login(self.handle.uow(write=False), name, pin, picked=picked)
        return self.cashier

    def logout(self) -> None:
        """Nobody logged in: the cart and the sale just paid go (the next cashier's buyer
        sees neither); the stand's last sale stays in ``sales.last()``."""
        self.cashier = None
        self.clear_cart()
        self.last_sale = None

    def clear_cart(self) -> None:
        """An empty cart, and no supervisor's approval kept for it."""
        self.cart.clear()
        self.approval = None

    def user_names(self) -> list[str]:
        """The active users' names, sorted (a cheap read, for the log-in card)."""
        return first_look.user_names(self.handle)

    def require_cashier(self) -> Actor:
        if self.cashier is None:
            raise NotAllowed("user.not_logged_in")
        return self.cashier

    def move_cash(self, amount: int, reason: str, *,
                  approval: users.Approval | None = None) -> ShiftReport:
        """Cash into the drawer (positive) or out of it (negative), with a reason; out above
        the stand's limit needs a supervisor's *approval*."""
        from posapp.services import shifts

        return shifts.move_cash(self.handle.uow(), self.require_cashier(), amount, reason,
                                approval=approval)

    def shift_report(self) -> ShiftReport | None:
        """The open shift's X figures, or None when no shift is open."""
        from posapp.services import reports, shifts

        with self.handle.uow(write=False) as uow:
            shift = shifts.open_shift_row(uow)
            return reports.shift_report(uow, shift) if shift else None

    def open_shift_number(self) -> int | None:
        """The open shift's number, or None (a cheap read, for the status bar)."""
        return first_look.open_shift_number(self.handle)

    def open_shift(self, opening_float: int) -> ShiftReport:
        from posapp.services import shifts

        return shifts.open_shift(self.handle.uow(), self.require_cashier(), opening_float)

    def close_shift(self, counted: int, *, supervisor_name: str | None = None,
                    supervisor_pin: str = "") -> ShiftReport:
        """Close the open shift with the *counted* cash; a count off by more than the stand's
        limit needs a supervisor's name and PIN (refused ``shift.close_needs_supervisor``)."""
        from posapp.services import shifts

        report = shifts.close_shift(self.handle.uow(), self.require_cashier(), counted,
                                    supervisor_name=supervisor_name,
                                    supervisor_pin=supervisor_pin)
        self.clear_cart()
        return report

    def shift_report_text(self, report: ShiftReport, lang: str) -> str:
        """*report* (X or Z) in plain text in *lang*, as the printer has it, printed now."""
        from posapp.printing.text_report import render_shift_report

        info = self.info
        return render_shift_report(
            report, header=[info.event_name, f"{info.name} ({info.province})"],
            zone=info.zone, printed_at=self.now(), lang=lang)

    # -- the cart ----------------------------------------------------------------------
    def scan(self, code: str) -> CartLine:
        """Add one of the product whose barcode or SKU is *code*; the cart is unchanged on error."""
        product = self.catalog.find(code)
        self.last_sale = None
        return self.cart.add(product, 1)

    def add(self, product: Product, quantity: int = 1, *, price: int | None = None) -> CartLine:
        self.last_sale = None
        return self.cart.add(product, quantity, price=price)

    def needs_supervisor(self, discount: Discount, base: int) -> bool:
        """True when *discount* on *base* is above the limit a cashier may give alone."""
        self.finish_loading()  # the limit is the stand's setting
        if discount.kind is DiscountKind.PERCENT:
            return discount.value > self.discount_limit
        return base > 0 and Decimal(int(discount.value)) * 100 > self.discount_limit * base

    def price_needs_supervisor(self, product: Product | None, price: int) -> bool:
        """True when selling *product* (None: a custom item) at *price* needs a supervisor:
        a catalog price changed, or an open price below the stand's floor."""
        from posapp.services import settings

        with self.handle.uow(write=False) as uow:
            floor = settings.load(uow).open_price_floor
        list_price = product.price if product is not None and product.id is not None else 0
        return price_needs_approval(list_price, price, floor)

    def approve(self, name: str, pin: str) -> Actor:
        """A supervisor's name and PIN, checked (for discounts above the limit), and kept
        for the sale: paying passes them to the service, which checks them again."""
        from posapp.services import users

        with self.handle.uow(write=False) as uow:
            approver = users.supervisor(uow, name, pin)
        self.approval = users.Approval(name, pin)
        return approver

    def total(self) -> int:
        return self.cart.totals().total

    # -- paying ------------------------------------------------------------------------
    def pay(self, payments: list[Payment]) -> checkout.SaleResult:
        """Commit the sale; on success the cart is cleared."""
        from posapp.services import checkout

        sale = checkout.checkout(self.handle.uow(), self.require_cashier(), self.cart, payments,
                                 approval=self.approval)
        self.clear_cart()
        self.last_sale = sale
        return sale

    def _sale_undone(self, receipt_no: str) -> None:
        """The last sale voided or refunded: it is no longer the paid sale to show."""
        if self.last_sale is not None and self.last_sale.receipt_no == receipt_no:
            self.last_sale = None

