"""SQLAlchemy tables, the stand database file, migrations and the unit of work.

The package loads nothing by itself: ``posapp.store.tables`` holds every table (Core, in one
``MetaData``: what the migrations compare against), so a command that only runs Core
statements (``posapp sell``) never loads the ORM. ``posapp.store.models`` maps the ORM
classes onto those tables and loads the other row modules with it, so that every
relationship finds its class.
"""
