"""Shifts: open with a float, cash in and out, close with a count (the Z report)."""

from __future__ import annotations

import uuid
from dataclasses import replace

from sqlalchemy import func, select

from posapp.domain.errors import InvalidInput, NotAllowed, NotFound
from posapp.domain.journal import EventKind
from posapp.domain.messages import msg
from posapp.domain.money import check_amount
from posapp.domain.policy import Action
from posapp.domain.shift import close_needs_supervisor
from posapp.domain.shift_figures import cash_delta
from posapp.domain.text import TextKind, clean_text
from posapp.services import journal, reports, users
from posapp.services.settings import load as load_settings
from posapp.services.stand import load as load_stand
from posapp.services.users import Actor, require_active
from posapp.store import shift_totals
from posapp.store.models import CashMovementRow, ShiftRow, UserRow
from posapp.store.uow import UnitOfWork


def open_shift_row(uow: UnitOfWork) -> ShiftRow | None:
    return uow.session.scalar(select(ShiftRow).where(ShiftRow.closed_at.is_(None)))


def require_open_shift(uow: UnitOfWork) -> ShiftRow:
    shift = open_shift_row(uow)
    if shift is None:
        raise NotAllowed("shift.not_open")
    return shift


def x_report_shift(uow: UnitOfWork, *, actor: Actor | None = None,
                   approval: users.Approval | None = None) -> ShiftRow:
    """The open shift, for its X report to be shown or printed to a person (inside an open
    unit of work). The report shows the cash expected in the drawer: on a stand that counts
    the drawer blind, a cashier (or a command run with no one logged in) needs a supervisor's
    *approval*; a supervisor *actor* sees it at once. NotAllowed without an open shift."""
    shift = require_open_shift(uow)
    users.approve(uow, Action.X_REPORT, actor=actor, approval=approval,
                  needed=load_settings(uow).blind_count)
    return shift


def shows_drawer(uow: UnitOfWork, actor: Actor) -> bool:
    """Whether the cash expected in the drawer may be shown to *actor* after moving cash:
    always, unless the stand counts the drawer blind and *actor* is not a supervisor."""
    with uow:
        return actor.is_supervisor or not load_settings(uow).blind_count


def require_open_shift_opener(uow: UnitOfWork) -> str:
    """The name of the cashier who opened the open shift."""
    shift = require_open_shift(uow)
    user = uow.session.get(UserRow, shift.opened_by)
    if user is None:  # pragma: no cover - users are never deleted, only deactivated
        raise NotFound("shift.opener_gone")
    return user.name


def open_shift(uow: UnitOfWork, actor: Actor, opening_float: int) -> reports.ShiftReport:
    check_amount(opening_float, what=msg("amount.opening_cash"))
    with uow:
        require_active(uow, actor)
        stand = load_stand(uow)
        if open_shift_row(uow) is not None:
            raise NotAllowed("shift.already_open")
        number = (uow.session.scalar(select(func.max(ShiftRow.number))) or 0) + 1
        shift = ShiftRow(
            id=str(uuid.uuid4()), number=number, opened_at=uow.clock(), opened_by=actor.id,
            opening_float=opening_float,
        )
        uow.session.add(shift)
        uow.session.flush()
        journal.append(uow, stand.code, EventKind.SHIFT_OPENED, {
            "shift": shift.id, "number": number, "by": actor.name, "float": opening_float,
        })
        uow.commit()
        return reports.shift_report(uow, shift)


