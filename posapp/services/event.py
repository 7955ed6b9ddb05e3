"""The stand's event key: joining an event, and reading the key to sign an export.

The key is a secret and never goes into the stand's database (nor so into its backups): the
database keeps only the id of the event joined (setting ``event_id``), and the key itself
is kept on this computer by ``store.secrets`` (the system keyring, else a file only its
user may read), under that id. It only ever leaves this module as bytes for signing. A
stand restored onto another computer knows its event but not the key: it joins again.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from posapp.domain.errors import NotAllowed, StorageError
from posapp.domain.event_key import fingerprint, format_key, parse_key
from posapp.domain.messages import N_
from posapp.services.users import Action, Actor, Approval, approve
from posapp.store.models import SettingRow
from posapp.store.secrets import (
    EVENT_ID_SETTING,
    LEGACY_KEY_SETTING,
    SecretStore,
    event_key_name,
    key_from_hex,
)
from posapp.store.uow import UnitOfWork

#: The setting row an earlier posapp kept the key in (moved out when the stand opens).
SETTING_KEY = LEGACY_KEY_SETTING
#: The refusal before joining (callers compare ``exc.code``).
NOT_JOINED = N_("event_key.not_joined")
#: The refusal when the stand joined but this computer does not hold the key (a restore).
KEY_NOT_HERE = N_("event_key.not_on_this_computer")


@dataclass(frozen=True)
class JoinResult:
    """What joining did: the event id now set, and the one it replaced (if any)."""

    event_id: str
    changed: bool
    replaced: str | None = None


def join(uow: UnitOfWork, key_text: str, *, replace: bool = False,
         secrets: SecretStore | None = None, actor: Actor | None = None,
         approval: Approval | None = None) -> JoinResult:
    """Join the event of the key typed or scanned as *key_text*; another event needs
    *replace*. Joining the same event again puts its key back on this computer. A
    supervisor (*actor*, or *approval*) approves once the stand has one."""
    key = parse_key(key_text)
    event_id = fingerprint(key)
    store = secrets if secrets is not None else SecretStore()
    with uow:
        approve(uow, Action.EVENT, actor=actor, approval=approval)
        current = _joined(uow)
        if current == event_id:
            if store.event_key(event_id) == key:
                return JoinResult(event_id, changed=False)
            store.put(event_key_name(event_id), format_key(key))
            _set_joined(uow, event_id)
            uow.commit()
            return JoinResult(event_id, changed=True)
        if current is not None and not replace:
            if current == "":  # the stored key is damaged
                raise NotAllowed("event_key.already_joined_an_event", new=event_id)
            raise NotAllowed("event_key.already_joined", old=current, new=event_id)
        store.put(event_key_name(event_id), format_key(key))
        _set_joined(uow, event_id)
        uow.commit()
    return JoinResult(event_id, changed=True, replaced=current or None)


def event_id(uow: UnitOfWork) -> str | None:
    """The id of the event this stand joined, or None."""
    with uow:
        joined = _joined(uow)
    if joined == "":
        raise StorageError("event_key.damaged")
    return joined


def load_key(uow: UnitOfWork, *, secrets: SecretStore | None = None) -> bytes | None:
    """The stand's event key inside an open unit of work, or None before joining; refused
    when the stand joined an event whose key this computer does not hold."""
    joined = _joined(uow)
    if joined is None:
        return None
    legacy = uow.session.scalar(select(SettingRow.value).where(SettingRow.key == SETTING_KEY))
    if legacy is not None:  # not moved out yet (a database opened without open_stand)
        key = key_from_hex(legacy)
        if key is None:
            raise StorageError("event_key.damaged")
        return key
    key = (secrets if secrets is not None else SecretStore()).event_key(joined)
    if key is None:
        raise NotAllowed(KEY_NOT_HERE, event=joined)
    return key


def require_key(uow: UnitOfWork) -> bytes:
    """The stand's event key inside an open unit of work; refused before joining."""
    key = load_key(uow)
    if key is None:
        raise NotAllowed(NOT_JOINED)
    return key


def _joined(uow: UnitOfWork) -> str | None:
    """The event id joined ("" for a damaged key of an earlier posapp), or None."""
    rows = dict(uow.session.execute(select(SettingRow.key, SettingRow.value).where(
        SettingRow.key.in_((EVENT_ID_SETTING, SETTING_KEY)))).all())
    if rows.get(EVENT_ID_SETTING):
        return rows[EVENT_ID_SETTING]
    if SETTING_KEY in rows:
        key = key_from_hex(rows[SETTING_KEY])
        return fingerprint(key) if key is not None else ""
    return None


def _set_joined(uow: UnitOfWork, event: str) -> None:
    row = uow.session.get(SettingRow, EVENT_ID_SETTING)
    if row is None:
        uow.session.add(SettingRow(key=EVENT_ID_SETTING, value=event))
    else:
        row.value = event
    legacy = uow.session.get(SettingRow, SETTING_KEY)
    if legacy is not None:
        uow.session.delete(legacy)
