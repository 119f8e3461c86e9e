"""Demo support circles for seed_demo: two circles with hosts, members, posts (one pinned), comments, a request
waiting for a host, and a weekly support chat each.

"Evening check-in" is a circle for everyone (adults and teens together), so it follows that rule: an expert
(dr_amara) starts and hosts it, and a host lets each member in (it is joined by request). It meets on Tuesdays at
19:00 London time, so it shows a closed room, the next session and the calendar file most of the week. A database
seeded before the rule gets dr_amara appointed as its host and stays joined by request (the services treat every
circle for everyone so). "Night owls" is there to try the live room: each time the demo data is loaded,
if its chat is not on, its weekly slot moves to today at the start of the current hour (four hours long), and
its description says so. Everything is written through the services (screened); running it again adds nothing.
"""

from __future__ import annotations

from datetime import time

from django.utils import timezone

from community.models import ChatMessage, Circle, CircleMembership, CirclePost, Comment
from community.selectors import circles as circle_selectors
from community.services import add_comment
from community.services import circles as circle_services

DEMO_CIRCLES = [
    {
        "host": "dr_amara",
        "data": {
            "title": "Evening check-in",
            "description": "A gentle place to say how the day went, notice one thing that helped, and cheer each "
            "other on. For anyone, whatever you're carrying.",
            "guidelines": "Be kind, and assume others are doing their best.\nWhat is shared here stays here.\n"
            "Share what helped you rather than telling others what to do.\nIf you are in danger, use Get help now: "
            "a circle is peer support, not a crisis service.",
            "join_policy": Circle.JoinPolicy.REQUEST,
            "age_group": Circle.AgeGroup.EVERYONE,
            "time_zone": "Europe/London",
        },
        "chat": {"weekday": 1, "start": time(19, 0), "minutes": 60},  # Tuesdays 19:00
        "members": ["sam", "maya_moves", "jo_teen"],
        "posts": [
            (
                "dr_amara",
                "Welcome! Each evening, if you like, share one thing that went okay today. Small counts. Our chat is "
                "on Tuesdays at 19:00 London time.",
                True,
            ),
            ("maya_moves", "Today went okay: I danced for five minutes before work and it lifted my mood.", False),
            ("jo_teen", "I finished my art project even though I wanted to give up halfway.", False),
        ],
        "comments": [
            ("dr_amara", 1, "Five minutes is plenty. Thank you for sharing it."),
            ("sam", 2, "Finishing when you wanted to stop is a real win. Well done!"),
        ],
    },
    {
        "host": "dr_amara",
        "data": {
            "title": "Night owls: sleep and worry",
            "description": "For adults whose worries get louder at night. We share what helps us wind down and keep "
            "each other company in the weekly chat.\n\n(In this demo, the weekly chat is set to the hour the demo "
            "data was loaded, so you can try the live chat room now.)",
            "guidelines": "Be gentle with each other.\nNo advice about medication: talk to your doctor about that.\n"
            "What is said here stays here.\nIf you are in danger, use Get help now.",
            "join_policy": Circle.JoinPolicy.REQUEST,
            "age_group": Circle.AgeGroup.ADULTS,
            "time_zone": "Europe/London",
        },
        "chat": "now",
        "members": ["maya_moves"],
        "requests": [("sam", "I often lie awake worrying about work. I'd like to listen first.")],
        "posts": [
            (
                "dr_amara",
                "A wind-down many people find useful: lights low, phone in another room, and write down tomorrow's "
                "worries so they can wait until morning.",
                True,
            ),
            ("maya_moves", "Writing the worries down really helped last night. I slept by midnight.", False),
        ],
        "comments": [("dr_amara", 1, "That's lovely to hear. Keep the notebook by your bed.")],
        "messages": [
            ("dr_amara", "Good evening, night owls. How is everyone doing tonight?"),
            ("maya_moves", "Hi! A bit restless, but glad to have company."),
        ],
    },
]


def seed_circles(users: dict) -> dict:
    """Create the demo circles (once) for the demo people in `users` (handle to User); returns what was created."""
    created = {"circles": 0, "posts": 0, "comments": 0, "messages": 0}
    for demo in DEMO_CIRCLES:
        host = users[demo["host"]]
        circle = Circle.objects.filter(title__iexact=demo["data"]["title"], archived_at__isnull=True).first()
        if circle is None:
            circle = circle_services.create_circle(actor=host, data=demo["data"]).obj
            created["circles"] += 1
        else:
            _trusted_host(circle, host)
        _chat_times(circle, host, demo["chat"])
        for handle in demo["members"]:
            if not CircleMembership.objects.filter(circle=circle, user=users[handle]).exists():
                # In a circle for everyone the trusted host lets each one in.
                membership = circle_services.join_circle(actor=users[handle], circle=circle, accept_guidelines=True)
                if membership.status == CircleMembership.Status.REQUESTED:
                    circle_services.decide_request(actor=host, membership=membership, approve=True)
        for handle, note in demo.get("requests", []):
            if not CircleMembership.objects.filter(circle=circle, user=users[handle]).exists():
                circle_services.join_circle(actor=users[handle], circle=circle, accept_guidelines=True, note=note)
        posts = []
        for handle, body, pinned in demo["posts"]:
            post = CirclePost.objects.filter(circle=circle, body=body).first()  # whoever wrote it then
            if post is None:
                post = circle_services.write_post(actor=users[handle], circle=circle, body=body).obj
                created["posts"] += 1
                if pinned:
                    circle_services.pin_post(actor=host, post=post)
            posts.append(post)
        for handle, index, body in demo["comments"]:
            post = posts[index]
            if not Comment.objects.filter(author=users[handle], body=body, target_id=post.pk).exists():
                add_comment(actor=users[handle], target=post, body=body)
                created["comments"] += 1
        created["messages"] += _chat_messages(circle, users, demo.get("messages", []))
    return created


def _trusted_host(circle: Circle, host) -> None:
    """A demo circle for everyone seeded before the rule (hosted by sam): its demo host, an expert, becomes a host
    too (she was a member of it), appointed by the host it has."""
    if circle.age_group != Circle.AgeGroup.EVERYONE:
        return
    hosts = circle_selectors.hosts_of(circle)
    if host in hosts or not hosts:
        return
    if CircleMembership.objects.filter(circle=circle, user=host, status=CircleMembership.Status.ACTIVE).exists():
        circle_services.appoint_host(actor=hosts[0], circle=circle, user=host)


def _chat_times(circle: Circle, host, chat) -> None:
    if chat == "now":
        circle = circle_selectors.circle_for(viewer=host, slug=circle.slug)
        if circle_selectors.chat_state(circle).open:
            return
        local = timezone.now().astimezone(circle_selectors.circle_zone(circle))
        circle_services.save_chat_schedule(
            actor=host, circle=circle, weekday=local.weekday(), start=time(local.hour, 0), duration_minutes=240
        )
    elif not circle.chat_schedules.exists():
        circle_services.save_chat_schedule(
            actor=host, circle=circle, weekday=chat["weekday"], start=chat["start"], duration_minutes=chat["minutes"]
        )


def _chat_messages(circle: Circle, users: dict, messages) -> int:
    if not messages:
        return 0
    circle = circle_selectors.circle_for(viewer=users[messages[0][0]], slug=circle.slug)
    state = circle_selectors.chat_state(circle)
    if not state.open or ChatMessage.objects.filter(circle=circle, session_start=state.current.start).exists():
        return 0
    for handle, body in messages:
        circle_services.send_chat_message(actor=users[handle], circle=circle, body=body)
    return len(messages)
