"""An order's slip from the database, ready for ``layout_order_slip``; the stand's contact line.

The slip shows the order as it is now (the slip printed after a hand-over says LUNAS or
what is left), the stand's QRIS when it has one, and the total and balance in a reference
currency when a rate is set for it: the one asked for, else the buyer's country's.

The stand's contact (a phone or WhatsApp line printed under the stand's name) is kept in
the ``setting`` table under its own key, ``stand_contact``; the stand settings do not hold
it (yet).
"""

from __future__ import annotations

import re

from sqlalchemy import select

from posapp.domain.errors import InvalidInput
from posapp.domain.layout import Block
from posapp.domain.order import PaymentKind
from posapp.domain.order_slip import (
    OrderSlip,
    SlipLine,
    SlipPayment,
    default_slip_footer,
    layout_order_slip,
)
from posapp.services import fx, settings
from posapp.services import stand as stand_service
from posapp.services.orders import find, view_of
from posapp.store.models import SettingRow
from posapp.store.uow import UnitOfWork

CONTACT_KEY = "stand_contact"
MAX_CONTACT = 80
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def slip_for(uow: UnitOfWork, order_no: str, *, lang: str = "id",
             currency: str | None = None) -> OrderSlip:
    """The slip of order *order_no* (``JATIM-P00001``) as it stands now, labels in *lang*.

    *currency* picks the reference currency (``USD``; ``IDR`` for rupiah only; NotFound
    when no rate is set for it); None takes the buyer's country's currency when a rate is
    set for it, else none.
    """
    with uow:
        info = stand_service.load(uow)
        qris = settings.load(uow).qris_payload
        contact = load_contact(uow)
        rates = fx.load(uow)
        view = view_of(find(uow, order_no))
    return OrderSlip(
        stand_name=info.name,
        province=info.province,
        event=info.event_name,
        contact=contact,
        order_no=view.order_no,
        moment=view.created_at,
        zone=info.timezone,
        due=view.due,
        status=view.status,
        buyer=view.buyer,
        lines=tuple(SlipLine(ln.name, ln.quantity, ln.unit_price, ln.delivered)
                    for ln in view.lines),
        payments=tuple(SlipPayment(PaymentKind(p.kind), p.method, p.amount)
                       for p in view.payments),
        tracking=view.tracking,
        note=view.note,
        qris=qris,
        rate=fx.rate_for(rates, currency=currency, country=view.buyer.country),
        footer=default_slip_footer(lang, to_collect=view.status.info.to_collect),
    )


def slip_blocks(uow: UnitOfWork, order_no: str, *, width: int, lang: str = "id",
                currency: str | None = None) -> tuple[Block, ...]:
    """The slip of *order_no* laid out for *width* columns (what the print queue prints)."""
    slip = slip_for(uow, order_no, lang=lang, currency=currency)
    return layout_order_slip(slip, width, lang=lang)


def contact(uow: UnitOfWork) -> str:
    """The stand's contact line, "" when none is set."""
    with uow:
        return load_contact(uow)


def load_contact(uow: UnitOfWork) -> str:
    """The stand's contact line, inside an open unit of work."""
    value = uow.session.scalar(select(SettingRow.value).where(SettingRow.key == CONTACT_KEY))
    return value or ""


def set_contact(uow: UnitOfWork, text: str) -> str:
    """Store the stand's contact line (``WA +62 812-3456-7890``); "" removes it."""
    if not isinstance(text, str) or _CONTROL.search(text.replace("\t", " ")):
        raise InvalidInput("slip.contact_not_one_line")
    text = " ".join(text.split())
    if len(text) > MAX_CONTACT:
        raise InvalidInput("slip.contact_too_long", max=MAX_CONTACT, n=len(text))
    with uow:
        row = uow.session.get(SettingRow, CONTACT_KEY)
        if not text:
            if row is not None:
                uow.session.delete(row)
        elif row is None:
            uow.session.add(SettingRow(key=CONTACT_KEY, value=text))
        else:
            row.value = text
        uow.commit()
    return text
