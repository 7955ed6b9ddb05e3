"""Set-up commands: init, catalog (its photos in ``commands_photos``), cashier, stock, demo,
run."""

from __future__ import annotations

import argparse
from pathlib import Path

from posapp.cli import commands_photos
from posapp.cli.approvals import add_supervisor, approval
from posapp.cli.args import whole_number
from posapp.cli.context import Context, print_json
from posapp.cli.output import LANG, count, say
from posapp.domain.errors import InvalidInput, PosError
from posapp.domain.messages import text
from posapp.domain.policy import Role
from posapp.domain.text import shown


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("init", parents=[common], help="set up a stand in the data folder")
    p.add_argument("--name", required=True, help="the stand's display name")
    p.add_argument("--province", default="")
    p.add_argument("--event", default="", help="the event's name, printed on receipts")
    p.add_argument("--timezone")  # default: the service's, Asia/Jakarta
    p.add_argument("--supervisor", metavar="NAME",
                   help="the stand's first supervisor (their new PIN is asked); asked for "
                        "at a terminal when left out")
    p.set_defaults(handler=cmd_init)

    cat = sub.add_parser("catalog", parents=[common], help="import, export or list products")
    cat_sub = cat.add_subparsers(dest="action", required=True)
    p = cat_sub.add_parser("import", parents=[common], help="add or update products (CSV/XLSX)")
    p.add_argument("file", type=Path)
    add_supervisor(p)
    p.set_defaults(handler=cmd_catalog_import)
    p = cat_sub.add_parser("export", parents=[common], help="write the catalog (CSV/XLSX)")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=cmd_catalog_export)
    p = cat_sub.add_parser("list", parents=[common], help="show the products")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_catalog_list)
    commands_photos.register(cat_sub, common)

    usr = sub.add_parser("cashier", parents=[common], help="cashiers and supervisors")
    usr_sub = usr.add_subparsers(dest="action", required=True)
    p = usr_sub.add_parser("add", parents=[common], help="add a person with a PIN")
    p.add_argument("name")
    p.add_argument("--role", default="cashier", choices=[r.value for r in Role])
    add_supervisor(p)
    p.set_defaults(handler=cmd_cashier_add)
    p = usr_sub.add_parser("change", parents=[common], help="another role or a new PIN")
    p.add_argument("name")
    p.add_argument("--role", choices=[r.value for r in Role])
    p.add_argument("--new-pin", action="store_true", help="set a new PIN (asked last)")
    add_supervisor(p)
    p.set_defaults(handler=cmd_cashier_change)
    p = usr_sub.add_parser("unlock", parents=[common],
                           help="let a name locked out after wrong PINs log in again")
    p.add_argument("name")
    add_supervisor(p)
    p.set_defaults(handler=cmd_cashier_unlock)
    p = usr_sub.add_parser("list", parents=[common])
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_cashier_list)

    stk = sub.add_parser("stock", parents=[common], help="adjust a product's stock")
    stk_sub = stk.add_subparsers(dest="action", required=True)
    p = stk_sub.add_parser("adjust", parents=[common], help="add (or remove, negative) stock")
    p.add_argument("code", help="SKU or barcode")
    p.add_argument("delta", type=whole_number, help="units to add; negative to remove")
    p.add_argument("--reason", required=True)
    p.add_argument("--cashier", required=True)
    p.set_defaults(handler=cmd_stock_adjust)

    p = sub.add_parser("demo", parents=[common],
                       help="make the demo stand and run a few sales (headless)")
    p.add_argument("--ensure", action="store_true",
                   help="only create the demo stand, and only when the folder has no stand")
    p.set_defaults(handler=cmd_demo)
    p = sub.add_parser("run", parents=[common], help="open the stand window(s)")
    p.add_argument("--exit-after", type=float, metavar="SECONDS",
                   help="close by itself after SECONDS (for smoke tests)")
    p.set_defaults(handler=cmd_run)


