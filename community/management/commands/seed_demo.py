"""Demo accounts for every role, with profiles; stories (some behind warnings, one anonymous), comment threads,
reactions and follows. Idempotent: run again, it changes nothing."""

from datetime import date, timedelta

from allauth.account.models import EmailAddress
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from community import services
from community.models import Comment, Role, Story, User
from resources.demo import helplines as resources_demo_helplines
from resources.demo import library as resources_demo_library

from ._demo_circles import seed_circles
from ._demo_messages import seed_messages

DEMO_PASSWORD = "hearten-demo-2026"

DEMO_PEOPLE = [
    {
        "handle": "sam",
        "display_name": "Sam",
        "pronouns": "they/them",
        "bio": "Learning to be kinder to myself, one small step at a time.",
        "country": "GB",
        "time_zone": "Europe/London",
        "roles": [],
        "born": (1998, 4),
    },
    {
        "handle": "jo_teen",
        "display_name": "Jo",
        "pronouns": "she/her",
        "bio": "Art, dogs and trying out journaling.",
        "country": "IE",
        "time_zone": "Europe/Dublin",
        "roles": [],
        "born": None,  # a minor: set below from today's date, so it stays a minor
    },
    {
        "handle": "maya_moves",
        "display_name": "Maya Moves",
        "pronouns": "she/her",
        "bio": "Dancer and creator. Starting the #AffirmationDance: move, breathe, say one kind thing to yourself.",
        "country": "US",
        "time_zone": "America/New_York",
        "roles": [Role.CREATOR],
        "born": (1996, 9),
    },
    {
        "handle": "dr_amara",
        "display_name": "Dr Amara Okafor",
        "pronouns": "she/her",
        "bio": "Clinical psychologist working with young people. Here to answer questions about anxiety and sleep.",
        "country": "GB",
        "time_zone": "Europe/London",
        "roles": [Role.EXPERT],
        "born": (1982, 2),
    },
    {
        "handle": "calm_harbour",
        "display_name": "Calm Harbour (organisation)",
        "pronouns": "",
        "bio": "A youth mental-health charity sharing free resources and helplines.",
        "country": "AU",
        "time_zone": "Australia/Sydney",
        "roles": [Role.ORGANISATION_MEMBER],
        "born": (1990, 6),
    },
    {
        "handle": "mod_rosa",
        "display_name": "Rosa (moderator)",
        "pronouns": "she/her",
        "bio": "Part of the Hearten safety team.",
        "country": "DE",
        "time_zone": "Europe/Berlin",
        "roles": [Role.MODERATOR],
        "born": (1991, 11),
    },
    {
        "handle": "admin",
        "display_name": "Hearten team",
        "pronouns": "",
        "bio": "Staff admin of this demo.",
        "country": "",
        "time_zone": "UTC",
        "roles": [Role.STAFF_ADMIN],
        "born": (1985, 1),
    },
]


# Stories are found again by author and title, comments by author, story and words: nothing is posted twice.
DEMO_STORIES = [
    {
        "author": "sam",
        "title": "Small wins this week",
        "body": "I made my bed three days in a row and went for a short walk on Sunday. It sounds tiny, but when "
        "everything feels heavy, tiny counts.\n\nWhat small thing went well for you? #selfcare #smallwins",
        "comments": [
            ("maya_moves", "This is so real. Tiny counts. I drank a glass of water and opened the window today."),
            ("sam", "Opening the window is such a good one. Thank you!", 0),
            ("dr_amara", "Thank you for sharing this. Small steps are real steps."),
        ],
        "reactions": [("maya_moves", "support"), ("maya_moves", "relate"), ("dr_amara", "thanks"), ("jo_teen", "hope")],
    },
    {
        "author": "dr_amara",
        "title": "My evening wind-down",
        "body": "Phone in another room at 22:00, a warm drink, five minutes of writing down what's on my mind.\n\n"
        "My sleep is not perfect, but I wake up less wired. I share this with a lot of the young people I work "
        "with, and I follow it myself too. #sleep #selfcare",
        "comments": [("sam", "I relate to the phone thing so much, I'm trying it tonight.")],
        "reactions": [("sam", "relate")],
    },
    {
        "author": "maya_moves",
        "title": "One year",
        "body": "It's been a year since I last hurt myself. Some days the urge still comes back, and I text a friend "
        "or hold an ice cube until it passes.\n\nIf you're in the middle of it: it can get better, and asking "
        "for help is not failing. #recovery",
        "comments": [
            ("sam", "Thank you for sharing this. Proud of you."),
            ("maya_moves", "Thank you, it means a lot.", 0),
        ],
        "reactions": [("sam", "support"), ("sam", "hope"), ("dr_amara", "support")],
    },
    {
        "author": "sam",
        "title": "Missing my grandad",
        "body": "My grandad died in the spring. Some days I'm fine, and then a song in a shop makes me cry.\n\n"
        "I'm learning that grief comes in waves, and that it's okay to talk about him. #grief",
        "content_warnings": ["grief"],
        "comments_need_approval": True,  # so the demo has a comment waiting for its author's approval
        "comments": [("maya_moves", "Sending you a hug. Waves is exactly how it feels.")],
        "reactions": [("maya_moves", "support")],
    },
    {
        "author": "maya_moves",
        "title": "The affirmation dance, day one",
        "body": "I tried the #AffirmationDance in my kitchen: move, breathe, say one kind thing to yourself. I felt "
        "silly for about ten seconds and then I laughed.\n\nJoin in if you like! #selfcare",
        "featured": True,
        "comments": [("jo_teen", "I tried it with my dog watching. 10/10 would dance again.")],
        "reactions": [("sam", "relate"), ("jo_teen", "support"), ("dr_amara", "hope")],
    },
    {
        "author": "jo_teen",
        "title": "Things I couldn't say out loud",
        "body": "For a long time I didn't tell anyone how anxious I felt at school. Writing it here, without my "
        "name, feels like a first step.\n\nIf you're holding something in too, you're not alone. #anxiety "
        "#selfcare",
        "anonymous": True,
        "comments": [("sam", "Me too. Thank you for saying it first.")],
        "reactions": [("sam", "support"), ("maya_moves", "relate")],
    },
    {
        "author": "sam",
        "title": "Eating without counting",
        "body": "In recovery from an eating disorder, the hardest thing for me was stopping the counting. My "
        "dietitian helped me focus on how I feel rather than numbers.\n\nRecovery is slow, and it's still "
        "worth it. #edrecovery",
        "comments": [],
        "reactions": [("dr_amara", "support")],
    },
]
DEMO_FOLLOWS = [("sam", "maya_moves"), ("sam", "dr_amara"), ("maya_moves", "sam"), ("jo_teen", "maya_moves")]
DEMO_TAG_FOLLOWS = [("sam", "selfcare"), ("sam", "sleep"), ("jo_teen", "selfcare")]
DEMO_HIDDEN_WORDS = [("sam", "calm down")]
DEMO_MEMBERSHIP_DAYS = 30


