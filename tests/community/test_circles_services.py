"""Support circles through their services: starting one, joining (open, by request, twice, by age), leaving,
hosts, posts with their comments, and what hosts remove (audited). Circle posts stay out of every public list."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from community import selectors, services
from community.models import Circle, CircleMembership, CirclePost, Comment, Notification
from community.selectors import circles as circle_selectors
from community.services import circles as circle_services
from moderation.models import AuditEntry, Visibility

from .test_circles_fixtures import adult, expert, host_of, join, make_circle, minor, moderator

pytestmark = pytest.mark.django_db

Status = CircleMembership.Status
HELD = "Let's talk on whatsapp, my number is 07700 900123"
CRISIS = "I'm going to kill myself tonight, I have the pills ready."
REFUSED = "kys nobody likes you"


def codes(error: ValidationError) -> list[str]:
    return [item.code for items in error.error_dict.values() for item in items]


# Starting a circle


def test_the_creator_becomes_an_active_host_with_the_guidelines_accepted():
    creator = adult()

    circle = make_circle(creator, title="Grief & loss: after a parent dies")

    membership = CircleMembership.objects.get(circle=circle, user=creator)
    assert (membership.status, membership.role) == (Status.ACTIVE, CircleMembership.Role.HOST)
    assert membership.guidelines_accepted_at is not None
    assert circle.slug == "grief-loss-after-a-parent-dies"
    assert circle.screened_at is not None and circle.visibility == Visibility.PUBLISHED


def test_a_circle_called_new_does_not_take_the_forms_address():
    assert make_circle(title="New").slug == "new-circle"  # /circles/new/ is the form


def test_a_name_another_live_circle_has_is_refused_whatever_its_case():
    make_circle(title="Evening check-in")

    with pytest.raises(ValidationError) as error:
        make_circle(title="  EVENING CHECK-IN ")

    assert "title" in error.value.message_dict and codes(error.value) == ["title_taken"]
    assert Circle.objects.filter(title__iexact="evening check-in").count() == 1


def test_an_archived_circles_name_can_be_used_again():
    old = make_circle(title="Evening check-in")
    Circle.objects.filter(pk=old.pk).update(archived_at=old.created_at)

    assert make_circle(title="Evening check-in").slug == "evening-check-in-2"


def test_tags_in_a_name_are_not_part_of_its_address():
    circle = make_circle(minor(), title="Teen art club <script>x</script>", age_group="teens")

    assert circle.slug == "teen-art-club-x"


def test_a_circle_description_is_screened_and_a_refusal_names_the_field():
    with pytest.raises(ValidationError) as error:
        make_circle(description=REFUSED)

    assert "description" in error.value.message_dict
    assert not Circle.objects.exists()


def test_a_held_circle_is_seen_only_by_its_creator_and_moderators():
    creator = adult()
    written = circle_services.create_circle(
        actor=creator,
        data={"title": "Talk to me", "description": HELD, "guidelines": "Be kind.", "join_policy": "open"},
    )
    circle = written.obj

    assert circle.visibility == Visibility.HELD
    assert circle_selectors.circle_for(viewer=creator, slug=circle.slug) is not None
    assert circle_selectors.circle_for(viewer=moderator(), slug=circle.slug) is not None
    assert circle_selectors.circle_for(viewer=adult(), slug=circle.slug) is None
    with pytest.raises(ValidationError):
        circle_services.join_circle(actor=adult(), circle=circle, accept_guidelines=True)


def test_people_who_cannot_post_cannot_start_a_circle():
    suspended = adult(is_active=False)

    with pytest.raises(PermissionDenied):
        make_circle(suspended)


@pytest.mark.parametrize(
    ("maker", "group", "allowed"),
    [
        (adult, "adults", True),
        (adult, "teens", False),
        (minor, "teens", True),
        (minor, "adults", False),
        (moderator, "teens", True),
        (adult, "everyone", False),
        (minor, "everyone", False),
        (expert, "everyone", True),
        (moderator, "everyone", True),
        (lambda: expert(minor_until=minor().minor_until), "everyone", False),  # a role never makes a minor an adult
    ],
)
def test_who_may_start_a_circle_for_which_age_group(maker, group, allowed):
    if allowed:
        assert make_circle(maker(), age_group=group).age_group == group
    else:
        with pytest.raises(ValidationError) as error:
            make_circle(maker(), age_group=group)
        assert "age_group" in error.value.message_dict


# Joining


def test_joining_an_open_circle_is_at_once_and_records_the_guidelines():
    circle = make_circle(join_policy="open")
    person = adult()

    membership = circle_services.join_circle(actor=person, circle=circle, accept_guidelines=True)

    assert membership.status == Status.ACTIVE and membership.guidelines_accepted_at is not None
    assert circle_selectors.takes_part(person, circle)


def test_joining_needs_the_guidelines_accepted():
    circle = make_circle()

    with pytest.raises(ValidationError) as error:
        circle_services.join_circle(actor=adult(), circle=circle, accept_guidelines=False)

    assert "accept_guidelines" in error.value.message_dict and codes(error.value) == ["guidelines"]
    assert CircleMembership.objects.filter(circle=circle).count() == 1  # the host alone


@pytest.mark.parametrize(("policy", "code"), [("open", "already_member"), ("request", "already_requested")])
def test_joining_twice_says_so(policy, code):
    circle = make_circle(join_policy=policy)
    person = adult()
    circle_services.join_circle(actor=person, circle=circle, accept_guidelines=True)

    with pytest.raises(ValidationError) as error:
        circle_services.join_circle(actor=person, circle=circle, accept_guidelines=True)

    assert codes(error.value) == [code]
    assert CircleMembership.objects.filter(circle=circle, user=person).count() == 1


def test_a_request_tells_the_hosts_and_the_decision_tells_the_person(django_capture_on_commit_callbacks):
    host = adult()
    circle = make_circle(host, join_policy="request")
    second_host = join(circle)
    circle_services.appoint_host(actor=host, circle=circle, user=second_host)
    person = adult()

    with django_capture_on_commit_callbacks(execute=True):
        membership = circle_services.join_circle(
            actor=person, circle=circle, accept_guidelines=True, note="I lost my dad last year."
        )

    assert membership.status == Status.REQUESTED and membership.request_note == "I lost my dad last year."
    assert not circle_selectors.takes_part(person, circle)
    told = Notification.objects.filter(kind=Notification.Kind.CIRCLE_REQUEST)
    assert set(told.values_list("recipient", flat=True)) == {host.pk, second_host.pk}
    assert list(circle_selectors.requests_for(circle)) == [membership]

    with django_capture_on_commit_callbacks(execute=True):
        circle_services.decide_request(actor=second_host, membership=membership, approve=True)

    assert circle_selectors.takes_part(person, circle)
    news = Notification.objects.get(recipient=person, kind=Notification.Kind.CIRCLE)
    assert news.data == {"event": "approved"} and news.target == circle
    with pytest.raises(ValidationError):  # decided once
        circle_services.decide_request(actor=host, membership=membership, approve=False)


def test_a_declined_request_is_told_and_cannot_be_repeated(django_capture_on_commit_callbacks):
    host = adult()
    circle = make_circle(host, join_policy="request")
    person = adult()
    membership = circle_services.join_circle(actor=person, circle=circle, accept_guidelines=True)

    with django_capture_on_commit_callbacks(execute=True):
        circle_services.decide_request(actor=host, membership=membership, approve=False)

    assert Notification.objects.get(recipient=person, kind=Notification.Kind.CIRCLE).data == {"event": "declined"}
    with pytest.raises(ValidationError) as error:
        circle_services.join_circle(actor=person, circle=circle, accept_guidelines=True)
    assert codes(error.value) == ["declined"]


def test_only_hosts_and_moderators_decide_requests():
    circle = make_circle(join_policy="request")
    member = join(circle)
    membership = circle_services.join_circle(actor=adult(), circle=circle, accept_guidelines=True)

    with pytest.raises(PermissionDenied):
        circle_services.decide_request(actor=member, membership=membership, approve=True)
    circle_services.decide_request(actor=moderator(), membership=membership, approve=True)

    assert CircleMembership.objects.get(pk=membership.pk).status == Status.ACTIVE


def test_a_request_note_that_screening_would_hold_is_refused_not_sent():
    circle = make_circle(join_policy="request")

    with pytest.raises(ValidationError) as error:
        circle_services.join_circle(actor=adult(), circle=circle, accept_guidelines=True, note=HELD)

    assert "request_note" in error.value.message_dict


@pytest.mark.parametrize(
    ("group", "person", "allowed"),
    [
        ("adults", adult, True),
        ("adults", minor, False),
        ("teens", minor, True),
        ("teens", adult, False),
        ("everyone", minor, True),
        ("everyone", adult, True),
        ("teens", moderator, True),  # staff, for moderation
    ],
)
def test_age_groups_decide_who_may_join(group, person, allowed):
    creator = {"teens": minor, "everyone": expert}.get(group, adult)()
    circle = make_circle(creator, age_group=group)
    joiner = person()

    if allowed:
        join(circle, joiner)
        assert circle_selectors.takes_part(joiner, circle)
    else:
        with pytest.raises(PermissionDenied):
            circle_services.join_circle(actor=joiner, circle=circle, accept_guidelines=True)
        assert circle_selectors.circle_for(viewer=joiner, slug=circle.slug) is None  # not even listed


def test_someone_a_host_blocked_cannot_join_and_neither_can_someone_who_blocked_a_host():
    host = adult()
    circle = make_circle(host)
    blocked, blocker = adult(), adult()
    services.block(actor=host, user=blocked)
    services.block(actor=blocker, user=host)

    for person in (blocked, blocker):
        with pytest.raises(PermissionDenied):
            circle_services.join_circle(actor=person, circle=circle, accept_guidelines=True)


def test_leaving_and_the_last_host():
    host = adult()
    circle = make_circle(host)
    member = join(circle)

    assert circle_services.leave_circle(actor=member, circle=circle) is True
    assert not circle_selectors.takes_part(member, circle)
    assert circle_services.leave_circle(actor=member, circle=circle) is False
    with pytest.raises(ValidationError) as error:
        circle_services.leave_circle(actor=host, circle=circle)
    assert codes(error.value) == ["last_host"]
    join(circle, member)  # left members may come back


def test_a_host_removes_a_member_who_is_told_and_cannot_rejoin(django_capture_on_commit_callbacks):
    host = adult()
    circle = make_circle(host)
    member = join(circle)

    with django_capture_on_commit_callbacks(execute=True):
        circle_services.remove_member(actor=host, circle=circle, user=member)

    assert not circle_selectors.takes_part(member, circle)
    assert Notification.objects.get(recipient=member).data == {"event": "removed"}
    assert AuditEntry.objects.filter(action="circle.member_remove", actor=host).exists()
    with pytest.raises(ValidationError) as error:
        circle_services.join_circle(actor=member, circle=circle, accept_guidelines=True)
    assert codes(error.value) == ["removed"]


def test_hosts_appoint_hosts_and_only_the_creator_or_staff_remove_one():
    creator = adult()
    circle = make_circle(creator)
    first, second, member = join(circle), join(circle), join(circle)

    with pytest.raises(PermissionDenied):
        circle_services.appoint_host(actor=member, circle=circle, user=first)
    circle_services.appoint_host(actor=creator, circle=circle, user=first)
    circle_services.appoint_host(actor=first, circle=circle, user=second)  # a host appoints hosts too
    with pytest.raises(PermissionDenied):
        circle_services.remove_member(actor=first, circle=circle, user=second)
    circle_services.remove_member(actor=creator, circle=circle, user=second)

    assert circle_selectors.is_host(first, circle)
    assert not circle_selectors.takes_part(second, circle)
    with pytest.raises(ValidationError):  # only members become hosts
        circle_services.appoint_host(actor=moderator(), circle=circle, user=adult())


# Posts and comments


def test_members_post_and_pinned_posts_come_first():
    host = adult()
    circle = make_circle(host)
    member = join(circle)
    older = circle_services.write_post(actor=member, circle=circle, body="First week: it went better.").obj
    newer = circle_services.write_post(actor=member, circle=circle, body="Small win: I called my sister.").obj

    circle_services.pin_post(actor=host, post=older)

    page = circle_selectors.posts_page(viewer=member, circle=circle)
    assert [post.pk for post in page.pinned] == [older.pk]
    assert [post.pk for post in page.posts] == [newer.pk]
    circle_services.pin_post(actor=host, post=older, pinned=False)
    assert [post.pk for post in circle_selectors.posts_page(viewer=member, circle=circle).posts] == [newer.pk, older.pk]


def test_a_held_post_is_seen_by_its_writer_only():
    circle = make_circle()
    writer, reader = join(circle), join(circle)

    post = circle_services.write_post(actor=writer, circle=circle, body=HELD).obj

    assert post.visibility == Visibility.HELD
    assert circle_selectors.post_for(viewer=writer, circle=circle, pk=post.pk) is not None
    assert circle_selectors.post_for(viewer=reader, circle=circle, pk=post.pk) is None


def test_a_refused_post_is_not_saved():
    circle = make_circle()

    with pytest.raises(ValidationError) as error:
        circle_services.write_post(actor=join(circle), circle=circle, body=REFUSED)

    assert "body" in error.value.message_dict and not CirclePost.objects.exists()


def test_a_host_removes_a_post_its_writer_still_sees_and_it_is_audited():
    host = adult()
    circle = make_circle(host)
    writer, reader = join(circle), join(circle)
    post = circle_services.write_post(actor=writer, circle=circle, body="Does anyone else feel tired all day?").obj

    circle_services.remove_post(actor=host, post=post)

    assert CirclePost.objects.get(pk=post.pk).removed_by == host
    assert circle_selectors.post_for(viewer=reader, circle=circle, pk=post.pk) is None
    assert circle_selectors.post_for(viewer=writer, circle=circle, pk=post.pk).removed_by == host
    entry = AuditEntry.objects.get(action="circle.post_remove")
    assert (entry.actor, entry.target_type, entry.target_id) == (host, "community.circlepost", str(post.pk))
    with pytest.raises(ValidationError):  # a removed post can't be commented on
        services.add_comment(actor=reader, target=CirclePost.objects.get(pk=post.pk), body="Me too, every day.")


def test_comments_on_circle_posts_are_for_active_members_only():
    host = adult()
    circle = make_circle(host)
    writer = join(circle)
    post = circle_services.write_post(actor=writer, circle=circle, body="Today I went outside for ten minutes.").obj
    outsider, left = adult(), join(circle)
    circle_services.leave_circle(actor=left, circle=circle)

    comment = services.add_comment(actor=host, target=post, body="That is a real step. Well done.").obj

    assert comment.visibility == Visibility.PUBLISHED
    for person in (outsider, left):
        with pytest.raises(ValidationError):
            services.add_comment(actor=person, target=post, body="Well done you.")
        with pytest.raises(ValidationError):
            services.react(actor=person, target=post, kind="support")
    assert services.react(actor=writer, target=post, kind="support") is True


def test_a_host_removes_a_comment_only_its_writer_still_sees():
    host = adult()
    circle = make_circle(host)
    writer, commenter, reader = join(circle), join(circle), join(circle)
    post = circle_services.write_post(actor=writer, circle=circle, body="I slept six hours last night.").obj
    comment = services.add_comment(actor=commenter, target=post, body="Have you tried melatonin gummies?").obj

    with pytest.raises(PermissionDenied):
        circle_services.remove_comment(actor=reader, comment=comment)
    circle_services.remove_comment(actor=host, comment=comment)

    assert Comment.objects.get(pk=comment.pk).approval == Comment.Approval.DECLINED
    assert selectors.comments_for(viewer=reader, target=post) == []
    assert [item.comment.pk for item in selectors.comments_for(viewer=commenter, target=post)] == [comment.pk]
    assert AuditEntry.objects.filter(action="circle.comment_remove", actor=host).exists()


def test_people_who_blocked_each_other_do_not_see_each_others_posts():
    circle = make_circle()
    one, other = join(circle), join(circle)
    post = circle_services.write_post(actor=one, circle=circle, body="Walking helped me this week.").obj

    services.block(actor=other, user=one)

    assert circle_selectors.post_for(viewer=other, circle=circle, pk=post.pk) is None


def test_circle_posts_never_reach_the_feed_tags_or_profiles():
    circle = make_circle()
    writer = join(circle)
    follower = join(circle)
    services.follow(actor=follower, user=writer)
    services.follow_tag(actor=follower, name="hope")
    circle_services.write_post(actor=writer, circle=circle, body="Holding on to #hope this week.")
    story = services.save_story(actor=writer, data={"body": "A public story about #hope."}, post=True).obj

    for page in (
        selectors.feed(viewer=follower),
        selectors.tagged(viewer=follower, tag="hope"),
        selectors.stories_by(viewer=follower, author=writer),
    ):
        assert [item.pk for item in page.stories] == [story.pk]


def test_a_teen_who_turns_18_no_longer_takes_part_in_a_teens_circle():
    from datetime import date

    teen = minor()
    circle = make_circle(teen, age_group="teens")
    member = join(circle, minor())
    member.minor_until = date.today()
    member.save(update_fields=["minor_until"])

    assert not circle_selectors.takes_part(member, circle)
    with pytest.raises(PermissionDenied):
        circle_services.write_post(actor=member, circle=circle, body="Hello again.")


# Circles for everyone: adults and under-18s together only with a trusted adult host who lets each person in


def test_a_new_circle_is_for_its_creators_own_age_group_by_default():
    data = {"title": "Exam stress", "description": "Talking about exams.", "guidelines": "Be kind."}

    teens = circle_services.create_circle(actor=minor(), data=data).obj
    adults = circle_services.create_circle(actor=adult(), data={**data, "title": "Work stress"}).obj

    assert (teens.age_group, adults.age_group) == ("teens", "adults")


def test_a_circle_for_everyone_is_always_joined_by_request_and_a_host_lets_each_adult_in(
    django_capture_on_commit_callbacks,
):
    circle = make_circle(age_group="everyone", join_policy="open")
    stranger = adult()

    with django_capture_on_commit_callbacks(execute=True):
        membership = circle_services.join_circle(actor=stranger, circle=circle, accept_guidelines=True)

    assert circle.join_policy == "request"
    assert membership.status == Status.REQUESTED and not circle_selectors.takes_part(stranger, circle)
    assert Notification.objects.filter(recipient=host_of(circle), kind=Notification.Kind.CIRCLE_REQUEST).exists()


def test_an_everyone_circle_saved_as_open_before_the_rule_still_asks_a_host():
    circle = make_circle(age_group="everyone")
    Circle.objects.filter(pk=circle.pk).update(join_policy="open")
    circle.refresh_from_db()

    membership = circle_services.join_circle(actor=adult(), circle=circle, accept_guidelines=True)

    assert membership.status == Status.REQUESTED


def test_only_a_trusted_adult_host_lets_people_into_a_circle_for_everyone():
    circle = make_circle(age_group="everyone")
    untrusted_host = adult()
    CircleMembership.objects.create(
        circle=circle, user=untrusted_host, status=Status.ACTIVE, role=CircleMembership.Role.HOST
    )  # as a circle from before the rule might have
    waiting = circle_services.join_circle(actor=adult(), circle=circle, accept_guidelines=True)

    with pytest.raises(PermissionDenied):
        circle_services.decide_request(actor=untrusted_host, membership=waiting, approve=True)
    circle_services.decide_request(actor=circle.created_by, membership=waiting, approve=True)

    assert CircleMembership.objects.get(pk=waiting.pk).status == Status.ACTIVE


@pytest.mark.parametrize("person", [adult, minor])
def test_only_trusted_adults_become_hosts_of_a_circle_for_everyone(person):
    circle = make_circle(age_group="everyone")
    member = join(circle, person())

    with pytest.raises(ValidationError) as error:
        circle_services.appoint_host(actor=circle.created_by, circle=circle, user=member)

    assert codes(error.value) == ["host_not_trusted"]
    colleague = join(circle, expert())
    assert circle_services.appoint_host(actor=circle.created_by, circle=circle, user=colleague).role == "host"


def test_the_last_trusted_host_of_a_circle_for_everyone_stays_until_another_is_appointed():
    circle = make_circle(age_group="everyone")
    legacy = adult()
    CircleMembership.objects.create(circle=circle, user=legacy, status=Status.ACTIVE, role=CircleMembership.Role.HOST)

    with pytest.raises(ValidationError) as error:
        circle_services.leave_circle(actor=circle.created_by, circle=circle)

    assert codes(error.value) == ["last_host"]
    colleague = expert()
    waiting = circle_services.join_circle(actor=colleague, circle=circle, accept_guidelines=True)
    circle_services.decide_request(actor=circle.created_by, membership=waiting, approve=True)
    circle_services.appoint_host(actor=circle.created_by, circle=circle, user=colleague)
    assert circle_services.leave_circle(actor=circle.created_by, circle=circle) is True


# Hosts take a post off the circle and can put it back


def test_a_host_sees_a_removed_post_marked_and_restores_it():
    circle = make_circle()
    writer = join(circle)
    reader = join(circle)
    post = circle_services.write_post(actor=writer, circle=circle, body="A hard week, but I got through it.").obj
    host = circle.created_by

    circle_services.remove_post(actor=host, post=post)
    seen_by_host = circle_selectors.post_for(viewer=host, circle=circle, pk=post.pk)

    assert seen_by_host is not None and seen_by_host.removed_by_id == host.pk
    assert circle_selectors.post_for(viewer=reader, circle=circle, pk=post.pk) is None
    assert circle_selectors.post_for(viewer=moderator(), circle=circle, pk=post.pk) is not None

    with pytest.raises(PermissionDenied):
        circle_services.restore_post(actor=reader, post=seen_by_host)
    circle_services.restore_post(actor=host, post=seen_by_host)

    assert circle_selectors.post_for(viewer=reader, circle=circle, pk=post.pk) is not None
    assert AuditEntry.objects.filter(action="circle.post_restore").count() == 1
