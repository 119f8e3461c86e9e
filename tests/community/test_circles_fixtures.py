"""What the circle and chat tests share: people of each kind, circles made through the services, chat times.

(A module of helpers, not of tests: the other test_circles* and test_chat* modules import from it.)
"""

from datetime import UTC, date, datetime, timedelta

from community.models import ChatSchedule, Circle, CircleMembership, Role
from community.services import circles as circle_services
from community.services import grant_role
from tests.factories import StaffFactory, UserFactory

GUIDELINES = "Be kind. What is said here stays here. No advice about medication."


def adult(**fields):
    return UserFactory(**fields)


def minor(**fields):
    return UserFactory(minor_until=date.today() + timedelta(days=400), **fields)


def moderator():
    person = UserFactory(is_staff=True)
    grant_role(actor=None, user=person, role=Role.MODERATOR)
    return person


def staff():
    return StaffFactory()


def expert(**fields):
    """An adult Hearten trusts to host a circle for everyone (adults and teens together)."""
    person = UserFactory(**fields)
    grant_role(actor=None, user=person, role=Role.EXPERT)
    return person


_titles = iter(range(1, 1_000_000))


def make_circle(host=None, **data) -> Circle:
    """A circle started by `host` through the service; `host` is its first host. By default an open circle for
    the host's own age group (an adult's, or an expert's circle for everyone when `age_group="everyone"`);
    each with a name of its own unless `title` is given (two live circles never share one)."""
    if host is None:
        host = expert() if data.get("age_group") == Circle.AgeGroup.EVERYONE else adult()
    fields = {
        "title": f"Evening check-in {next(_titles)}",
        "description": "A quiet place to share how the day went and what helped.",
        "guidelines": GUIDELINES,
        "join_policy": Circle.JoinPolicy.OPEN,
        "time_zone": "Europe/London",
        **data,
    }
    written = circle_services.create_circle(actor=host, data=fields)
    assert written.obj.visibility == "published", written.decision
    return written.obj


def host_of(circle: Circle):
    return CircleMembership.objects.get(circle=circle, role=CircleMembership.Role.HOST).user


def join(circle: Circle, person=None):
    """`person` (a new adult by default) joins an open circle, or is let in to a request one by its host."""
    person = person or adult()
    membership = circle_services.join_circle(actor=person, circle=circle, accept_guidelines=True)
    if membership.status == CircleMembership.Status.REQUESTED:
        circle_services.decide_request(actor=host_of(circle), membership=membership, approve=True)
    return person


def force_member(circle: Circle, person, role=CircleMembership.Role.MEMBER):
    """A membership the services would not make now (a teen who has since turned 18, say)."""
    return CircleMembership.objects.create(
        circle=circle,
        user=person,
        status=CircleMembership.Status.ACTIVE,
        role=role,
        guidelines_accepted_at=datetime.now(UTC),
    )


def weekly_chat(circle: Circle, *, first_start: datetime, minutes: int = 60, rule: str = "FREQ=WEEKLY;BYDAY=TU"):
    """A chat schedule as staff might set it in the admin: `first_start` is the wall-clock time in the circle's
    zone (an aware datetime in that zone)."""
    schedule = ChatSchedule.objects.create(
        circle=circle, first_start=first_start, duration_minutes=minutes, rrule=rule, active=True
    )
    circle._prefetched_objects_cache = {}
    return schedule


def fresh(circle: Circle) -> Circle:
    return Circle.objects.prefetch_related("chat_schedules").get(pk=circle.pk)
