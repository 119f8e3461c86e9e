"""What only PostgreSQL can show: handles stay unique under a race, and connections come from the pool."""

import threading

import pytest
from django.db import IntegrityError, connection

from community import services
from community.models import User

# serialized_rollback: sign-up puts people in the "member" group, which a data migration created and an
# earlier transactional test may have flushed.
pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_two_people_racing_for_the_same_handle_in_different_case_one_wins():
    people = {"River": "river.one@example.org", "river": "river.two@example.org"}
    start = threading.Barrier(len(people), timeout=30)
    outcomes: dict[str, object] = {}

    def sign_up(handle, address):
        try:
            connection.ensure_connection()  # connect first, so the barrier releases both inserts together
            start.wait()
            user = User(handle=handle, email=address)
            user.set_password("correct-horse-battery-9")
            outcomes[handle] = services.sign_up_member(user=user, display_name="", birth_year=1990, birth_month=3)
        except Exception as error:  # the main thread asserts on what each thread saw
            outcomes[handle] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=sign_up, args=person) for person in people.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a sign-up never finished"

    winners = [outcome for outcome in outcomes.values() if isinstance(outcome, User)]
    losers = [outcome for outcome in outcomes.values() if not isinstance(outcome, User)]
    assert len(winners) == 1, outcomes
    assert len(losers) == 1 and isinstance(losers[0], IntegrityError), outcomes
    assert "community_user_handle_ci_unique" in str(losers[0])
    assert list(User.objects.filter(handle__iexact="river").values_list("handle", flat=True)) == [winners[0].handle]
    assert winners[0].groups.filter(name="member").exists()


def test_connections_come_from_the_pool_and_go_back_to_it():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    pool = connection.pool
    assert pool is not None
    raw = connection.connection
    requests_before = pool.get_stats()["requests_num"]

    connection.close()

    assert connection.connection is None
    assert not raw.closed, "closing Django's connection closed the database connection instead of pooling it"
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    assert pool.get_stats()["requests_num"] == requests_before + 1
