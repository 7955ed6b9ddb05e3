"""Timings of what a stand does all day, on a big stand: ``python -m benchmarks``.

100,000 products and 200,000 past sales in one shift (``--quick``: 10,000 and 20,000);
see ``docs/performance.md`` for the figures and how the data is made.
"""
