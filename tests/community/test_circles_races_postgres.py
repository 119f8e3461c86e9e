"""Hosts leaving (or being removed) at the same moment, on PostgreSQL: threads released together by a barrier.

Each request counts the other hosts under the circle's row lock, so one of two simultaneous departures is told
it would leave the circle without a host, and a circle always keeps one. (The threads come from
tests/community/postgres.py, as in test_races_postgres.py.)
"""

import pytest
from django.core.exceptions import ValidationError

from community.models import CircleMembership
from community.services import circles as circle_services
from tests.community.postgres import run_together

from .test_circles_fixtures import join, make_circle

# serialized_rollback: people join the "member" group, which a data migration created and an earlier
# transactional test may have flushed.
pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

Role = CircleMembership.Role
Status = CircleMembership.Status


def two_hosts():
    circle = make_circle()
    creator, second = circle.created_by, join(circle)
    circle_services.appoint_host(actor=creator, circle=circle, user=second)
    return circle, creator, second


def hosts_left(circle) -> int:
    return CircleMembership.objects.filter(circle=circle, status=Status.ACTIVE, role=Role.HOST).count()


def last_host_refusal(result) -> bool:
    return isinstance(result, ValidationError) and any(
        item.code == "last_host" for items in result.error_dict.values() for item in items
    )


@pytest.mark.parametrize("attempt", range(3))
def test_two_hosts_leaving_at_once_leave_one_host(attempt):
    circle, creator, second = two_hosts()

    results = run_together(
        [
            lambda: circle_services.leave_circle(actor=creator, circle=circle),
            lambda: circle_services.leave_circle(actor=second, circle=circle),
        ]
    )

    assert sorted(map(last_host_refusal, results)) == [False, True], results
    assert True in results
    assert hosts_left(circle) == 1


@pytest.mark.parametrize("attempt", range(3))
def test_the_creator_removing_the_other_host_while_leaving_keeps_one_host(attempt):
    circle, creator, second = two_hosts()

    results = run_together(
        [
            lambda: circle_services.leave_circle(actor=creator, circle=circle),
            lambda: circle_services.remove_member(actor=creator, circle=circle, user=second),
        ]
    )

    assert sum(map(last_host_refusal, results)) == 1, results
    assert hosts_left(circle) == 1
