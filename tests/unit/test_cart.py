from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from posapp.domain.cart import Cart, Discount
from posapp.domain.errors import InvalidInput, NotFound
from posapp.domain.product import Product

BATIK = Product("JTM-BTK-001", "Batik Tulis Madura", 450_000, barcode="8991234500017", id=1)
HIJAB = Product("JTM-JLB-001", "Jilbab Lukis", 85_000, id=2)
OPEN = Product("JTM-CST-001", "Batik Pesanan", 0, id=3)


def test_same_product_merges_into_one_line() -> None:
    cart = Cart()
    cart.add(BATIK)
    cart.add(BATIK, 2)
    assert len(cart.lines) == 1
    assert cart.lines[0].quantity == 3
    assert cart.totals().total == 1_350_000


def test_quantity_change_and_remove() -> None:
    cart = Cart()
    cart.add(BATIK)
    cart.add(HIJAB)
    cart.set_quantity(1, 4)
    assert cart.totals().total == 450_000 + 4 * 85_000
    cart.remove(0)
    assert [ln.product.sku for ln in cart.lines] == ["JTM-JLB-001"]
    with pytest.raises(NotFound):
        cart.remove(5)


@pytest.mark.parametrize("qty", [0, -1, 10_000])
def test_bad_quantities_are_refused(qty: int) -> None:
    cart = Cart()
    with pytest.raises(InvalidInput):
        cart.add(BATIK, qty)
    assert cart.is_empty


def test_open_price_item_needs_a_price() -> None:
    cart = Cart()
    with pytest.raises(InvalidInput, match="open price"):
        cart.add(OPEN)
    cart.add(OPEN, price=750_000)
    assert cart.totals().total == 750_000


def test_custom_item() -> None:
    cart = Cart()
    cart.add_custom("Tas anyaman pesanan warna merah", 175_000, 2)
    assert cart.totals().total == 350_000
    with pytest.raises(InvalidInput):
        cart.add_custom("  ", 1000)


def test_line_discount_percent_rounds_half_up() -> None:
    cart = Cart()
    cart.add(Product("X", "x", 12_345, id=9))
    cart.set_line_discount(0, Discount.percent(10))
    totals = cart.totals()
    assert totals.line_discounts == 1_235
    assert totals.total == 11_110


def test_amount_discount_larger_than_line_is_refused() -> None:
    cart = Cart()
    cart.add(HIJAB)
    with pytest.raises(InvalidInput):
        cart.set_line_discount(0, Discount.amount(90_000))
    assert cart.lines[0].discount is None


def test_cart_discount_spreads_over_lines_exactly() -> None:
    cart = Cart()
    cart.add(BATIK)
    cart.add(HIJAB, 3)
    cart.add(Product("K", "Gantungan kunci", 15_000, id=4))
    cart.set_discount(Discount.percent("7.5"))
    totals = cart.totals()
    assert totals.cart_discount == 54_000  # 7.5 % of 720.000
    assert sum(p.total for p in totals.lines) == totals.total == 720_000 - 54_000
    assert [p.cart_discount for p in totals.lines] == [33_750, 19_125, 1_125]


@pytest.mark.parametrize("pct", ["-1", "100.5", "abc"])
def test_bad_percent(pct: str) -> None:
    with pytest.raises(InvalidInput):
        Discount.percent(pct)


def test_sale_above_ten_billion_is_refused() -> None:
    cart = Cart()
    cart.add(Product("G", "Gamelan", 5_000_000_000, id=5), 2)
    with pytest.raises(InvalidInput, match=r"10\.000\.000\.000"):
        cart.add(Product("H", "Hiasan", 1, id=6))


@given(
    st.lists(st.tuples(st.integers(1, 5_000_000), st.integers(1, 20),
                       st.one_of(st.none(), st.decimals(0, 100, places=1))),
             min_size=1, max_size=15),
    st.one_of(st.none(), st.decimals(0, 100, places=2)),
)
def test_lines_always_add_up_to_total(lines, cart_pct) -> None:  # type: ignore[no-untyped-def]
    cart = Cart()
    for i, (price, qty, pct) in enumerate(lines):
        cart.add(Product(f"P{i}", f"p{i}", price, id=i), qty)
        if pct is not None:
            cart.set_line_discount(i, Discount.percent(pct))
    if cart_pct is not None:
        cart.set_discount(Discount.percent(cart_pct))
    totals = cart.totals()
    assert sum(p.total for p in totals.lines) == totals.total
    assert totals.total == totals.subtotal - totals.discount
    assert all(p.total >= 0 for p in totals.lines)
    if cart_pct is not None:
        net = sum(ln.net for ln in cart.lines)
        assert totals.cart_discount == int(Decimal(net) * cart_pct / 100 + Decimal("0.5"))
