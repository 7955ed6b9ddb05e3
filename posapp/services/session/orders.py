"""Orders for later delivery: take, pay, mark ready, hand over, cancel, list."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from posapp.domain.order import Buyer, OrderItem, OrderStatus
from posapp.domain.tender import Payment, PaymentMethod
from posapp.services import order_fulfil, orders
from posapp.services.order_fulfil import HandOver
from posapp.services.orders import OrderView, PaymentResult
from posapp.services.session.base import Desk

if TYPE_CHECKING:  # Babel's currency data loads with the first rates asked for
    from posapp.services.fx import StoredRate


class OrdersDesk(Desk):
    def list_orders(self, *, status: OrderStatus | None = None) -> list[OrderView]:
        return orders.list_orders(self.read(), status=status)

    def get(self, order_no: str) -> OrderView:
        """Order *order_no*; NotFound when there is none."""
        return orders.get(self.read(), order_no)

    def count_open(self) -> int:
        """Orders still to hand over (open or ready)."""
        return orders.count_open(self.read())

    def place(self, buyer: Buyer, items: list[OrderItem], *, due: date | None = None,
              deposit: list[Payment] | None = None, note: str = "") -> PaymentResult:
        return orders.place(self.write(), self.cashier(), buyer, items, due=due,
                            deposit=deposit, note=note)

    def pay(self, order_no: str, payments: list[Payment]) -> PaymentResult:
        return orders.pay(self.write(), self.cashier(), order_no, payments)

    def mark_ready(self, order_no: str) -> OrderView:
        return orders.mark_ready(self.write(), self.cashier(), order_no)

    def hand_over(self, order_no: str, *, payments: list[Payment] | None = None,
                  lines: dict[int, int] | None = None, tracking: str = "") -> HandOver:
        return order_fulfil.hand_over(self.write(), self.cashier(), order_no,
                                      payments=payments, lines=lines, tracking=tracking)

    def cancel(self, order_no: str, *, supervisor: str, pin: str, reason: str, deposit: str,
               method: PaymentMethod | None = None) -> OrderView:
        """Cancel *order_no*: the logged-in cashier asks, *supervisor* approves."""
        return order_fulfil.cancel(self.write(), order_no, supervisor_name=supervisor,
                                   supervisor_pin=pin, reason=reason, deposit=deposit,
                                   method=method, actor=self.cashier())

    def rates(self) -> dict[str, StoredRate]:
        """The stand's reference rates, for estimates in the buyer's currency."""
        from posapp.services import fx

        return fx.get(self.read())
