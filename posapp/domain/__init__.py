"""Plain-Python rules of the stand: money, products, carts, tenders, journal hashing.

Nothing here imports a database, a printer library or Qt.
"""
