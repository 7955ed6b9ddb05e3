"""The QRIS slip from the stand's data: its name and its QRIS code, for the amount due."""

from __future__ import annotations

from posapp.domain.errors import NotAllowed
from posapp.domain.layout import Block
from posapp.domain.qris import dynamic_payload
from posapp.domain.qris_slip import layout_qris_slip
from posapp.services import settings
from posapp.services import stand as stand_service
from posapp.store.uow import UnitOfWork


def check_qris_slip(uow: UnitOfWork, amount: int) -> None:
    """Refuse a slip the stand cannot print: no QRIS code set, or an amount QRIS refuses.

    Call inside an open unit of work.
    """
    static = settings.load(uow).qris_payload
    if not static.strip():
        raise NotAllowed("qris_slip.no_qris_code")
    dynamic_payload(static, amount)  # InvalidInput: 0, above the cap, a broken code


def qris_slip_blocks(uow: UnitOfWork, amount: int, *, width: int,
                     lang: str = "id") -> tuple[Block, ...]:
    """The slip asking for *amount* rupiah, laid out for *width* columns in *lang*."""
    with uow:
        info = stand_service.load(uow)
        static = settings.load(uow).qris_payload
    return layout_qris_slip(info.name, static, amount, width, lang=lang)