def cmd_init(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import setup, stand, users
    ctx.data.ensure_writable()
    name = args.supervisor
    if not name:
        if ctx.pins.from_stdin or not ctx.pins.stdin.isatty():
            raise InvalidInput("cli.init.supervisor_needed")
        name = input(text("cli.supervisor_prompt", LANG)).strip()
    first = setup.Person(name, users.Role.SUPERVISOR, ctx.pins.read_new(name))
    zone = stand.DEFAULT_TIMEZONE if args.timezone is None else args.timezone
    info = setup.create_stand(ctx.data, setup.NewStand(
        code=ctx.stand_code or "", name=args.name, province=args.province,
        event_name=args.event, timezone=zone, people=(first,)))
    say("cli.init.done", code=info.code, name=info.name,
        path=str(ctx.data.stand_path(info.code)))
    return 0


def cmd_catalog_import(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import catalog
    from posapp.services.catalog_files import read_catalog_file
    rows = read_catalog_file(args.file)
    result = catalog.import_catalog(ctx.stand().uow(), rows, approval=approval(ctx, args))
    say("cli.catalog.imported", added=result.added, updated=result.updated,
        unchanged=result.unchanged)
    return 0


def cmd_catalog_export(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import catalog
    from posapp.services.catalog_files import write_catalog_file
    products = catalog.list_products(ctx.stand().uow(), include_inactive=True)
    written = write_catalog_file(args.file, products)
    say("cli.catalog.exported", products=count(written, "product"), path=str(args.file))
    return 0


def cmd_catalog_list(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.domain.money import format_rupiah
    from posapp.services import catalog
    products = catalog.list_products(ctx.stand().uow())
    if args.json:
        print_json([{
            "sku": p.sku, "barcode": p.barcode, "name": p.name, "category": p.category,
            "maker_group": p.maker_group, "region": p.region, "price": p.price, "stock": p.stock,
        } for p in products])
        return 0
    for p in products:
        print(shown(f"{p.sku:<14} {p.barcode or '':<14} {p.name[:36]:<36} "
                    f"{format_rupiah(p.price):>14} {p.stock:>5}"))
    say(count(len(products), "product"))
    return 0


def cmd_cashier_add(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import users
    role = users.Role.parse(args.role)
    approved = approval(ctx, args)
    pin = ctx.pins.read_new(args.name)
    actor = users.add_user(ctx.stand().uow(), args.name, role, pin, approval=approved)
    say("cli.cashier.added", role=actor.role.label, name=actor.name)
    return 0


def cmd_cashier_change(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import users
    approved = approval(ctx, args)
    pin = ctx.pins.read_new(args.name) if args.new_pin else None
    role = users.Role.parse(args.role) if args.role else None
    actor = users.change_user(ctx.stand().uow(), args.name, role=role, pin=pin,
                              approval=approved)
    say("cli.cashier.changed", role=actor.role.label, name=actor.name)
    return 0


def cmd_cashier_unlock(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import users
    actor = users.unlock(ctx.stand().uow(), args.name, approval=approval(ctx, args))
    say("cli.cashier.unlocked", name=actor.name)
    return 0


def cmd_cashier_list(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import users
    people = users.list_users(ctx.stand().uow())
    if args.json:
        print_json([{"name": a.name, "role": a.role.value} for a in people])
    else:
        for a in people:
            print(shown(f"{a.name:<30} {a.role.label.text(LANG)}"))
    return 0


def cmd_stock_adjust(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import catalog, users
    handle = ctx.stand()
    actor = users.login(handle.uow(write=False), args.cashier, ctx.pins.read(args.cashier))
    change = catalog.adjust_stock(handle.uow(), actor, args.code, args.delta, args.reason)
    if change.delta >= 0:
        say("cli.stock.added", sku=change.sku, n=change.delta, stock=change.stock)
    else:
        say("cli.stock.removed", sku=change.sku, n=-change.delta, stock=change.stock)
    return 0


def cmd_demo(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import demo
    if args.ensure and ctx.data.stand_codes():
        return 0  # a stand exists: make run opens it, no demo needed
    code = demo.ensure_demo_stand(ctx.data)
    if args.ensure:
        return 0
    ctx.stand_code = ctx.stand_code or code
    print(demo.run_demo(ctx.stand(), lang=ctx.lang), end="")
    return 0


def cmd_run(ctx: Context, args: argparse.Namespace) -> int:
    """Open the stand window(s): ``--stand`` may be given several times."""
    from posapp.ui.app import display_problem, run_windows  # the only command that loads Qt

    if display_problem():
        raise PosError("cli.no_display", command="posapp run")
    codes = [ctx.data.resolve_stand(code) for code in ctx.stand_codes]
    if not codes and ctx.data.stand_codes():
        codes = [ctx.data.resolve_stand(None)]
    return run_windows(ctx.data, codes, lang=getattr(args, "lang", None),
                       exit_after_s=args.exit_after)
