"""The cart: lines, discounts and the exact arithmetic that makes lines add up to the total."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from posapp.domain.errors import InvalidInput, NotFound
from posapp.domain.messages import msg
from posapp.domain.money import (
    MAX_AMOUNT,
    check_amount,
    parse_rupiah,
    percent_of,
    split_proportionally,
)
from posapp.domain.product import Product

MAX_QUANTITY = 9_999


class DiscountKind(StrEnum):
    AMOUNT = "amount"
    PERCENT = "percent"


@dataclass(frozen=True, slots=True)
class Discount:
    """A discount as the cashier typed it: Rp 5.000 off, or 10 % off."""

    kind: DiscountKind
    value: Decimal

    @classmethod
    def amount(cls, rupiah: int) -> Discount:
        check_amount(rupiah, what=msg("amount.discount"))
        return cls(DiscountKind.AMOUNT, Decimal(rupiah))

    @classmethod
    def percent(cls, pct: Decimal | int | str) -> Discount:
        try:
            value = Decimal(str(pct))
        except InvalidOperation:
            raise InvalidInput("discount.not_a_percentage", text=pct) from None
        if not value.is_finite() or not 0 <= value <= 100:
            raise InvalidInput("discount.percent_out_of_range", percent=pct)
        return cls(DiscountKind.PERCENT, value)

    @classmethod
    def parse(cls, text: str) -> Discount:
        """``10%`` or ``12,5%`` (a percent), else an amount: ``5000``, ``Rp 5.000``."""
        text = text.strip()
        if text.endswith("%"):
            return cls.percent(text[:-1].strip().replace(",", "."))
        return cls.amount(parse_rupiah(text))

    def on(self, base: int) -> int:
        """The rupiah this discount takes off *base* (never more than *base*)."""
        if self.kind is DiscountKind.PERCENT:
            return percent_of(base, self.value)
        off = int(self.value)
        if off > base:
            raise InvalidInput("discount.above_amount", off=off, base=base)
        return off


@dataclass(frozen=True, slots=True)
class CartLine:
    """A product (or open-price custom item) with a quantity and an optional line discount."""

    product: Product
    quantity: int
    unit_price: int
    discount: Discount | None = None

    @property
    def subtotal(self) -> int:
        return self.unit_price * self.quantity

    @property
    def discount_amount(self) -> int:
        return self.discount.on(self.subtotal) if self.discount else 0

    @property
    def net(self) -> int:
        """Subtotal less the line discount (the cart discount comes on top)."""
        return self.subtotal - self.discount_amount


@dataclass(frozen=True, slots=True)
class PricedLine:
    """A line with every amount settled: ``total`` is what the buyer pays for it."""

    line: CartLine
    subtotal: int
    line_discount: int
    cart_discount: int

    @property
    def total(self) -> int:
        return self.subtotal - self.line_discount - self.cart_discount


@dataclass(frozen=True, slots=True)
class Totals:
    lines: tuple[PricedLine, ...]
    subtotal: int
    line_discounts: int
    cart_discount: int

    @property
    def discount(self) -> int:
        return self.line_discounts + self.cart_discount

    @property
    def total(self) -> int:
        return self.subtotal - self.discount


def check_quantity(quantity: int) -> int:
    if isinstance(quantity, bool) or not isinstance(quantity, int):
        raise InvalidInput("cart.quantity_not_whole", quantity=quantity)
    if quantity <= 0:
        raise InvalidInput("cart.quantity_below_one", quantity=quantity)
    if quantity > MAX_QUANTITY:
        raise InvalidInput("cart.quantity_above_max", max=MAX_QUANTITY, quantity=quantity)
    return quantity


@dataclass
class Cart:
    """What the buyer is about to pay for. Mutating methods validate before they change."""

    lines: list[CartLine] = field(default_factory=list)
    discount: Discount | None = None

    def add(self, product: Product, quantity: int = 1, *, price: int | None = None) -> CartLine:
        """Add *product*; the same catalog product at its list price merges into one line."""
        check_quantity(quantity)
        if not product.active:
            raise InvalidInput("cart.product_not_sold", sku=product.sku)
        unit_price = product.price if price is None else price
        check_amount(unit_price, what=msg("amount.price"))
        if unit_price == 0:
            raise InvalidInput("cart.open_price", sku=product.sku)
        for i, line in enumerate(self.lines):
            if line.product.sku == product.sku and line.unit_price == unit_price:
                return self.set_quantity(i, line.quantity + quantity)
        new = CartLine(product, quantity, unit_price)
        self._check_total([*self.lines, new])
        self.lines.append(new)
        return new

    def add_custom(self, name: str, price: int, quantity: int = 1) -> CartLine:
        """An open-price piece with no catalog entry (a unique handmade item)."""
        name = name.strip()
        if not name:
            raise InvalidInput("cart.custom_needs_description")
        custom = Product(sku="CUSTOM", name=name, price=price, category="", stock=0)
        check_quantity(quantity)
        check_amount(price, what=msg("amount.price"))
        if price == 0:
            raise InvalidInput("cart.custom_needs_price")
        new = CartLine(custom, quantity, price)
        self._check_total([*self.lines, new])
        self.lines.append(new)
        return new

    def set_quantity(self, index: int, quantity: int) -> CartLine:
        check_quantity(quantity)
        line = self._line(index)
        new = replace(line, quantity=quantity)
        if new.discount:
            new.discount.on(new.subtotal)  # an amount discount must still fit
        self._check_total([*self.lines[:index], new, *self.lines[index + 1:]])
        self.lines[index] = new
        return new

    def remove(self, index: int) -> CartLine:
        line = self._line(index)
        del self.lines[index]
        return line

    def set_line_discount(self, index: int, discount: Discount | None) -> CartLine:
        line = self._line(index)
        if discount is not None:
            discount.on(line.subtotal)
        new = replace(line, discount=discount)
        self.lines[index] = new
        return new

    def set_discount(self, discount: Discount | None) -> None:
        if discount is not None:
            discount.on(sum(line.net for line in self.lines))
        self.discount = discount

    def clear(self) -> None:
        self.lines.clear()
        self.discount = None

    @property
    def is_empty(self) -> bool:
        return not self.lines

    def totals(self) -> Totals:
        """Price every line; the cart discount is spread so that line totals sum to the total."""
        nets = [line.net for line in self.lines]
        cart_off = self.discount.on(sum(nets)) if self.discount else 0
        shares = split_proportionally(cart_off, nets)
        priced = tuple(
            PricedLine(line, line.subtotal, line.discount_amount, share)
            for line, share in zip(self.lines, shares, strict=True)
        )
        return Totals(
            lines=priced,
            subtotal=sum(p.subtotal for p in priced),
            line_discounts=sum(p.line_discount for p in priced),
            cart_discount=cart_off,
        )

    def _line(self, index: int) -> CartLine:
        if not 0 <= index < len(self.lines):
            raise NotFound("cart.no_line", line=index + 1)
        return self.lines[index]

    @staticmethod
    def _check_total(lines: list[CartLine]) -> None:
        if sum(line.subtotal for line in lines) > MAX_AMOUNT:
            raise InvalidInput("cart.total_above_max", max=MAX_AMOUNT)
