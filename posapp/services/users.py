"""Cashiers and supervisors: adding and changing them, logging in, wrong PINs, and who
approves what (the stand's policy, ``posapp.domain.policy``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Connection, Row, bindparam, delete, insert, select, update

from posapp.domain.errors import InvalidInput, NotAllowed
from posapp.domain.journal import EventKind
from posapp.domain.policy import Action, Role, check_pin_for, lockout_seconds, wait_words
from posapp.domain.security import hash_pin, verify_pin
from posapp.domain.text import TextKind, clean_text
from posapp.services import journal
from posapp.store import tables as t
from posapp.store.uow import UnitOfWork

__all__ = ["Action", "Actor", "Approval", "Role", "add_user", "approve", "authenticate",
           "change_user", "list_users", "login", "require_active", "supervisor", "unlock"]


@dataclass(frozen=True)
class Actor:
    """A person who proved who they are with their PIN."""

    id: int
    name: str
    role: Role

    @property
    def is_supervisor(self) -> bool:
        return self.role is Role.SUPERVISOR


@dataclass(frozen=True)
class Approval:
    """A supervisor's name and PIN, typed to approve an action; the service checks them."""

    name: str
    pin: str = field(repr=False)


def approve(uow: UnitOfWork, action: Action, *, actor: Actor | None,
            approval: Approval | None, needed: bool = True) -> Actor | None:
    """Who approves *action* (inside an open unit of work): the supervisor of *approval*
    (name and PIN checked, even when no approval is *needed*: a wrong PIN never passes), the
    acting supervisor, or nobody when none is *needed* or the stand has no supervisor yet (it
    is being set up). Refused ``policy.needs_supervisor`` otherwise."""
    if approval is not None:
        return supervisor(uow, approval.name, approval.pin)
    if not needed or not action.rule.approval:
        return None
    if actor is not None and actor.is_supervisor:
        require_active(uow, actor)
        return actor
    if not _has_supervisor(uow):
        return None
    raise NotAllowed("policy.needs_supervisor", action=action.label)


def acted(actor: Actor | None, approver: Actor | None) -> dict[str, str]:
    """The journal's record of who acted and who approved (the acting cashier, or the
    supervisor who approved a command run with no one logged in)."""
    who = actor or approver
    return {"by": who.name, **approved_by(actor, approver)} if who is not None else {}


def approved_by(actor: Actor | None, approver: Actor | None) -> dict[str, str]:
    """The journal's record of who approved, when someone other than the actor did."""
    if approver is None or (actor is not None and approver.id == actor.id):
        return {}
    return {"approved_by": approver.name}


def add_user(uow: UnitOfWork, name: str, role: Role, pin: str, *, actor: Actor | None = None,
             approval: Approval | None = None) -> Actor:
    """A new cashier or supervisor; once the stand has a supervisor, one approves it."""
    name = clean_text(name, TextKind.PERSON)
    if not name or len(name) > 60:
        raise InvalidInput("user.name_length")
    check_pin_for(role, pin)
    with uow:
        approver = approve(uow, Action.USERS, actor=actor, approval=approval)
        conn = uow.core
        if conn.scalar(select(t.app_user.c.id).where(t.app_user.c.name_key == name.casefold())):
            raise InvalidInput("user.name_taken", name=name)
        key = conn.execute(insert(t.app_user).values(
            name=name, name_key=name.casefold(), role=role.value, pin_hash=hash_pin(pin),
            active=True, created_at=uow.clock())).inserted_primary_key
        assert key is not None
        user_id = key[0]
        if approver is not None:
            _journal(uow, EventKind.USER_ADDED, {"name": name, "role": role.value,
                                                 **acted(actor, approver)})
        uow.commit()
        return Actor(int(user_id), name, role)


def change_user(uow: UnitOfWork, name: str, *, role: Role | None = None, pin: str | None = None,
                actor: Actor | None = None, approval: Approval | None = None) -> Actor:
    """Give *name* another *role* or *pin* (a supervisor approves; the new PIN must suit the
    role it will have). A stand made before PIN lengths were checked keeps its shorter PINs
    until they are changed here."""
    with uow:
        approver = approve(uow, Action.USERS, actor=actor, approval=approval)
        row = _active_user(uow, name)
        if row is None:
            raise InvalidInput("user.unknown", name=name)
        new_role = role or Role(row.role)
        values = {"role": new_role.value}
        if pin is not None:
            check_pin_for(new_role, pin)
            values["pin_hash"] = hash_pin(pin)
        elif new_role is Role.SUPERVISOR and role is not None and row.role != role.value:
            raise InvalidInput("user.new_supervisor_needs_pin", name=row.name)
        changed = [w for w, did in (("role", new_role.value != row.role),
                                    ("pin", pin is not None)) if did]
        uow.core.execute(update(t.app_user).where(t.app_user.c.id == row.id).values(values))
        _journal(uow, EventKind.USER_CHANGED, {
            "name": row.name, "role": new_role.value, "changed": changed,
            **acted(actor, approver)})
        uow.commit()
        return Actor(row.id, row.name, new_role)


