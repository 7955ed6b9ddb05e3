"""posapp: a point of sale for exhibition stands."""

__version__ = "0.1.0"
