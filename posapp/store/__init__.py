"""SQLAlchemy tables, the stand database file, migrations and the unit of work."""
