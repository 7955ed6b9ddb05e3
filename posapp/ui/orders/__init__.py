"""Orders for later delivery: taking one, its lines and payments, the orders list, the
hand-over and cancelling."""
