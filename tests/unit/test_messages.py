"""Message ids: every id the code says has words in each language, with its placeholders
filled, and the catalogs hold nothing the code no longer says."""

from __future__ import annotations

import ast
import importlib.util
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from posapp.domain.errors import InvalidInput, PosError
from posapp.domain.messages import LANGUAGES, msg, placeholders, template, text

ROOT = Path(__file__).resolve().parents[2]


def _tool():
    spec = importlib.util.spec_from_file_location("posapp_messages_tool",
                                                  ROOT / "scripts" / "messages.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


TOOL = _tool()
USED = TOOL.used_ids()
SAMPLE = {"rp": 1_250_000, "n": 12_500, "list": ["cash", "qris"], "": "X-1"}


def test_the_code_says_message_ids() -> None:
    assert len(USED) >= 5, "scripts/messages.py finds the ids said in posapp/"


def test_the_catalogs_have_words_for_every_id_and_nothing_else() -> None:
    assert TOOL.problems() == []


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("code", sorted(USED))
def test_every_id_is_said_with_every_placeholder_filled(code: str, lang: str) -> None:
    words = template(code, lang)
    assert words, f"{code} has no words in {lang}"
    english = template(code, "en") or ""
    values = {name: SAMPLE[spec] for name, spec in placeholders(english).items()}
    said = text(code, lang, **values)
    assert "{" not in said and "}" not in said, f"{code} in {lang}: {said}"
    if lang != "en" and len(english.split()) > 2:  # a word or two may be the same (QRIS)
        assert said != text(code, "en", **values), f"{code} is not translated into {lang}"


def test_a_refusal_is_said_in_english_for_the_command_line_and_in_the_users_language() -> None:
    exc = InvalidInput("payment.short", paid=100_000, due=150_000, missing=50_000)
    assert str(exc) == "payment short: Rp 100.000 paid, Rp 150.000 due (Rp 50.000 missing)"
    assert exc.text("id") == ("Pembayaran kurang: dibayar Rp 100.000, tagihan Rp 150.000 "
                              "(kurang Rp 50.000)")
    assert exc.code == "payment.short" and exc.values["missing"] == 50_000


def test_values_are_formatted_for_the_language() -> None:
    exc = InvalidInput("payment.unknown_method", text="bitcoin", methods=["cash", "qris"])
    assert exc.message == "unknown payment method 'bitcoin' (use one of: cash, qris)"
    assert "bitcoin" in exc.text("id") and "cash, qris" in exc.text("id")


def test_a_message_as_a_value_is_said_in_the_same_language() -> None:
    inner = msg("payment.short", paid=1, due=2, missing=1)
    outer = PosError("payment.zero", method=inner)
    assert "payment short: Rp 1 paid" in outer.text("en")
    assert "Pembayaran kurang: dibayar Rp 1" in outer.text("id")


def test_an_unknown_id_or_a_missing_value_never_raises() -> None:
    assert text("no.such_id", "id", n=3) == "no.such_id (n=3)"
    assert "{paid:rp}" not in text("payment.short", "en", due=2, missing=1)
    assert "{paid}" in text("payment.short", "en", due=2, missing=1)


def test_numbers_are_grouped_as_each_language_writes_them() -> None:
    from posapp.domain.messages import _formatter

    assert _formatter("id").format("{x:n}", x=1_250_000) == "1.250.000"
    assert _formatter("en").format("{x:n}", x=1_250_000) == "1,250,000"
    assert _formatter("en").format("{x:rp}", x=Decimal(5000)) == "Rp 5.000"


def refusal_classes(trees: list[ast.Module]) -> set[str]:
    """PosError and every class in posapp that derives from it, by name."""
    found = {"PosError"}
    classes = [n for tree in trees for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]
    while True:
        more = {c.name for c in classes if c.name not in found and any(
            (b.id if isinstance(b, ast.Name) else getattr(b, "attr", "")) in found
            for b in c.bases)}
        if not more:
            return found
        found |= more


def test_every_refusal_is_raised_with_a_message_id_not_a_sentence() -> None:
    """``raise InvalidInput("...")`` with an English sentence or an f-string would say the
    same words in every language: each refusal's first argument is an id (or a variable that
    holds one, such as a constant declared with N_)."""
    from posapp.domain.messages import is_code

    files = sorted((ROOT / "posapp").rglob("*.py"))
    trees = [ast.parse(path.read_text(encoding="utf-8")) for path in files]
    refusals = refusal_classes(trees)
    assert {"InvalidInput", "NotAllowed", "ExportRefused", "CatalogFileError"} <= refusals
    sentences = []
    for path, tree in zip(files, trees, strict=True):
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            if (func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")) \
                    not in refusals:
                continue
            first = node.args[0]
            literal = isinstance(first, ast.Constant) and isinstance(first.value, str)
            if isinstance(first, ast.JoinedStr | ast.BinOp) or (
                    literal and not is_code(first.value)):
                sentences.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert sentences == []
