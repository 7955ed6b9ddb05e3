"""Several stand windows in one process, each on its own database; scans go to the focus."""

from __future__ import annotations

from PySide6.QtCore import Qt

from posapp.services.session.stand import StandSession
from posapp.ui.common.scanner import ScannerFilter
from posapp.ui.stand.window import StandWindow
from tests.conftest import CASHIER, CASHIER_PIN, make_stand


def test_two_stands_sell_apart(data_dir, catalog_file, qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    scanner = ScannerFilter(qapp)
    qapp.installEventFilter(scanner)
    stands = [make_stand(data_dir, code, catalog_file) for code in ("JATIM", "DKI")]
    try:
        windows = []
        for s in stands:
            session = StandSession.open(s.handle)
            session.login(CASHIER, CASHIER_PIN)
            w = StandWindow(session, scanner=scanner)
            scanner.scanned.connect(w.on_scan)
            qtbot.addWidget(w)
            windows.append(w)
        jatim, dki = windows
        assert jatim.windowTitle() != dki.windowTitle()
        for w in windows:
            with qtbot.waitActive(w):
                w.show()
                w.activateWindow()
            qtbot.keyClicks(w.selling.scan_input, "8991234500031")  # a burst: a scan
            qtbot.keyClick(w.selling.scan_input, Qt.Key.Key_Return)
        dki.selling.add_code("JTM-BTK-001")
        assert jatim.selling.total.text() == "Rp 85.000"
        assert dki.selling.total.text() == "Rp 535.000"
        assert jatim.session.handle.path != dki.session.handle.path
        assert "JATIM" in jatim.status_labels["statusStand"].text()
        assert "DKI" in dki.status_labels["statusStand"].text()
    finally:
        qapp.removeEventFilter(scanner)
        for s in stands:
            s.handle.close()
