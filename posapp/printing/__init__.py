"""Renderers: receipts and reports as text (and later ESC/POS and PDF). They only draw."""