def move_cash(uow: UnitOfWork, actor: Actor, amount: int, reason: str, *,
              approval: users.Approval | None = None) -> reports.ShiftReport:
    """Put cash in the drawer (positive) or take it out (negative), with a reason; taking
    out more than the stand's ``cash_out_limit`` needs a supervisor (the actor, or
    *approval*). On a stand that counts blind, a cashier taking out more than the drawer
    holds is refused without the drawer's figure."""
    check_amount(amount, allow_negative=True, what=msg("amount.cash_amount"))
    reason = clean_text(reason, TextKind.REASON)
    if amount == 0:
        raise InvalidInput("shift.cash_zero")
    if not reason:
        raise InvalidInput("shift.cash_no_reason")
    with uow:
        require_active(uow, actor)
        approver = users.approve(uow, Action.CASH_OUT, actor=actor, approval=approval,
                                 needed=-amount > load_settings(uow).cash_out_limit)
        stand = load_stand(uow)
        shift = require_open_shift(uow)
        if amount < 0:
            expected = reports.shift_report(uow, shift).expected_cash
            if -amount > expected:
                if load_settings(uow).blind_count and not actor.is_supervisor:
                    raise InvalidInput("shift.cash_above_drawer_blind", amount=-amount)
                raise InvalidInput("shift.cash_above_drawer", amount=-amount, drawer=expected)
        uow.session.add(CashMovementRow(
            shift_id=shift.id, user_id=actor.id, at=uow.clock(), amount=amount, reason=reason,
        ))
        shift_totals.apply(uow.connection, shift.id, cash_delta(amount))
        journal.append(uow, stand.code, EventKind.SHIFT_CASH, {
            "shift": shift.id, "amount": amount, "reason": reason, "by": actor.name,
            **users.approved_by(actor, approver),
        })
        uow.session.flush()
        report = reports.shift_report(uow, shift)
        uow.commit()
        return report


def close_shift(uow: UnitOfWork, actor: Actor, counted_cash: int, *,
                supervisor_name: str | None = None,
                supervisor_pin: str = "") -> reports.ShiftReport:
    """Close the open shift with the counted cash; returns the Z report.

    A count off the expected cash (short or over) by more than the stand's
    ``cash_difference_limit`` closes only with a supervisor's name and PIN; a supervisor
    closing the shift themselves approves their own count. A supervisor named when none
    is needed is checked all the same (a wrong PIN is never let through).
    """
    check_amount(counted_cash, what=msg("amount.counted_cash"))
    with uow:
        require_active(uow, actor)
        stand = load_stand(uow)
        shift = require_open_shift(uow)
        before = reports.shift_report(uow, shift)
        approver = _approver(uow, actor, counted_cash - before.expected_cash,
                             supervisor_name, supervisor_pin)
        shift.closed_at = uow.clock()
        shift.closed_by = actor.id
        shift.counted_cash = counted_cash
        shift.expected_cash = before.expected_cash
        report = replace(before, closed_at=shift.closed_at, closed_by=actor.name,
                         counted_cash=counted_cash)
        payload = {
            "shift": shift.id, "number": shift.number, "by": actor.name,
            "counted_cash": counted_cash, "expected_cash": report.expected_cash,
            "totals": report.totals_payload(),
        }
        if approver is not None:
            payload["approved_by"] = approver.name
        journal.append(uow, stand.code, EventKind.SHIFT_CLOSED, payload)
        uow.commit()
        return report


def _approver(uow: UnitOfWork, actor: Actor, difference: int, name: str | None,
              pin: str) -> Actor | None:
    """Who approves closing with *difference*: the supervisor named (checked), the closing
    supervisor, or nobody when the difference is within the limit; refused otherwise."""
    if name is not None:
        return users.supervisor(uow, name, pin)
    limit = load_settings(uow).cash_difference_limit
    if not close_needs_supervisor(difference, limit):
        return None
    if actor.is_supervisor:
        return actor
    raise NotAllowed("shift.close_needs_supervisor", difference=abs(difference), limit=limit)


def last_closed(uow: UnitOfWork) -> ShiftRow:
    shift = uow.session.scalar(
        select(ShiftRow).where(ShiftRow.closed_at.is_not(None)).order_by(ShiftRow.number.desc())
    )
    if shift is None:
        raise NotFound("shift.none_closed")
    return shift


def by_number(uow: UnitOfWork, number: int) -> ShiftRow:
    shift = uow.session.scalar(select(ShiftRow).where(ShiftRow.number == number))
    if shift is None:
        raise NotFound("shift.not_found", number=number)
    return shift
