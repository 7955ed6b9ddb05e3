"""``posapp order ...`` and ``posapp orders``: orders for later delivery.

Taking, paying, handing over and cancelling an order then print its slip through the
print queue, as ``posapp refund`` prints its receipt: a printer problem is one line on
stderr, the order stands and the slip waits in the queue.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from posapp.cli.approvals import acting, add_acting_cashier
from posapp.cli.args import parse_item, parse_payment
from posapp.cli.commands_print import print_order_slip_now
from posapp.cli.context import Context, print_json
from posapp.cli.output import LANG, say
from posapp.domain.errors import InvalidInput
from posapp.domain.messages import text
from posapp.domain.order import OrderStatus
from posapp.domain.tender import PaymentMethod

if TYPE_CHECKING:
    from posapp.domain.order import OrderItem
    from posapp.services import users
    from posapp.services.orders import OrderView

_CUSTOM = re.compile(r"^(?P<desc>.+?)(?:\*(?P<qty>\d+))?=(?P<price>[^=]+)$")
_DAYS_FROM_TODAY = re.compile(r"^\+(?P<days>\d{1,4})d$")


@dataclass(frozen=True)
class DaysFromToday:
    """A due date written ``+3d``: so many days after the stand's today."""

    days: int

    def after(self, today: date) -> date:
        return today + timedelta(days=self.days)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    o = sub.add_parser("order", parents=[common], help="orders for later delivery")
    o_sub = o.add_subparsers(dest="action", required=True)
    cashier = argparse.ArgumentParser(add_help=False)
    cashier.add_argument("--cashier", help="who does it (default: who opened the shift)")
    cashier.add_argument("--json", action="store_true")

    p = o_sub.add_parser("new", parents=[common, cashier], help="take an order")
    p.add_argument("--buyer", required=True, help="the buyer's name")
    p.add_argument("--phone", default="", help="phone or WhatsApp")
    p.add_argument("--email", default="")
    p.add_argument("--country", default="")
    p.add_argument("--address", default="", help="where to ship (default: picked up)")
    p.add_argument("--due", type=_date,
                   help="due date: YYYY-MM-DD, or +Nd for N days from the stand's today")
    p.add_argument("--note", default="")
    p.add_argument("items", nargs="*", metavar="ITEM", help="catalog CODE or CODE*QTY")
    p.add_argument("--custom", action="append", default=[], metavar="DESCRIPTION=PRICE",
                   help="a made-to-order piece at the agreed price (DESCRIPTION*QTY=PRICE)")
    p.add_argument("--deposit", action="append", default=[], type=parse_payment,
                   metavar="METHOD=AMOUNT", help="the down payment, now")
    p.set_defaults(handler=cmd_new)

    p = o_sub.add_parser("pay", parents=[common, cashier], help="pay towards the balance")
    p.add_argument("order")
    p.add_argument("payments", nargs="+", type=parse_payment, metavar="METHOD=AMOUNT")
    p.set_defaults(handler=cmd_pay)

    p = o_sub.add_parser("ready", parents=[common, cashier], help="made, waiting for the buyer")
    p.add_argument("order")
    p.set_defaults(handler=cmd_ready)

    p = o_sub.add_parser("handover", parents=[common, cashier],
                         help="hand over (taking the balance), all or some lines")
    p.add_argument("order")
    p.add_argument("payments", nargs="*", type=parse_payment, metavar="METHOD=AMOUNT")
    p.add_argument("--line", action="append", default=[], metavar="LINE=QTY",
                   help="hand over only these pieces (line number = pieces)")
    p.add_argument("--tracking", default="", help='"picked up", or the courier and number')
    p.set_defaults(handler=cmd_handover)

    p = o_sub.add_parser("cancel", parents=[common], help="cancel (a supervisor)")
    p.add_argument("order")
    add_acting_cashier(p)
    p.add_argument("--supervisor", required=True)
    p.add_argument("--deposit", required=True, choices=["refund", "keep"])
    p.add_argument("--method", choices=[m.value for m in PaymentMethod], default="cash",
                   help="how a refunded deposit is given back (default cash)")
    p.add_argument("--reason", default="cancelled by the buyer")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_cancel)

    p = o_sub.add_parser("show", parents=[common], help="one order")
    p.add_argument("order")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("orders", parents=[common], help="list the orders")
    p.add_argument("--status", choices=[s.value for s in OrderStatus])
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)


