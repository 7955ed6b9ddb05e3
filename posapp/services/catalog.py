"""The stand's catalog: look-ups, import (all or nothing), export, stock adjustments."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, case, insert, select

from posapp.domain.catalog import CatalogFileError, CatalogRow, RowProblem
from posapp.domain.errors import InvalidInput, NotFound
from posapp.domain.journal import EventKind
from posapp.domain.messages import msg
from posapp.domain.product import Product
from posapp.domain.text import TextKind, clean_text
from posapp.services import journal
from posapp.services.stand import load as load_stand
from posapp.services.users import Action, Actor, Approval, acted, approve, require_active
from posapp.store import tables
from posapp.store.uow import UnitOfWork

if TYPE_CHECKING:
    from posapp.store.models import ProductRow


def to_product(row: Any) -> Product:
    """The product of a catalog row (an ORM ``ProductRow`` or a Core row of its columns)."""
    return Product(
        sku=row.sku,
        name=row.name,
        price=row.price,
        barcode=row.barcode,
        category=row.category,
        maker_group=row.maker_group,
        region=row.region,
        stock=row.stock,
        active=row.active,
        id=row.id,
    )


def find_product(uow: UnitOfWork, code: str) -> Product:
    """The product whose barcode or SKU is *code* (inside an open unit of work; a barcode
    before a SKU, as ``find_row``): one Core statement, no ORM (``posapp sell``)."""
    code = code.strip()
    row = uow.core.execute(_BY_CODE, {"code": code, "sku": code.upper()}).first()
    if row is None:
        raise NotFound("catalog.unknown_code", code=code)
    return to_product(row)


def find_row(uow: UnitOfWork, code: str) -> ProductRow:
    """The product row whose barcode or SKU is *code* (inside an open unit of work), for
    code that changes it through the ORM."""
    from posapp.store.models import ProductRow

    code = code.strip()
    session = uow.session
    row = session.scalar(select(ProductRow).where(ProductRow.barcode == code))
    if row is None:
        row = session.scalar(select(ProductRow).where(ProductRow.sku == code.upper()))
    if row is None:
        raise NotFound("catalog.unknown_code", code=code)
    return row


def lookup(uow: UnitOfWork, code: str) -> Product:
    """Find a product by barcode or SKU."""
    with uow:
        return find_product(uow, code)


def list_products(uow: UnitOfWork, *, include_inactive: bool = False) -> list[Product]:
    with uow:
        query = select(_PRODUCT).order_by(_PRODUCT.c.category, _PRODUCT.c.name)
        if not include_inactive:
            query = query.where(_PRODUCT.c.active)
        return [to_product(r) for r in uow.core.execute(query)]


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    unchanged: int
    stock_changes: int


def import_catalog(uow: UnitOfWork, rows: Sequence[CatalogRow], *, actor: Actor | None = None,
                   approval: Approval | None = None) -> ImportResult:
    """Add new SKUs and update known ones, all in one transaction or not at all; a
    supervisor (*actor*, or *approval*) approves it once the stand has one.

    The file's stock becomes the product's stock; every difference is recorded as a
    stock movement and the whole import goes into the journal.
    """
    from posapp.store.models import ProductRow, StockMovementRow
    from posapp.store.search import insert_products, update_products

    if not rows:
        raise CatalogFileError([RowProblem(0, msg("catalog.no_product_rows"))])
    with uow:
        session = uow.session
        approver = approve(uow, Action.CATALOG, actor=actor, approval=approval)
        stand = load_stand(uow)
        existing = {r.sku: r for r in session.execute(select(ProductRow)).scalars()}
        _check_barcodes_against_store(rows, existing)
        now = uow.clock()
        new_rows: list[dict[str, object]] = []
        updates: list[dict[str, object]] = []
        moves: list[tuple[int, int]] = []
        new_stock: list[tuple[str, int]] = []
        snapshot: list[list[object]] = []
        clear_barcodes = []
        unchanged = 0
        for r in rows:
            sku = r.sku.upper()
            values: dict[str, object] = {
                "sku": sku, "barcode": r.barcode, "name": r.name, "category": r.category,
                "maker_group": r.maker_group, "region": r.region, "price": r.price,
                "stock": r.stock, "active": True,
            }
            snapshot.append([sku, r.barcode, r.name, r.category, r.maker_group, r.region,
                             r.price, r.stock])
            old = existing.get(sku)
            if old is None:
                new_rows.append(values)
                if r.stock:
                    new_stock.append((sku, r.stock))
                continue
            if all(getattr(old, k) == v for k, v in values.items()):
                unchanged += 1
                continue
            if old.barcode is not None and old.barcode != r.barcode:
                clear_barcodes.append({"id": old.id, "barcode": None})
            updates.append({"id": old.id, **values})
            if old.stock != r.stock:
                moves.append((old.id, r.stock - old.stock))
        conn = session.connection()  # one statement each: the search index's triggers
        if clear_barcodes:
            update_products(conn, clear_barcodes)
        if updates:
            update_products(conn, updates)
        if new_rows:
            insert_products(conn, new_rows)
        ids = dict(session.execute(select(ProductRow.sku, ProductRow.id)).all())
        moves += [(ids[sku], stock) for sku, stock in new_stock]
        if moves:
            session.execute(
                insert(StockMovementRow),
                [{"product_id": pid, "at": now, "delta": d, "reason": "catalog import",
                  "ref": None, "user_id": None} for pid, d in moves],
            )
        journal.append(uow, stand.code, EventKind.CATALOG_IMPORTED, {
            "columns": ["sku", "barcode", "name", "category", "maker_group", "region",
                        "price", "stock"],
            "products": snapshot,
            **acted(actor, approver),
        })
        uow.commit()
        return ImportResult(len(new_rows), len(updates), unchanged, len(moves))


def _check_barcodes_against_store(
    rows: Sequence[CatalogRow], existing: dict[str, ProductRow]
) -> None:
    """A barcode in the file may not belong to a stored product that the file leaves alone."""
    in_file = {r.sku.upper() for r in rows}
    kept = {p.barcode: p.sku for p in existing.values() if p.barcode and p.sku not in in_file}
    problems = [
        RowProblem(r.line, msg("catalog.barcode_taken", barcode=r.barcode,
                               product=kept[r.barcode]))
        for r in rows
        if r.barcode and r.barcode in kept
    ]
    if problems:
        raise CatalogFileError(problems)


@dataclass(frozen=True)
class StockChange:
    sku: str
    delta: int
    stock: int


def adjust_stock(uow: UnitOfWork, actor: Actor, code: str, delta: int, reason: str) -> StockChange:
    """Add (or with a negative *delta*, remove) stock, with a reason, journaled."""
    reason = clean_text(reason, TextKind.REASON)
    if not reason:
        raise InvalidInput("stock.adjustment_needs_reason")
    if delta == 0 or abs(delta) > 1_000_000:
        raise InvalidInput("stock.adjustment_out_of_range", delta=delta)
    from posapp.store.models import StockMovementRow

    with uow:
        require_active(uow, actor)
        stand = load_stand(uow)
        row = find_row(uow, code)
        row.stock += delta
        uow.session.add(StockMovementRow(
            product_id=row.id, at=uow.clock(), delta=delta, reason=reason, ref=None,
            user_id=actor.id,
        ))
        journal.append(uow, stand.code, EventKind.STOCK_ADJUSTED, {
            "sku": row.sku, "delta": delta, "stock": row.stock, "reason": reason,
            "by": actor.name,
        })
        uow.commit()
        return StockChange(row.sku, delta, row.stock)


_PRODUCT = tables.product
# A barcode before a SKU (a code may be one product's barcode and another's SKU).
_BY_CODE = (select(_PRODUCT)
            .where((_PRODUCT.c.barcode == bindparam("code")) | (_PRODUCT.c.sku == bindparam("sku")))
            .order_by(case((_PRODUCT.c.barcode == bindparam("code"), 0), else_=1)).limit(1))
