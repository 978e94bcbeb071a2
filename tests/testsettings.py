"""The settings every test runs under, beside huzheng.settings: applied by the root
conftest.py to the test processes and by tests/demobuild.py to the process that builds the
demo database the tests restore, so that both write the same rows."""


def apply_test_settings(settings):
    # The production hasher spends a quarter of a second on purpose; tests log in often.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Counts gathered in memory (core.tally) are written at once, inside the test.
    settings.HUZHENG_TALLY_SECONDS = 0
    # Tasks run at once, in the test's own process and transaction; the worker itself is
    # tested for real in tests/test_serve.py.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
