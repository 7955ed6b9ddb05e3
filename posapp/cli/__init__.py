"""The ``posapp`` command. Runs without Qt: only ``posapp run`` may load the window."""
