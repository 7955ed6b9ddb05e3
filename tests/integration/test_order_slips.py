"""Order slips from a real stand database: the slip of an order as it stands, printed through
the queue (a dead printer loses nothing, a restart keeps the slip waiting), the PDF read
back (pdftotext, zbarimg), the stand's contact line and the reference rates."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from posapp.bootstrap import open_stand
from posapp.domain.errors import InvalidInput, NotFound
from posapp.domain.fx import Rate, parse_rate
from posapp.domain.order import Buyer, OrderItem, OrderStatus
from posapp.domain.order_slip import layout_order_slip
from posapp.domain.qris import parse_qris
from posapp.domain.tender import Payment, PaymentMethod
from posapp.printing.pdf_receipt import render_pdf
from posapp.printing.text_receipt import render_text
from posapp.services import fx, order_fulfil, order_slips, orders, print_queue, settings
from posapp.store.models import PrintJobRow, SettingRow
from tests.conftest import BUDI, Stand, dump_database
from tests.readback import needs_poppler, needs_zbar, run
from tests.slip_samples import STAND_QRIS

WIDTH = 42
BUYER = Buyer("Mr. Hiroshi Tanaka", "+81 90 1234 5678", "tanaka@example.jp", "Japan", "")


def take(stand: Stand, deposit: int = 500_000) -> orders.OrderView:
    """4 painted hijabs from stock and two batiks made to order: Rp 1.640.000."""
    p = stand.product("JTM-JLB-001")
    items = [OrderItem(p.name, p.price, 4, sku=p.sku, product_id=p.id),
             OrderItem("Batik tulis motif parang, biru tua, ukuran XL — Café au lait", 650_000,
                       2)]
    return orders.place(stand.handle.uow(), stand.cashier, BUYER, items,
                        due=date.today() + timedelta(days=7),
                        deposit=[Payment(PaymentMethod.QRIS, deposit)]).order


def with_qris(stand: Stand) -> None:
    current = settings.get(stand.handle.uow(write=False))
    settings.save(stand.handle.uow(), replace(current, qris_payload=STAND_QRIS), approval=BUDI)


def slip_text(stand: Stand, order_no: str, **kwargs: object) -> list[str]:
    blocks = order_slips.slip_blocks(stand.handle.uow(write=False), order_no, width=WIDTH,
                                     **kwargs)  # type: ignore[arg-type]
    return [" ".join(line.split()) for line in render_text(blocks, WIDTH).splitlines()]


def test_the_slip_is_the_order_as_it_stands(jatim: Stand) -> None:
    order = take(jatim)
    order_slips.set_contact(jatim.handle.uow(), "WA +62 812-3456-7890")
    slip = order_slips.slip_for(jatim.handle.uow(write=False), order.order_no)
    assert (slip.order_no, slip.total, slip.paid, slip.balance) == (
        "JATIM-P00001", 1_640_000, 500_000, 1_140_000)
    assert (slip.stand_name, slip.contact, slip.buyer) == ("Stand JATIM",
                                                           "WA +62 812-3456-7890", BUYER)
    assert slip.rate is None and slip.qris == ""  # no rate set, no QRIS at this stand
    shown = slip_text(jatim, order.order_no)
    for line in ("WA +62 812-3456-7890", "Diambil di stand", "DP QRIS Rp 500.000",
                 "SISA BAYAR", "Rp 1.140.000", "Status DIPESAN",
                 "Tunjukkan slip ini saat mengambil pesanan"):
        assert line in shown, line

    orders.pay(jatim.handle.uow(), jatim.cashier, order.order_no,
               [Payment(PaymentMethod.TRANSFER, 640_000)])
    order_fulfil.hand_over(jatim.handle.uow(), jatim.cashier, order.order_no,
                           payments=[Payment(PaymentMethod.CASH, 1_000_000)],
                           tracking="diambil sendiri")
    shown = slip_text(jatim, order.order_no)
    for line in ("LUNAS", "Status DISERAHKAN", "Pelunasan Transfer Rp 640.000",
                 "Pelunasan Tunai Rp 500.000", "Dibayar Rp 1.640.000",
                 "Pengiriman diambil sendiri"):
        assert line in shown, line
    assert "SISA BAYAR" not in shown


def test_the_qris_code_on_the_slip_asks_for_the_balance(jatim: Stand) -> None:
    with_qris(jatim)
    order = take(jatim)
    slip = order_slips.slip_for(jatim.handle.uow(write=False), order.order_no)
    [qr] = [b for b in layout_order_slip(slip, WIDTH) if type(b).__name__ == "QrCode"]
    assert parse_qris(qr.data).amount == order.balance == 1_140_000  # type: ignore[union-attr]


def test_the_buyers_currency_comes_from_the_country_when_a_rate_is_set(jatim: Stand) -> None:
    order = take(jatim)
    fx.set_rates(jatim.handle.uow(), [parse_rate("USD=16.250")])
    uow = jatim.handle.uow
    assert order_slips.slip_for(uow(write=False), order.order_no).rate is None  # Japan: JPY
    fx.set_rates(uow(), [parse_rate("JPY=108,5")])
    assert order_slips.slip_for(uow(write=False), order.order_no).rate == Rate(
        "JPY", Decimal("108.5"))
    assert order_slips.slip_for(uow(write=False), order.order_no, currency="usd").rate == Rate(
        "USD", Decimal(16_250))
    assert order_slips.slip_for(uow(write=False), order.order_no, currency="IDR").rate is None
    shown = slip_text(jatim, order.order_no)
    assert "perkiraan JP¥ 15,115" in shown and "perkiraan JP¥ 10,507" in shown  # 1.140.000
    with pytest.raises(NotFound, match="no rate set for EUR"):
        order_slips.slip_for(uow(write=False), order.order_no, currency="EUR")
    with pytest.raises(InvalidInput, match="unknown currency"):
        order_slips.slip_for(uow(write=False), order.order_no, currency="ABC")
    with pytest.raises(NotFound, match="no order"):
        order_slips.slip_for(uow(write=False), "JATIM-P00009")


# --- the print queue -----------------------------------------------------------------------


def test_a_dead_printer_loses_nothing_and_the_slip_waits_through_a_restart(
        jatim: Stand, tmp_path: Path) -> None:
    order = take(jatim)
    job_id = print_queue.enqueue_order_slip(jatim.handle.uow(), order.order_no)
    gone = tmp_path / "unplugged" / "lp0"
    job = print_queue.run_job(jatim.handle.uow, job_id, target=f"file:{gone}", width=WIDTH)
    assert (job.kind, job.ref, job.status) == ("order", "JATIM-P00001", "failed")
    assert "did not answer" in (job.last_error or "")
    after = orders.get(jatim.handle.uow(write=False), order.order_no)
    assert (after.status, after.paid, after.balance) == (order.status, 500_000, 1_140_000)

    with jatim.handle.uow() as uow:  # then the process died while printing it again
        row = uow.session.get(PrintJobRow, job_id)
        assert row is not None
        row.status = "printing"
        uow.commit()
    jatim.handle.close()
    jatim.handle = open_stand(jatim.data, "JATIM")
    assert print_queue.recover(jatim.handle.uow()) == 1
    [waiting] = print_queue.pending(jatim.handle.uow(write=False))
    assert (waiting.id, waiting.kind, waiting.status) == (job_id, "order", "waiting")

    out = tmp_path / "lp0"
    job = print_queue.run_job(jatim.handle.uow, job_id, target=f"file:{out}", width=WIDTH)
    assert job.status == "done"
    data = out.read_bytes()
    for text in (b"{BJATIM-P00001", b"PESANAN", b"Jilbab Lukis Bunga Teratai",
                 b"Caf\x82 au lait", b"XL - Caf", b"SISA BAYAR", b"Rp 1.140.000"):
        assert text in data, text


def test_the_queued_slip_prints_the_order_as_it_is_by_then(jatim: Stand) -> None:
    order = take(jatim)
    job_id = print_queue.enqueue_order_slip(jatim.handle.uow(), order.order_no)
    order_fulfil.cancel(jatim.handle.uow(), order.order_no, supervisor_name="Budi",
                        supervisor_pin="999999", reason="buyer changed plans", deposit="keep")
    printed: list[str] = []

    def capture(target, blocks, width, *, profile=None, drawer=False):  # type: ignore[no-untyped-def]
        printed.append(render_text(blocks, width))
        assert not drawer

    job = print_queue.run_job(jatim.handle.uow, job_id, target="dummy:", width=WIDTH,
                              print_fn=capture)
    assert job.status == "done"
    assert "DIBATALKAN" in printed[0] and "DP tidak dikembalikan" in printed[0]


def test_no_slip_is_queued_for_an_order_that_does_not_exist(jatim: Stand) -> None:
    before = dump_database(jatim.path)
    with pytest.raises(NotFound, match="JATIM-P00042"):
        print_queue.enqueue_order_slip(jatim.handle.uow(), "JATIM-P00042")
    assert dump_database(jatim.path) == before


# --- the PDF read back ---------------------------------------------------------------------


def _pdf_lines(pdf: Path) -> list[str]:
    text = run("pdftotext", "-layout", "-enc", "UTF-8", pdf, "-")
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _text_lines(blocks: tuple, width: int, order_no: str) -> list[str]:  # type: ignore[type-arg]
    out = []
    for line in render_text(blocks, width).splitlines():
        line = " ".join(line.split())
        if line.startswith("|||"):
            line = order_no  # printed under the bars
        if line and line != "[QR]":
            out.append(line)
    return out


@needs_poppler
@pytest.mark.parametrize("page", ["roll80", "a6"])
def test_the_pdf_shows_the_same_figures_as_the_slip(jatim: Stand, tmp_path: Path,
                                                    page: str) -> None:
    with_qris(jatim)
    fx.set_rates(jatim.handle.uow(), [parse_rate("JPY=108,5")])
    order = take(jatim)
    blocks = order_slips.slip_blocks(jatim.handle.uow(write=False), order.order_no,
                                     width=WIDTH)
    pdf = render_pdf(blocks, WIDTH, tmp_path / "slip.pdf", page=page)
    lines = _pdf_lines(pdf)
    assert lines == _text_lines(blocks, WIDTH, order.order_no)
    for line in ("No. pesanan JATIM-P00001", "TOTAL Rp 1.640.000", "DP QRIS Rp 500.000",
                 "Rp 1.140.000", "perkiraan JP¥ 10,507", "Kurs perkiraan 1 JPY = Rp 108,5",
                 "2. Batik tulis motif parang, biru tua,", "ukuran XL — Café au lait"):
        assert line in lines, line


@needs_zbar
@pytest.mark.parametrize("page", ["roll80", "a6"])
def test_the_pdfs_barcode_is_the_order_and_its_qr_the_balance(jatim: Stand, tmp_path: Path,
                                                              page: str) -> None:
    with_qris(jatim)
    order = take(jatim)
    blocks = order_slips.slip_blocks(jatim.handle.uow(write=False), order.order_no,
                                     width=WIDTH)
    pdf = render_pdf(blocks, WIDTH, tmp_path / "slip.pdf", page=page)
    run("pdftoppm", "-r", "200", "-png", pdf, tmp_path / "page")
    scans: list[str] = []
    for png in sorted(tmp_path.glob("page*.png")):
        found = subprocess.run(["zbarimg", "--quiet", str(png)], capture_output=True,
                               text=True, check=False).stdout  # exit 4: nothing on the page
        scans += found.splitlines()
    codes = sorted(scans)
    assert codes[0] == "CODE-128:JATIM-P00001"
    kind, _, payload = codes[1].partition(":")
    assert kind == "QR-Code" and len(codes) == 2
    qris = parse_qris(payload)
    assert qris.is_dynamic and qris.amount == order.balance == 1_140_000
    assert qris.nmid == parse_qris(STAND_QRIS).nmid


# --- the stand's contact and the rates as stored -------------------------------------------


def test_the_contact_line(jatim: Stand) -> None:
    uow = jatim.handle.uow
    assert order_slips.contact(uow(write=False)) == ""
    assert order_slips.set_contact(uow(), "  WA  +62 812-3456-7890 ") == "WA +62 812-3456-7890"
    assert order_slips.contact(uow(write=False)) == "WA +62 812-3456-7890"
    before = dump_database(jatim.path)
    for bad, words in (("line\nbreak", "one line"), ("x" * 81, "at most 80")):
        with pytest.raises(InvalidInput, match=words):
            order_slips.set_contact(uow(), bad)
    assert dump_database(jatim.path) == before
    settings.save(uow(), replace(settings.get(uow(write=False)), paper_width=32), approval=BUDI)
    assert order_slips.contact(uow(write=False)) == "WA +62 812-3456-7890"  # its own key
    assert settings.get(uow(write=False)).paper_width == 32
    assert order_slips.set_contact(uow(), "") == ""
    assert order_slips.contact(uow(write=False)) == ""


def test_rates_are_set_merged_and_cleared(jatim: Stand) -> None:
    uow = jatim.handle.uow
    fx.set_rates(uow(), [parse_rate("USD=16.250"), parse_rate("EUR=17.600")])
    fx.set_rates(uow(), [parse_rate("USD=16.300")])
    stored = fx.get(uow(write=False))
    assert {c: s.rate.rupiah for c, s in stored.items()} == {"EUR": Decimal(17_600),
                                                             "USD": Decimal(16_300)}
    before = dump_database(jatim.path)
    with pytest.raises(InvalidInput, match="USD given twice"):
        fx.set_rates(uow(), [parse_rate("USD=1"), parse_rate("USD=2")])
    with pytest.raises(NotFound, match="no rate set for JPY"):
        fx.clear(uow(), ["EUR", "JPY"])
    assert dump_database(jatim.path) == before
    assert fx.clear(uow(), ["eur"]) == ["EUR"]
    assert list(fx.get(uow(write=False))) == ["USD"]
    assert fx.clear(uow()) == ["USD"]
    assert fx.get(uow(write=False)) == {}
    with uow(write=False) as u:
        assert u.session.get(SettingRow, fx.KEY) is None


def test_a_hand_edited_rate_reads_as_not_set(jatim: Stand) -> None:
    fx.set_rates(jatim.handle.uow(), [parse_rate("USD=16.250")])
    with jatim.handle.uow() as uow:
        row = uow.session.get(SettingRow, fx.KEY)
        assert row is not None
        row.value = ('{"USD": {"rupiah": "0", "set_at": "2026-11-28T07:00:00"}, '
                     '"EUR": {"rupiah": "17600", "set_at": "2026-11-28T07:00:00"}, '
                     '"XXX": {"rupiah": "1", "set_at": "2026-11-28T07:00:00"}, "SGD": 5}')
        uow.commit()
    assert list(fx.get(jatim.handle.uow(write=False))) == ["EUR"]
    order = take(jatim)
    assert order.status is OrderStatus.OPEN
    assert order_slips.slip_for(jatim.handle.uow(write=False), order.order_no).rate is None