class Command(BaseCommand):
    help = "Create demo accounts for every role (idempotent) and print their logins."

    def handle(self, *args, **options):
        created = 0
        for person in DEMO_PEOPLE:
            if User.objects.filter(handle__iexact=person["handle"]).exists():
                continue
            with transaction.atomic():
                self._create(person)
            created += 1
        staff = User.objects.get(handle="admin")
        publisher = User.objects.get(handle="calm_harbour")
        helplines = resources_demo_helplines.seed(staff=staff)
        resources = resources_demo_library.seed(staff=staff, publisher=publisher)
        # The demo people have been members for a month: as fresh accounts they could not start a conversation,
        # and their links would wait for a moderator, which is not what a demo should show first.
        a_month_ago = timezone.now() - timedelta(days=DEMO_MEMBERSHIP_DAYS)
        demo_accounts = User.objects.filter(handle__in=[p["handle"] for p in DEMO_PEOPLE])
        demo_accounts.filter(date_joined__gt=a_month_ago).update(date_joined=a_month_ago)
        people = {user.handle: user for user in demo_accounts}
        stories, comments = self._seed_stories(people)
        seed_messages(people)
        seed_circles(people)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data: {created} account(s), {resources} resource(s), {helplines} helpline(s), "
                f"{stories} story(ies), {comments} comment(s) created."
            )
        )
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD})")
        for person in DEMO_PEOPLE:
            role = person["roles"][0].label if person["roles"] else "Member"
            if person["born"] is None:
                role += " (under 18)"
            self.stdout.write(f"  {person['handle']:<14} {role}")

    def _create(self, person):
        born = person["born"]
        if born is None:
            today = date.today()
            born = (today.year - 15, today.month)
        user = User(
            handle=person["handle"],
            email=f"{person['handle']}@demo.hearten.local",
            pronouns=person["pronouns"],
            bio=person["bio"],
            country=person["country"],
            time_zone=person["time_zone"],
        )
        user.set_password(DEMO_PASSWORD)
        services.sign_up_member(user=user, display_name=person["display_name"], birth_year=born[0], birth_month=born[1])
        EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
        for role in person["roles"]:
            services.grant_role(actor=None, user=user, role=role)

    def _seed_stories(self, people) -> tuple[int, int]:
        """Stories, their conversations and reactions, and who follows whom, each through its service."""
        stories = comments = 0
        for follower, followed in DEMO_FOLLOWS:
            services.follow(actor=people[follower], user=people[followed])
        for handle, tag in DEMO_TAG_FOLLOWS:
            services.follow_tag(actor=people[handle], name=tag)
        for handle, phrase in DEMO_HIDDEN_WORDS:
            services.add_hidden_word(actor=people[handle], phrase=phrase)
        story_type = ContentType.objects.get_for_model(Story)
        for demo in DEMO_STORIES:
            author = people[demo["author"]]
            story = Story.objects.filter(author=author, title=demo["title"]).first()
            if story is None:
                data = {
                    "title": demo["title"],
                    "body": demo["body"],
                    "content_warnings": demo.get("content_warnings", []),
                    "anonymous": demo.get("anonymous", False),
                    "comments_need_approval": demo.get("comments_need_approval", False),
                }
                story = services.save_story(actor=author, data=data, post=True).obj
                stories += 1
                if demo.get("featured"):
                    # Staff choose featured stories in the admin; there is no member-facing write for it.
                    Story.objects.filter(pk=story.pk).update(featured=True)
            if story.visibility != "published":
                # Screening changed its mind about a demo text: say so rather than fail on its comments.
                self.stderr.write(f"Demo story “{story.title}” is {story.visibility}: no comments or reactions added.")
                continue
            written = []  # this story's comments in order, so a reply can name the comment it answers
            for handle, body, *reply_to in demo["comments"]:
                comment = Comment.objects.filter(
                    author=people[handle], target_type=story_type, target_id=story.pk, body=body
                ).first()
                if comment is None:
                    parent = written[reply_to[0]] if reply_to else None
                    comment = services.add_comment(actor=people[handle], target=story, body=body, parent=parent).obj
                    comments += 1
                written.append(comment)
            for handle, kind in demo["reactions"]:
                services.react(actor=people[handle], target=story, kind=kind)
        return stories, comments
