"""SQLAlchemy tables, the stand database file, migrations and the unit of work.

Every table module is loaded with the package, so that Base.metadata always holds every
table (the migrations compare against it) and every relationship finds its class.
"""

from posapp.store import models, order_rows, photo_rows, shift_rows  # noqa: F401
