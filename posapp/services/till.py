"""The till: one cashier's session at a stand window, as plain Python the UI drives.

It keeps the catalog in memory for instant scans and searches, holds the cart, and calls
the services for everything that changes the database. The Qt layer only shows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

from sqlalchemy import select

from posapp.bootstrap import StandHandle
from posapp.domain.cart import Cart, CartLine, Discount, DiscountKind
from posapp.domain.errors import NotAllowed, NotFound
from posapp.domain.product import Product
from posapp.domain.report import ShiftReport
from posapp.domain.tender import Payment
from posapp.services import checkout, reports, settings, shifts, stand, users
from posapp.services.stand import StandInfo
from posapp.services.users import Actor
from posapp.store.models import ProductRow, table

#: Discounts above this percent of the amount need a supervisor's PIN.
DEFAULT_DISCOUNT_LIMIT = Decimal(10)


@dataclass
class CatalogIndex:
    """Every active product, by barcode and SKU, and lower-case text for searching.

    Built at every window start from 100,000 rows and more: plain tuples from the driver
    and positional Product(...) calls; the search text is made on the first search.
    """

    products: list[Product] = field(default_factory=list)
    by_code: dict[str, Product] = field(default_factory=dict)
    position: dict[int, int] = field(default_factory=dict)  # product id -> list index
    _haystack: list[str] | None = None

    @classmethod
    def load(cls, handle: StandHandle) -> CatalogIndex:
        t = table(ProductRow)
        # columns in Product's field order, so each row is Product(*row)
        query = (select(t.c.sku, t.c.name, t.c.price, t.c.barcode, t.c.category,
                        t.c.maker_group, t.c.region, t.c.stock, t.c.active, t.c.id)
                 .where(t.c.active).order_by(t.c.category, t.c.name))
        with handle.uow(write=False) as uow:
            # compiled for this database, run on its driver: plain tuples, no Row objects
            # (100 ms of 1.2 s at 100,000 products); the query has no parameters
            sql = str(query.compile(uow.connection))
            rows = uow.connection.exec_driver_sql(sql).all()
        index = cls()
        index.products = [Product(*row) for row in rows]
        index._index_codes()
        return index

    def _index_codes(self) -> None:
        by_code, position = self.by_code, self.position
        for i, p in enumerate(self.products):
            by_code[p.sku.upper()] = p
            if p.barcode:
                by_code[p.barcode] = p
            if p.id is not None:
                position[p.id] = i

    def add(self, product: Product) -> None:
        self.products.append(product)
        self._haystack = None
        self.by_code[product.sku.upper()] = product
        if product.barcode:
            self.by_code[product.barcode] = product
        if product.id is not None:
            self.position[product.id] = len(self.products) - 1

    @property
    def haystack(self) -> list[str]:
        if self._haystack is None:
            self._haystack = [
                f"{p.name} {p.sku} {p.barcode or ''} {p.maker_group} {p.category} "
                f"{p.region}".casefold()
                for p in self.products
            ]
        return self._haystack

    def find(self, code: str) -> Product:
        code = code.strip()
        product = self.by_code.get(code) or self.by_code.get(code.upper())
        if product is None:
            raise NotFound("catalog.unknown_code", code=code)
        return product

    def categories(self) -> list[str]:
        return sorted({p.category for p in self.products if p.category})

    def search(self, text: str = "", category: str | None = None) -> list[Product]:
        """Products whose name, SKU, barcode, maker group, category or region hold every word."""
        words = text.casefold().split()
        if not words:
            return (self.products if category is None
                    else [p for p in self.products if p.category == category])
        return [
            p for p, hay in zip(self.products, self.haystack, strict=True)
            if (category is None or p.category == category) and all(w in hay for w in words)
        ]

    def update_stock(self, changed: dict[int, int]) -> None:
        """Refresh stock figures after a sale, void or refund (products are immutable)."""
        for pid, stock in changed.items():
            i = self.position.get(pid)
            if i is None:
                continue
            fresh = replace(self.products[i], stock=stock)
            self.products[i] = fresh
            self.by_code[fresh.sku.upper()] = fresh
            if fresh.barcode:
                self.by_code[fresh.barcode] = fresh


@dataclass
class Till:
    """A stand window's state: who is logged in, the cart, the last sale's change."""

    handle: StandHandle
    catalog: CatalogIndex
    info: StandInfo
    cashier: Actor | None = None
    cart: Cart = field(default_factory=Cart)
    last_sale: checkout.SaleResult | None = None
    discount_limit: Decimal = DEFAULT_DISCOUNT_LIMIT

    @classmethod
    def open(cls, handle: StandHandle) -> Till:
        with handle.uow(write=False) as uow:
            info, limit = stand.load(uow), settings.load(uow).discount_limit_percent
        return cls(handle=handle, catalog=CatalogIndex.load(handle), info=info,
                   discount_limit=Decimal(limit))

    # -- people and shifts -------------------------------------------------------------
    def login(self, name: str, pin: str) -> Actor:
        self.cashier = users.login(self.handle.uow(write=False), name, pin)
        return self.cashier

    def logout(self) -> None:
        self.cashier = None
        self.cart.clear()

    def user_names(self) -> list[str]:
        return [a.name for a in users.list_users(self.handle.uow(write=False))]

    def require_cashier(self) -> Actor:
        if self.cashier is None:
            raise NotAllowed("user.not_logged_in")
        return self.cashier

    def shift_report(self) -> ShiftReport | None:
        """The open shift's X figures, or None when no shift is open."""
        with self.handle.uow(write=False) as uow:
            shift = shifts.open_shift_row(uow)
            return reports.shift_report(uow, shift) if shift else None

    def open_shift_number(self) -> int | None:
        """The open shift's number, or None (a cheap read, for the status bar)."""
        with self.handle.uow(write=False) as uow:
            shift = shifts.open_shift_row(uow)
            return shift.number if shift else None

    def open_shift(self, opening_float: int) -> ShiftReport:
        return shifts.open_shift(self.handle.uow(), self.require_cashier(), opening_float)

    def close_shift(self, counted: int) -> ShiftReport:
        report = shifts.close_shift(self.handle.uow(), self.require_cashier(), counted)
        self.cart.clear()
        return report

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
        if discount.kind is DiscountKind.PERCENT:
            return discount.value > self.discount_limit
        return base > 0 and Decimal(int(discount.value)) * 100 > self.discount_limit * base

    def approve(self, name: str, pin: str) -> Actor:
        """A supervisor's name and PIN, checked (for discounts above the limit)."""
        with self.handle.uow(write=False) as uow:
            return users.supervisor(uow, name, pin)

    def total(self) -> int:
        return self.cart.totals().total

    # -- paying ------------------------------------------------------------------------
    def pay(self, payments: list[Payment]) -> checkout.SaleResult:
        """Commit the sale; on success the cart is cleared and stock figures refreshed."""
        sale = checkout.checkout(self.handle.uow(), self.require_cashier(), self.cart, payments)
        sold = {ln.product.id for ln in self.cart.lines if ln.product.id is not None}
        self.cart.clear()
        self.last_sale = sale
        self.refresh_stock(sold)
        return sale

    def refresh_stock(self, ids: set[int]) -> None:
        if not ids:
            return
        t = table(ProductRow)
        with self.handle.uow(write=False) as uow:
            rows = uow.connection.execute(
                select(t.c.id, t.c.stock).where(t.c.id.in_(ids))).all()
        self.catalog.update_stock({r.id: r.stock for r in rows})
