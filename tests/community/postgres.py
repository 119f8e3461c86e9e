"""The harness for the race tests on PostgreSQL: calls released together by a barrier, each from its own thread.

Each thread takes its own database connection before the barrier, so the writes really start together, and gives
it back to the pool at the end.
"""

import threading

from django.db import connection


def run_together(calls) -> list:
    """Run each call in its own thread, all released at the same moment; their results (or exceptions)."""
    start = threading.Barrier(len(calls), timeout=30)
    results: list = [None] * len(calls)

    def run(index, call):
        try:
            connection.ensure_connection()
            start.wait()
            results[index] = call()
        except Exception as error:  # the test asserts on what each thread saw
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index, call)) for index, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a thread never finished"
    return results
