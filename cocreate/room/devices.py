"""The phones the room knows: each one's secret (the cookie), its public short id, the
participant it is bound to, whether it waits for approval, its open event streams, and the
answers to its recent client ids (so that a retried POST never adds a note twice).

A participant a phone has joined as is bound to that phone for the rest of the run: nobody
else with the link can be them, however quiet the phone goes, until the facilitator removes
the phone (or the phone itself becomes someone else). A participant or name whose phone the
facilitator removed or refused is held: asking again, from any phone, waits for approval."""

from __future__ import annotations

import asyncio
import secrets
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from cocreate.room.host import Device

#: The answers to this many client ids are kept per phone.
CLIENT_IDS_KEPT = 256


@dataclass(eq=False)
class DeviceRecord:
    secret: str
    device_id: str
    name: str
    participant: dict[str, Any] | None  # None while waiting
    quiet_since: float  # when its last event stream closed (or it joined)
    asks_for: int | None = None  # the known participant a held phone waits to join as
    in_flight: int = 0  # its requests the desktop has not answered yet
    streams: list[Any] = field(default_factory=list)  # the open event streams (room.Stream)
    answers: OrderedDict[str, asyncio.Future[dict[str, Any]]] = field(default_factory=OrderedDict)

    @property
    def waiting(self) -> bool:
        return self.participant is None

    @property
    def status(self) -> str:
        return "waiting" if self.waiting else "active"

    @property
    def participant_id(self) -> int | None:
        return None if self.participant is None else self.participant["id"]

    def public(self) -> Device:
        return Device(
            device_id=self.device_id,
            participant_id=self.participant_id,
            name=self.name,
            connected=bool(self.streams),
            waiting=self.waiting,
            asks_for=self.asks_for if self.waiting else None,
        )

    def remember(self, client_id: str, answer: asyncio.Future[dict[str, Any]]) -> None:
        self.answers[client_id] = answer
        while len(self.answers) > CLIENT_IDS_KEPT:
            self.answers.popitem(last=False)


class Devices:
    """Every phone of one run of the room (a new start forgets them all)."""

    def __init__(self) -> None:
        self._by_secret: dict[str, DeviceRecord] = {}
        self._by_id: dict[str, DeviceRecord] = {}
        self._removed: set[str] = set()
        self._held_ids: set[int] = set()
        self._held_names: set[str] = set()

    def __len__(self) -> int:
        return len(self._by_secret)

    def add(self, name: str, participant: dict[str, Any] | None, now: float) -> DeviceRecord:
        device_id = secrets.token_hex(4)
        while device_id in self._by_id:
            device_id = secrets.token_hex(4)
        secret = secrets.token_urlsafe(32)
        record = DeviceRecord(secret, device_id, name, participant, quiet_since=now)
        self._by_secret[record.secret] = record
        self._by_id[device_id] = record
        return record

    def by_secret(self, secret: str | None) -> DeviceRecord | None:
        return self._by_secret.get(secret) if secret else None

    def by_id(self, device_id: str) -> DeviceRecord | None:
        return self._by_id.get(device_id)

    def was_removed(self, secret: str | None) -> bool:
        return bool(secret) and secret in self._removed

    def drop(self, record: DeviceRecord, removed: bool = True) -> None:
        """Forget a phone: its cookie no longer opens anything (`removed` says so to it, and
        holds the participant and the name it had or asked for)."""
        self._by_secret.pop(record.secret, None)
        self._by_id.pop(record.device_id, None)
        if removed:
            self._removed.add(record.secret)
            for pid in (record.participant_id, record.asks_for):
                if pid is not None:
                    self._held_ids.add(pid)
            self._held_names.add(record.name.casefold())
        record.answers.clear()

    def is_held(self, participant_id: int) -> bool:
        return participant_id in self._held_ids

    def is_name_held(self, name: str) -> bool:
        return name.casefold() in self._held_names

    def taken(self) -> set[int]:
        """The participants bound to a phone."""
        return {r.participant_id for r in self._by_secret.values() if r.participant_id is not None}

    def holder(self, participant_id: int) -> DeviceRecord | None:
        """The phone the participant is bound to, if any."""
        for record in self._by_secret.values():
            if record.participant_id == participant_id:
                return record
        return None

    def waiting(self) -> list[DeviceRecord]:
        return [record for record in self._by_secret.values() if record.waiting]

    def waiting_for(self, name: str, participant_id: int | None = None) -> DeviceRecord | None:
        """A waiting phone that asked for this name (or this known participant)."""
        folded = name.casefold()
        for record in self.waiting():
            if record.name.casefold() == folded or (
                participant_id is not None and record.asks_for == participant_id
            ):
                return record
        return None

    def stale_waiting(self, now: float, timeout: float) -> list[DeviceRecord]:
        """The waiting phones without an event stream for `timeout` seconds."""
        return [r for r in self.waiting() if not r.streams and now - r.quiet_since >= timeout]

    def public(self) -> list[Device]:
        return [record.public() for record in self._by_secret.values()]
