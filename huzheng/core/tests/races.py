"""Racing real threads against the database, for the concurrency rules."""

import threading

from django.db import connection


def race(count, action):
    """Run `action(i)` in `count` threads released at the same moment, each on its own
    database connection; return the results and the unexpected errors."""
    barrier = threading.Barrier(count)
    results, errors = [None] * count, []

    def run(i):
        try:
            barrier.wait()
            results[i] = action(i)
        except Exception as exc:  # collected for the assertion
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors
