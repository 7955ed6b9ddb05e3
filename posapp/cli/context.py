"""What every command needs: the data folder, the chosen stand, PINs and output."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from posapp.bootstrap import DataDir, StandHandle, default_data_dir, open_stand
from posapp.cli.args import PinReader
from posapp.logs import redact_passwords


@dataclass
class Context:
    data: DataDir
    stand_code: str | None
    pins: PinReader
    stand_codes: list[str] = field(default_factory=list)
    lang: str = "id"
    _stands: dict[str, StandHandle] = field(default_factory=dict)

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Context:
        root = getattr(args, "data_dir", None) or default_data_dir()
        return cls(
            data=DataDir(Path(root)),
            stand_code=(getattr(args, "stand", None) or [None])[-1],
            stand_codes=list(getattr(args, "stand", None) or []),
            pins=PinReader(getattr(args, "pin_stdin", False)),
            lang=getattr(args, "lang", "id"),
        )

    def stand(self) -> StandHandle:
        """The stand named by ``--stand``, or the only one; opened (and migrated) once."""
        code = self.data.resolve_stand(self.stand_code)
        if code not in self._stands:
            self._stands[code] = open_stand(self.data, code)
        return self._stands[code]

    def close(self) -> None:
        for handle in self._stands.values():
            handle.close()
        self._stands.clear()

    def log_unexpected(self, exc: BaseException) -> Path:
        """Write the traceback to the data folder's error log (a URL's password hidden);
        return where it went."""
        text = redact_passwords("".join(traceback.format_exception(exc)))
        for folder in (self.data.root, Path.cwd()):
            try:
                folder.mkdir(parents=True, exist_ok=True)
                path = folder / "posapp-errors.log"
                with path.open("a", encoding="utf-8") as f:
                    f.write(f"--- {dt.datetime.now(dt.UTC).isoformat()}\n{text}")
                return path
            except OSError:
                continue
        return Path("stderr")


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
