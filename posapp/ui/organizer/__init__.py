"""The organizers' window: the central store's totals, merges and reports."""
