"""The stand window and the places a cashier works in it: log-in, selling, payment, the
sales history, closing the shift, the buyer's display, the print queue, sync and backups."""
