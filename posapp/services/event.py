"""The stand's event key: joining an event, and reading the key to sign an export.

The key is a secret: it is stored in the stand's ``setting`` table (row ``event_key``, hex)
and only ever leaves this module as bytes for signing. What may be shown is the event id.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from posapp.domain.errors import NotAllowed, StorageError
from posapp.domain.event_key import KEY_BYTES, fingerprint, parse_key
from posapp.domain.messages import N_
from posapp.services.users import Action, Actor, Approval, approve
from posapp.store.models import SettingRow
from posapp.store.uow import UnitOfWork

SETTING_KEY = "event_key"
#: The refusal before joining (callers compare ``exc.code``).
NOT_JOINED = N_("event_key.not_joined")


@dataclass(frozen=True)
class JoinResult:
    """What joining did: the event id now set, and the one it replaced (if any)."""

    event_id: str
    changed: bool
    replaced: str | None = None


def join(uow: UnitOfWork, key_text: str, *, replace: bool = False, actor: Actor | None = None,
         approval: Approval | None = None) -> JoinResult:
    """Store the event key typed or scanned as *key_text*; another key needs *replace*; a
    supervisor (*actor*, or *approval*) approves once the stand has one."""
    key = parse_key(key_text)
    event_id = fingerprint(key)
    with uow:
        approve(uow, Action.EVENT, actor=actor, approval=approval)
        row = uow.session.get(SettingRow, SETTING_KEY)
        current = _decode(row.value) if row is not None else None
        if current == key:
            return JoinResult(event_id, changed=False)
        old_id = fingerprint(current) if current is not None else None
        if row is not None and not replace:
            if old_id is None:  # the stored key is damaged
                raise NotAllowed("event_key.already_joined_an_event", new=event_id)
            raise NotAllowed("event_key.already_joined", old=old_id, new=event_id)
        if row is None:
            uow.session.add(SettingRow(key=SETTING_KEY, value=key.hex()))
        else:
            row.value = key.hex()
        uow.commit()
    return JoinResult(event_id, changed=True, replaced=old_id)


def event_id(uow: UnitOfWork) -> str | None:
    """The id of the event this stand joined, or None."""
    with uow:
        key = load_key(uow)
    return fingerprint(key) if key is not None else None


def load_key(uow: UnitOfWork) -> bytes | None:
    """The stand's event key inside an open unit of work, or None before joining."""
    value = uow.session.scalar(select(SettingRow.value).where(SettingRow.key == SETTING_KEY))
    if value is None:
        return None
    key = _decode(value)
    if key is None:
        raise StorageError("event_key.damaged")
    return key


def require_key(uow: UnitOfWork) -> bytes:
    """The stand's event key inside an open unit of work; refused before joining."""
    key = load_key(uow)
    if key is None:
        raise NotAllowed(NOT_JOINED)
    return key


def _decode(value: str) -> bytes | None:
    try:
        key = bytes.fromhex(value.strip())
    except ValueError:
        return None
    return key if len(key) == KEY_BYTES else None
