"""Cashiers and supervisors: adding them, logging in, and role checks."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select

from posapp.domain.errors import InvalidInput, NotAllowed
from posapp.domain.messages import N_, Message, msg
from posapp.domain.security import check_pin_format, hash_pin, verify_pin
from posapp.domain.text import TextKind, clean_text
from posapp.store.models import UserRow
from posapp.store.uow import UnitOfWork


class Role(StrEnum):
    CASHIER = "cashier"
    SUPERVISOR = "supervisor"

    @property
    def label(self) -> Message:
        """The role's name for a person to read, in any language (``.text(lang)``)."""
        return msg(_ROLE_LABELS[self])

    @classmethod
    def parse(cls, text: str) -> Role:
        try:
            return cls(text.strip().lower())
        except ValueError:
            raise InvalidInput("user.unknown_role", text=text) from None


_ROLE_LABELS = {Role.CASHIER: N_("role.cashier"), Role.SUPERVISOR: N_("role.supervisor")}


@dataclass(frozen=True)
class Actor:
    """A person who proved who they are with their PIN."""

    id: int
    name: str
    role: Role

    @property
    def is_supervisor(self) -> bool:
        return self.role is Role.SUPERVISOR


def add_user(uow: UnitOfWork, name: str, role: Role, pin: str) -> Actor:
    name = clean_text(name, TextKind.PERSON)
    if not name or len(name) > 60:
        raise InvalidInput("user.name_length")
    check_pin_format(pin)
    with uow:
        if uow.session.scalar(select(UserRow.id).where(UserRow.name_key == name.casefold())):
            raise InvalidInput("user.name_taken", name=name)
        row = UserRow(
            name=name,
            name_key=name.casefold(),
            role=role.value,
            pin_hash=hash_pin(pin),
            active=True,
            created_at=uow.clock(),
        )
        uow.session.add(row)
        uow.commit()
        return Actor(row.id, row.name, role)


def list_users(uow: UnitOfWork) -> list[Actor]:
    with uow:
        rows = uow.session.scalars(select(UserRow).where(UserRow.active).order_by(UserRow.name))
        return [Actor(r.id, r.name, Role(r.role)) for r in rows]


def authenticate(uow: UnitOfWork, name: str, pin: str) -> Actor:
    """The user *name* if *pin* is theirs, inside an open unit of work."""
    row = _active_user(uow, name)
    if row is None or not verify_pin(pin, row.pin_hash):
        raise NotAllowed("user.wrong_pin", name=name)
    return Actor(row.id, row.name, Role(row.role))


def login(uow: UnitOfWork, name: str, pin: str, *, picked: bool = False) -> Actor:
    """The user *name* if *pin* is theirs. *picked*: the name was chosen from the list of
    users (not typed), so a refusal speaks only of the PIN, and never repeats the name."""
    with uow:
        try:
            return authenticate(uow, name, pin)
        except NotAllowed:
            if picked and _active_user(uow, name) is not None:
                raise NotAllowed("user.wrong_pin_picked") from None
            raise


def _active_user(uow: UnitOfWork, name: str) -> UserRow | None:
    row = uow.session.scalar(
        select(UserRow).where(UserRow.name_key == " ".join(name.split()).casefold())
    )
    return row if row is not None and row.active else None


def supervisor(uow: UnitOfWork, name: str, pin: str) -> Actor:
    """Authenticate *name* and require the supervisor role (inside an open unit of work)."""
    actor = authenticate(uow, name, pin)
    if not actor.is_supervisor:
        raise NotAllowed("user.not_supervisor", name=actor.name)
    return actor


def require_active(uow: UnitOfWork, actor: Actor) -> None:
    """Refuse an actor whose account was removed since they logged in."""
    row = uow.session.get(UserRow, actor.id)
    if row is None or not row.active:
        raise NotAllowed("user.inactive", name=actor.name)
