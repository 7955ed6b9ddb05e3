"""Qt models without a window: rows in, data() out."""

from __future__ import annotations

from PySide6.QtCore import Qt

from posapp.domain.cart import Cart, Discount
from posapp.domain.product import Product
from posapp.ui.common.models import CartModel, ProductGridModel, RawRole

PRODUCTS = [Product(f"SKU-{i}", f"Batik {i}", 10_000 * (i + 1), id=i) for i in range(10)]


def test_grid_lays_products_out_in_rows_of_cells(qapp) -> None:  # type: ignore[no-untyped-def]
    model = ProductGridModel(columns=4)
    model.set_rows(PRODUCTS)
    assert (model.rowCount(), model.columnCount()) == (3, 4)
    assert model.index(1, 2).data() == "Batik 6\nRp 70.000"
    assert model.index(2, 1).data(RawRole).sku == "SKU-9"
    assert model.index(2, 2).data() is None  # past the last product
    assert not model.flags(model.index(2, 3)) & Qt.ItemFlag.ItemIsEnabled
    model.set_columns(5)
    assert model.rowCount() == 2 and model.product_at(model.index(1, 0)).sku == "SKU-5"


def test_open_price_products_show_a_dash(qapp) -> None:  # type: ignore[no-untyped-def]
    model = ProductGridModel(columns=2)
    model.set_rows([Product("CST", "Batik pesanan", 0, id=1)])
    assert model.index(0, 0).data() == "Batik pesanan\n—"


def test_cart_model_shows_priced_lines(qapp) -> None:  # type: ignore[no-untyped-def]
    cart = Cart()
    cart.add(PRODUCTS[0], 2)
    cart.add(PRODUCTS[1])
    cart.set_line_discount(1, Discount.amount(5_000))
    model = CartModel()
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.set_totals(cart.totals())
    assert model.rowCount() == 2
    row = [model.index(1, c).data() for c in range(model.columnCount())]
    assert row == ["Batik 1", "1", "Rp 20.000", "-Rp 5.000", "Rp 15.000"]
    assert model.index(0, CartModel.DISCOUNT).data() == ""
    changed: list[int] = []
    model.dataChanged.connect(lambda *_: changed.append(1))
    cart.set_quantity(0, 3)
    model.set_totals(cart.totals())  # same number of lines: cells change, no reset
    assert changed and len(resets) == 1
    assert model.index(0, CartModel.TOTAL).data() == "Rp 30.000"
    model.set_headers(["Barang", "Jml", "Harga", "Diskon", "Total"])
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Barang"