def cmd_new(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.domain.order import Buyer, OrderItem
    from posapp.services import catalog, orders, stand
    handle = ctx.stand()
    items: list[OrderItem] = []
    with handle.uow(write=False) as uow:
        for word in args.items:
            arg = parse_item(word)
            p = catalog.find_product(uow, arg.code)
            items.append(OrderItem(p.name, arg.price or p.price, arg.quantity, sku=p.sku,
                                   product_id=p.id, category=p.category,
                                   maker_group=p.maker_group, region=p.region))
    items += [_custom(word) for word in args.custom]
    if not items:
        raise InvalidInput("cli.order.no_items")
    buyer = Buyer(args.buyer, args.phone, args.email, args.country, args.address)
    due = args.due
    if isinstance(due, DaysFromToday):  # today on the stand's clock, in its time zone
        zone = stand.get(handle.uow(write=False)).zone
        due = due.after(handle.clock().replace(tzinfo=UTC).astimezone(zone).date())
    done = orders.place(handle.uow(), _actor(ctx, args), buyer, items, due=due,
                        deposit=args.deposit, note=args.note)
    return _show_and_print(ctx, done.order, args.json)


def cmd_pay(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import orders
    done = orders.pay(ctx.stand().uow(), _actor(ctx, args), args.order, args.payments)
    if not args.json and done.tender.change:
        say("cli.order.change", change=done.tender.change)
    return _show_and_print(ctx, done.order, args.json)


def cmd_ready(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import orders
    return _show(orders.mark_ready(ctx.stand().uow(), _actor(ctx, args), args.order),
                 args.json)


def cmd_handover(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import order_fulfil
    lines = dict(_line(word) for word in args.line) if args.line else None
    done = order_fulfil.hand_over(ctx.stand().uow(), _actor(ctx, args), args.order,
                                  payments=args.payments, lines=lines, tracking=args.tracking)
    if not args.json and done.tender.change:
        say("cli.order.change", change=done.tender.change)
    return _show_and_print(ctx, done.order, args.json)  # complete: the slip says LUNAS


def cmd_cancel(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import order_fulfil
    actor = acting(ctx, args)  # their PIN first, then the supervisor's
    view = order_fulfil.cancel(
        ctx.stand().uow(), args.order, supervisor_name=args.supervisor,
        supervisor_pin=ctx.pins.read(args.supervisor), reason=args.reason,
        deposit=args.deposit, method=PaymentMethod(args.method), actor=actor)
    return _show_and_print(ctx, view, args.json)


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import orders
    return _show(orders.get(ctx.stand().uow(write=False), args.order), args.json)


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.domain.money import format_rupiah
    from posapp.services import orders
    status = OrderStatus(args.status) if args.status else None
    found = orders.list_orders(ctx.stand().uow(write=False), status=status)
    if args.json:
        print_json([order_json(o) for o in found])
        return 0
    total, balance = text("cli.orders.total", LANG), text("cli.orders.balance", LANG)
    width = max(len(s.label.text(LANG)) for s in OrderStatus)
    for o in found:
        due = text("cli.orders.due", LANG, date=o.due.isoformat() if o.due else "-")
        print(f"{o.order_no}  {o.status.label.text(LANG):<{width}}  {o.buyer.name[:24]:<24} {due}  "
              f"{total} {format_rupiah(o.total):>14}  {balance} {format_rupiah(o.balance):>14}")
    if not found:
        say("cli.orders.none")
    return 0


def order_json(o: OrderView) -> dict[str, Any]:
    b = o.buyer
    return {
        "order_no": o.order_no, "status": o.status.value,
        "buyer": {"name": b.name, "phone": b.phone, "email": b.email, "country": b.country,
                  "address": b.address},
        "due": o.due.isoformat() if o.due else None, "note": o.note,
        "created_at": o.created_at.isoformat() + "Z", "total": o.total, "deposit": o.deposit,
        "paid": o.paid, "refunded": o.refunded, "balance": o.balance, "tracking": o.tracking,
        "lines": [{"line_no": ln.line_no, "sku": ln.sku, "name": ln.name,
                   "unit_price": ln.unit_price, "quantity": ln.quantity, "total": ln.total,
                   "reserved": ln.reserved, "delivered": ln.delivered} for ln in o.lines],
        "payments": [{"at": p.at.isoformat() + "Z", "kind": p.kind, "method": p.method,
                      "tendered": p.tendered, "amount": p.amount} for p in o.payments],
    }


def _show(o: OrderView, as_json: bool) -> int:
    if as_json:
        print_json(order_json(o))
        return 0
    figures = {"order": o.order_no, "status": o.status.label, "total": o.total,
               "paid": o.paid, "balance": o.balance}
    if o.due:
        say("cli.order.shown_due", **figures, due=o.due.isoformat())
    else:
        say("cli.order.shown", **figures)
    for ln in o.lines:
        print("  " + text("cli.order.line", LANG, line=ln.line_no, name=ln.name,
                          quantity=ln.quantity, price=ln.unit_price, total=ln.total,
                          delivered=ln.delivered))
    return 0


def _show_and_print(ctx: Context, o: OrderView, as_json: bool) -> int:
    """Show the order (done and committed), then queue and print its slip."""
    _show(o, as_json)
    sys.stdout.flush()  # the order's line before a printer's complaint, in a terminal
    print_order_slip_now(ctx, o.order_no)
    return 0


def _actor(ctx: Context, args: argparse.Namespace) -> users.Actor:
    from posapp.services import shifts, users
    name = args.cashier
    if not name:
        with ctx.stand().uow(write=False) as uow:
            name = shifts.require_open_shift_opener(uow)
    return users.login(ctx.stand().uow(write=False), name, ctx.pins.read(name))


def _custom(word: str) -> OrderItem:
    from posapp.domain.money import parse_rupiah
    from posapp.domain.order import OrderItem
    m = _CUSTOM.match(word.strip())
    if not m or not m["desc"].strip():
        raise InvalidInput("cli.order.not_custom_item", text=word)
    return OrderItem(m["desc"].strip(), parse_rupiah(m["price"]), int(m["qty"] or 1))


def _line(word: str) -> tuple[int, int]:
    number, _, qty = word.partition("=")
    if not (number.strip().isdigit() and qty.strip().isdigit()):
        raise InvalidInput("cli.order.not_a_line", word=word)
    return int(number), int(qty)


def _date(word: str) -> date | DaysFromToday:
    relative = _DAYS_FROM_TODAY.match(word.strip().lower())
    if relative:
        return DaysFromToday(int(relative["days"]))
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(word.strip(), fmt).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(text("cli.not_a_date", LANG, text=word))
