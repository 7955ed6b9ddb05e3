"""``python -m benchmarks``: see ``benchmarks.run``.

Nothing is imported outside the main guard: a process the benchmarks spawn (the merge's
read-ahead workers, the event report's PDF) runs this module again as ``__mp_main__``, and
would otherwise load every benchmark (and what they load) before its own work, a start a
real ``posapp`` does not pay.
"""

if __name__ == "__main__":
    import sys

    from benchmarks.run import main

    sys.exit(main())
