"""The fuzz suite's hypothesis profiles, registered once for tests/fuzz.

``posapp-fuzz`` (the default, what ``make test`` runs): derandomized (the same cases every
run, so a failure is a failure of the change, not of luck), a few cases per command and
reader, no example database. ``posapp-fuzz-long`` (``make fuzz``, POSAPP_FUZZ=long):
random, 100 cases per command and 1,000 per reader, about 15,000 in all. The fuzz tests
apply the chosen profile through ``fuzz_settings`` (tests/fuzz/words.py), so that the other
tests' hypothesis settings stay their own.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

_COMMON = {
    "deadline": None,
    "database": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                              HealthCheck.data_too_large, HealthCheck.filter_too_much],
}
settings.register_profile("posapp-fuzz", derandomize=True, max_examples=4, **_COMMON)
settings.register_profile("posapp-fuzz-long", derandomize=False, max_examples=100,
                          print_blob=True, **_COMMON)