def unlock(uow: UnitOfWork, name: str, *, actor: Actor | None = None,
           approval: Approval | None = None) -> Actor:
    """Lift *name*'s lock-out after wrong PINs (a supervisor approves)."""
    with uow:
        approver = approve(uow, Action.UNLOCK, actor=actor, approval=approval)
        row = _active_user(uow, name)
        if row is None:
            raise InvalidInput("user.unknown", name=name)
        _reset_failures(uow.core, row.id)
        _journal(uow, EventKind.USER_UNLOCKED, {
            "name": row.name, **acted(actor, approver)})
        uow.commit()
        return Actor(row.id, row.name, Role(row.role))


def list_users(uow: UnitOfWork) -> list[Actor]:
    with uow:
        rows = uow.core.execute(select(t.app_user.c.id, t.app_user.c.name, t.app_user.c.role)
                                .where(t.app_user.c.active).order_by(t.app_user.c.name))
        return [Actor(r.id, r.name, Role(r.role)) for r in rows]


def authenticate(uow: UnitOfWork, name: str, pin: str) -> Actor:
    """The user *name* if *pin* is theirs, inside an open unit of work.

    A locked-out name is refused without its PIN being tried (``user.locked``, with how long
    to wait). A wrong PIN for a user is counted (kept even when the action is refused); the
    fifth in a row, and every fifth after, locks the name out (journaled). The refusal never
    repeats what was typed."""
    row = _active_user(uow, name)
    if row is None:
        raise NotAllowed("user.wrong_pin")
    now, user_id, user_name = uow.clock(), row.id, row.name  # kept: read before a rollback
    before = uow.core.execute(_FAILURES, {"user_id": user_id}).first()
    failed, locked_until = (before.failures, before.locked_until) if before else (0, None)
    if locked_until is not None and locked_until > now:
        raise NotAllowed("user.locked", name=user_name,
                         wait=wait_words((locked_until - now).total_seconds()))
    if not verify_pin(pin, row.pin_hash):
        failures = failed + 1
        wait = lockout_seconds(failures)
        until = now + timedelta(seconds=wait) if wait else locked_until
        uow.keep(lambda conn: _count_failure(uow, conn, user_id, user_name, failures, until))
        if wait:
            raise NotAllowed("user.locked", name=user_name, wait=wait_words(wait))
        raise NotAllowed("user.wrong_pin")
    if before is not None:
        uow.keep(lambda conn: _reset_failures(conn, user_id))
    return Actor(row.id, row.name, Role(row.role))


def _reset_failures(conn: Connection, user_id: int) -> None:
    conn.execute(delete(t.pin_failure).where(t.pin_failure.c.user_id == user_id))


def _count_failure(uow: UnitOfWork, conn: Connection, user_id: int, name: str, failures: int,
                   until: datetime | None) -> None:
    _reset_failures(conn, user_id)
    conn.execute(insert(t.pin_failure).values(user_id=user_id, failures=failures,
                                              locked_until=until))
    if until is not None and lockout_seconds(failures):
        code = conn.scalar(select(t.stand.c.code))
        if code is not None:
            journal.append(uow, code, EventKind.USER_LOCKED, {
                "name": name, "failures": failures,
                "until": until.isoformat(timespec="seconds") + "Z"})


def login(uow: UnitOfWork, name: str, pin: str, *, picked: bool = False) -> Actor:
    """The user *name* if *pin* is theirs. *picked*: the name was chosen from the list of
    users (not typed), so a wrong PIN is said as such ("wrong PIN, try again")."""
    with uow:
        try:
            return authenticate(uow, name, pin)
        except NotAllowed as refusal:
            if refusal.code == "user.wrong_pin" and picked \
                    and _active_user(uow, name) is not None:
                raise NotAllowed("user.wrong_pin_picked") from None
            raise


def _active_user(uow: UnitOfWork, name: str) -> Row | None:
    """The user row (id, name, role, pin_hash, active) named *name*, if active."""
    row = uow.core.execute(_USER, {"name_key": " ".join(name.split()).casefold()}).first()
    return row if row is not None and row.active else None


def _has_supervisor(uow: UnitOfWork) -> bool:
    return uow.core.scalar(select(t.app_user.c.id).where(
        t.app_user.c.active, t.app_user.c.role == Role.SUPERVISOR.value).limit(1)) is not None


def _journal(uow: UnitOfWork, kind: str, payload: dict[str, object]) -> None:
    code = uow.core.scalar(select(t.stand.c.code))
    if code is not None:
        journal.append(uow, code, kind, payload)


def supervisor(uow: UnitOfWork, name: str, pin: str) -> Actor:
    """Authenticate *name* and require the supervisor role (inside an open unit of work)."""
    actor = authenticate(uow, name, pin)
    if not actor.is_supervisor:
        raise NotAllowed("user.not_supervisor", name=actor.name)
    return actor


def require_active(uow: UnitOfWork, actor: Actor) -> None:
    """Refuse an actor whose account was removed since they logged in."""
    active = uow.core.scalar(_ACTIVE, {"user_id": actor.id})
    if not active:
        raise NotAllowed("user.inactive", name=actor.name)


# Prepared once (a log-in is on every command's path).
_USER = select(t.app_user.c.id, t.app_user.c.name, t.app_user.c.role, t.app_user.c.pin_hash,
               t.app_user.c.active).where(t.app_user.c.name_key == bindparam("name_key"))
_FAILURES = select(t.pin_failure.c.failures, t.pin_failure.c.locked_until).where(
    t.pin_failure.c.user_id == bindparam("user_id"))
_ACTIVE = select(t.app_user.c.active).where(t.app_user.c.id == bindparam("user_id"))
