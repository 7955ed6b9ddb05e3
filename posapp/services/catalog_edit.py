"""Adding and editing one product at a time (the catalog screen); stock is not touched here.

The fields are judged by the same rules as a catalog file (``parse_catalog``); stock only
changes through ``posapp.services.catalog.adjust_stock``, which records a reason.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from posapp.domain.catalog import COLUMNS, CatalogFileError, CatalogRow, joined, parse_catalog
from posapp.domain.errors import InvalidInput, NotFound
from posapp.domain.journal import EventKind
from posapp.domain.product import Product
from posapp.services import journal
from posapp.services.catalog import to_product
from posapp.services.stand import load as load_stand
from posapp.services.users import Action, Actor, Approval, approve, approved_by, require_active
from posapp.store.models import ProductRow
from posapp.store.uow import UnitOfWork

#: Journal event kind of an added or edited product (payload: its fields).
PRODUCT_SAVED = EventKind.PRODUCT_SAVED

_EDITABLE = ("barcode", "name", "category", "maker_group", "region", "price", "active")


def save_product(uow: UnitOfWork, actor: Actor, product: Product, *,
                 approval: Approval | None = None) -> Product:
    """Add *product* (``id`` None) or update the stored product with its id; return it as stored.

    A new product's SKU is stored upper-case and its stock starts at 0 (``product.stock`` is
    ignored: use ``catalog.adjust_stock``). An existing product keeps its SKU and stock.
    A SKU or barcode that another product has is refused; an edit that changes nothing
    writes nothing. A new product or a changed price needs a supervisor (the *actor*, or
    *approval*): prices are the stand's policy (``Action.CATALOG``).
    """
    checked = check_fields(product)
    with uow:
        require_active(uow, actor)
        stand = load_stand(uow)
        session = uow.session
        values: dict[str, Any] = {
            "barcode": checked.barcode, "name": checked.name, "category": checked.category,
            "maker_group": checked.maker_group, "region": checked.region,
            "price": checked.price, "active": bool(product.active),
        }
        old = None if product.id is None else _stored(session, product.id, checked.sku)
        approver = approve(uow, Action.CATALOG, actor=actor, approval=approval,
                           needed=old is None or old.price != checked.price)
        if product.id is None:
            sku = checked.sku.upper()
            _refuse_taken_sku(session, sku)
            _refuse_taken_barcode(session, checked.barcode, own_id=None)
            row = ProductRow(sku=sku, stock=0, **values)
            session.add(row)
        else:
            row = _stored(session, product.id, checked.sku)
            if all(getattr(row, key) == value for key, value in values.items()):
                return to_product(row)
            _refuse_taken_barcode(session, checked.barcode, own_id=row.id)
            for key, value in values.items():
                setattr(row, key, value)
        session.flush()
        journal.append(uow, stand.code, PRODUCT_SAVED, {
            "sku": row.sku, **{key: getattr(row, key) for key in _EDITABLE},
            "added": product.id is None, "by": actor.name, **approved_by(actor, approver),
        })
        uow.commit()
        return to_product(row)


def check_fields(product: Product) -> CatalogRow:
    """*product*'s fields checked and tidied as a one-row catalog file would be."""
    cells = [product.sku, product.barcode, product.name, product.category,
             product.maker_group, product.region, product.price, 0]
    try:
        (row,) = parse_catalog(COLUMNS, [(1, cells)])
    except CatalogFileError as err:
        why = joined([p.why for p in err.problems])  # the row's problems, said as the refusal
        raise InvalidInput(why.code, **why.values) from None
    return row


def _stored(session: Session, product_id: int, sku: str) -> ProductRow:
    row = session.get(ProductRow, product_id)
    if row is None:
        raise NotFound("catalog.no_product_id", id=product_id)
    if sku.upper() != row.sku.upper():
        raise InvalidInput("catalog.sku_unchangeable", sku=row.sku, new=sku)
    return row


def _refuse_taken_sku(session: Session, sku: str) -> None:
    other = session.scalar(select(ProductRow).where(func.upper(ProductRow.sku) == sku))
    if other is not None:
        raise InvalidInput("catalog.sku_taken", sku=sku, name=other.name)


def _refuse_taken_barcode(session: Session, barcode: str | None, *, own_id: int | None) -> None:
    if barcode is None:
        return
    query = select(ProductRow).where(ProductRow.barcode == barcode)
    if own_id is not None:
        query = query.where(ProductRow.id != own_id)
    other = session.scalar(query)
    if other is not None:
        raise InvalidInput("catalog.barcode_taken", barcode=barcode, product=other.sku)
