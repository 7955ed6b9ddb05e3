"""The catalog screen: products, stock and catalog imports."""
