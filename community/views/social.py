"""Pages for following, the feed, hashtags, and a person's safety controls (blocks, mutes, restrictions,
hidden words)."""

import re
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import Resolver404, path, resolve, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from resources.selectors import help as help_selectors
from resources.views.help import viewer_zone

from .. import selectors, services
from ..models import Story, User
from ..selectors import social as social_selectors
from ..selectors.preferences import hidden_topics

TAG = re.compile(r"\w{2,50}")
MAX_CURSOR = 100
FEATURED_STORIES = 6  # on the home page for visitors
APPROVALS_PATH = "/stories/approvals/"
# Gentle hashtags offered when a feed runs out: somewhere calm to go next.
SUGGESTED_TAGS = ("selfcare", "smallwins", "sleep", "anxiety", "grief")
# Tags used to promote eating disorders, in case screening's vocabulary misses one; screening catches the
# evasive spellings.


# A story in a list


@dataclass
class StoryCard:
    """What a list shows of one story, worked out once for this viewer."""

    story: Story
    author: User | None  # None: "an anonymous member"
    warnings: list[str]
    heading: str  # the title or the first line; never the words of a story behind a warning
    excerpt: str
    tags: list[str]
    mine: bool
    counts_shown: bool
    choice: str = "collapse"  # how the viewer chose to see its topics: show (open), collapse (behind its warning)


_MARKDOWN_LINK = re.compile(r"!?\[([^\]\n]{0,200})\]\([^)\s]{0,500}\)")
EXCERPT_SOURCE = 800  # characters of a story read for its card: a list never reads whole stories
_MARKDOWN_MARKS = re.compile(r"(\*\*|__|\*|`|~~)")
_LINE_START = re.compile(r"^\s{0,3}(#{1,6}\s+|>\s?|[-+*]\s+|\d+[.)]\s+)", re.MULTILINE)
_HASHTAG = re.compile(r"#\w+")


def plain_text(markdown: str) -> str:
    """The words of a Markdown story without its marks, for a short excerpt."""
    text = _MARKDOWN_LINK.sub(r"\1", markdown or "")
    text = _LINE_START.sub("", text)
    return _MARKDOWN_MARKS.sub("", text)


def _without_closing_hashtags(lines: list[str]) -> list[str]:
    """The lines without the hashtags they end with: the card lists the hashtags already."""
    lines = list(lines)
    while lines:
        words = lines[-1].split()
        while words and _HASHTAG.fullmatch(words[-1]):
            words.pop()
        if words:
            lines[-1] = " ".join(words)
            break
        lines.pop()
    return lines


def story_cards(stories, *, viewer) -> list[StoryCard]:
    """Cards for stories a selector returned (authors joined, tags prefetched): no further queries."""
    cards = []
    viewer_id = getattr(viewer, "pk", None)
    for story in stories:
        warnings = selectors.warnings_of(story)
        choice = selectors.story_choice(story, viewer=viewer)
        lines = [line.strip() for line in plain_text(story.body[:EXCERPT_SOURCE]).splitlines() if line.strip()]
        if len(story.body) <= EXCERPT_SOURCE:
            lines = _without_closing_hashtags(lines)
        excerpt = " ".join(lines)
        if warnings and choice != "show":
            heading = _("A story with a content warning")
        elif story.title:
            heading = story.title
        else:  # the first line is the heading; the excerpt goes on from there
            heading = lines[0] if lines else _("A story")
            excerpt = " ".join(lines[1:])
        cards.append(
            StoryCard(
                story=story,
                author=selectors.shown_author(story, viewer=viewer),
                warnings=warnings,
                heading=heading,
                excerpt=" ".join(excerpt.split()),
                tags=[tag.name for tag in story.tags.all()],
                mine=story.author_id == viewer_id,
                counts_shown=story.public_reaction_counts or story.author_id == viewer_id,
                choice=choice,
            )
        )
    return cards


def _cursor(request) -> str | None:
    return request.GET.get("cursor", "")[:MAX_CURSOR] or None


# Hashtag pages


def _tag_name(tag: str) -> str:
    name = (tag or "").strip().lstrip("#").lower()
    if not TAG.fullmatch(name):
        raise Http404(_("That is not a hashtag."))
    return name


def _written_as_tag(tag: str) -> str:
    """How a typed address reads as a hashtag: "Self-Harm" is #selfharm."""
    return re.sub(r"[^\w]", "", tag or "").lower()


def _crisis_panel(request):
    choice = help_selectors.resolve_country(
        chosen=request.GET.get("country", "")[:10],
        user=request.user,
        accept_language=request.headers.get("Accept-Language", "")[:500],
    )
    return help_selectors.crisis_panel(country=choice.code, viewer_zone=viewer_zone(request))


def _hidden_by_settings(viewer, tag: str) -> int:
    """How many stories with the hashtag the viewer's sensitive-content settings leave out, in one query: a page
    that looks empty should say why. Their own stories are never left out."""
    if not viewer.is_authenticated or not hidden_topics(viewer):
        return 0
    shown = selectors.readable_stories(viewer=viewer).filter(tags__name__iexact=tag).values("pk")
    return (
        selectors.readable_stories(viewer=viewer, include_hidden_topics=True)
        .filter(tags__name__iexact=tag)
        .exclude(pk__in=shown)
        .values("pk")
        .distinct()
        .count()
    )


def tag_page(request, tag):
    if tag != _written_as_tag(tag) and TAG.fullmatch(_written_as_tag(tag)):
        query = request.GET.urlencode()
        return redirect(reverse("community:tag", kwargs={"tag": _written_as_tag(tag)}) + (f"?{query}" if query else ""))
    name = _tag_name(tag)
    sensitivity = selectors.tag_sensitivity(name)
    # Help comes first on a sensitive tag, and its posts stay behind a screen until the reader asks for them.
    screened = bool(sensitivity) and request.GET.get("show") != "1"
    page = None if screened else selectors.tagged(viewer=request.user, tag=name, cursor=_cursor(request))
    following = social_selectors.follows_tag(viewer=request.user, name=name)
    context = {
        "tag": name,
        "sensitivity": sensitivity,
        "screened": screened,
        "crisis_panel": _crisis_panel(request) if sensitivity else None,
        "page": page,
        "cards": story_cards(page.stories, viewer=request.user) if page else [],
        "following": following,
        "may_follow": not sensitivity,
        # Said where the list ends, so a page that looks empty says why.
        "hidden_by_settings": _hidden_by_settings(request.user, name) if page and page.caught_up else 0,
    }
    return render(request, "community/feed/tag.html", context)


@login_required
@require_POST
def follow_tag(request, tag):
    name = _tag_name(tag)
    if selectors.tag_sensitivity(name):
        # Following would bring these posts into the feed without the screen and the helplines before them.
        messages.error(request, _("Hashtags like #%(tag)s can't be followed.") % {"tag": name})
        return redirect("community:tag", tag=name)
    try:
        services.follow_tag(actor=request.user, name=name)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("You follow #%(tag)s: its stories will show in your feed.") % {"tag": name})
    return redirect("community:tag", tag=name)


@login_required
@require_POST
def unfollow_tag(request, tag):
    name = _tag_name(tag)
    services.unfollow_tag(actor=request.user, name=name)
    messages.success(request, _("You no longer follow #%(tag)s.") % {"tag": name})
    return redirect("community:tag", tag=name)


# Following, muting, restricting and blocking a person


def relation_to(viewer, person) -> dict:
    """How the viewer stands with a person they may see: for the buttons on a profile."""
    return social_selectors.relation_to(viewer=viewer, person=person)


def _person(request, handle) -> User:
    """Someone the viewer may see; a 404 between people who blocked each other, as on the profile."""
    person = selectors.profile_for_viewer(viewer=request.user, handle=handle)
    if person is None or services.blocked_between(request.user, person):
        raise Http404(_("No profile with that handle."))
    return person


def _anyone(handle) -> User:
    """Anyone with this handle, for undoing one's own block, mute or restriction of them."""
    person = User.objects.filter(handle__iexact=handle, is_active=True).first()
    if person is None:
        raise Http404(_("No profile with that handle."))
    return person


def _back(request, default: str):
    """Back to the page the form was on: the profile or the safety settings (only these two)."""
    if request.POST.get("next") == "safety":
        return redirect("community:safety")
    return redirect(default)


def _refused(request, error) -> None:
    messages.error(request, " ".join(getattr(error, "messages", None) or [str(error)]))


@login_required
@require_POST
def follow(request, handle):
    person = selectors.profile_for_viewer(viewer=request.user, handle=handle)
    if person is None:
        raise Http404(_("No profile with that handle."))
    try:
        created = services.follow(actor=request.user, user=person)
    except ValidationError as error:
        _refused(request, error)
    except PermissionDenied as error:
        _refused(request, error)
        return redirect("home")  # their profile is not shown to you
    else:
        if created:
            messages.success(
                request, _("You follow @%(handle)s: their stories will show in your feed.") % {"handle": person.handle}
            )
        else:
            messages.info(request, _("You already follow @%(handle)s.") % {"handle": person.handle})
    return redirect("community:profile", handle=person.handle)


@login_required
@require_POST
def unfollow(request, handle):
    person = _person(request, handle)
    services.unfollow(actor=request.user, user=person)
    messages.success(request, _("You no longer follow @%(handle)s.") % {"handle": person.handle})
    return redirect("community:profile", handle=person.handle)


@dataclass(frozen=True)
class Control:
    """One of the "More" actions on a profile: what it does, said before and after."""

    title: str
    explanation: tuple
    button: str
    done: str


CONTROLS = {
    "mute": Control(
        title=gettext_lazy("Mute @%(handle)s?"),
        explanation=(
            gettext_lazy("Their stories won't show in your feed any more."),
            gettext_lazy("You can still visit their profile and read their stories and comments elsewhere."),
            gettext_lazy("They won't be told. You can unmute them at any time in Settings, Safety."),
        ),
        button=gettext_lazy("Mute"),
        done=gettext_lazy("You muted @%(handle)s. Their stories won't show in your feed."),
    ),
    "restrict": Control(
        title=gettext_lazy("Restrict @%(handle)s?"),
        explanation=(
            gettext_lazy("Their comments on your stories will be seen only by them and by you."),
            gettext_lazy("Useful when someone's comments upset you but you'd rather not block them."),
            gettext_lazy("They won't be told. You can undo this at any time in Settings, Safety."),
        ),
        button=gettext_lazy("Restrict"),
        done=gettext_lazy("You restricted @%(handle)s. Their comments on your stories are now seen only by them."),
    ),
    "block": Control(
        title=gettext_lazy("Block @%(handle)s?"),
        explanation=(
            gettext_lazy(
                "You won't see each other's profiles, stories or comments, and they can't message you or react "
                "to your stories."
            ),
            gettext_lazy("If you follow each other, those follows end."),
            gettext_lazy("They won't be told. You can unblock them at any time in Settings, Safety."),
        ),
        button=gettext_lazy("Block"),
        done=gettext_lazy("You blocked @%(handle)s. They won't be told."),
    ),
}
ACTIONS = {"mute": services.mute, "restrict": services.restrict, "block": services.block}
UNDO = {
    "unmute": (services.unmute, gettext_lazy("You unmuted @%(handle)s.")),
    "unrestrict": (services.unrestrict, gettext_lazy("@%(handle)s is no longer restricted.")),
    "unblock": (services.unblock, gettext_lazy("You unblocked @%(handle)s.")),
}


@login_required
def control(request, handle, action):
    """GET: what muting, restricting or blocking does, and a button; POST: do it."""
    person = _person(request, handle)
    what = CONTROLS[action]
    if request.method == "POST":
        try:
            ACTIONS[action](actor=request.user, user=person)
        except (ValidationError, PermissionDenied) as error:
            _refused(request, error)
            return redirect("community:profile", handle=person.handle)
        messages.success(request, str(what.done) % {"handle": person.handle})
        if action == "block":
            return redirect("community:safety")  # their profile is no longer shown to you
        return redirect("community:profile", handle=person.handle)
    context = {
        "person": person,
        "action": action,
        "control": what,
        "title": str(what.title) % {"handle": person.handle},
        "is_self": person.pk == request.user.pk,
    }
    return render(request, "community/social/confirm.html", context)


@login_required
@require_POST
def undo(request, handle, action):
    person = _anyone(handle)
    service, done = UNDO[action]
    service(actor=request.user, user=person)
    messages.success(request, str(done) % {"handle": person.handle})
    return _back(request, reverse("community:profile", kwargs={"handle": person.handle}))


# Settings: safety


def _approvals_url() -> str:
    """The page of comments waiting for approval, once it exists (another part of the site builds it)."""
    try:
        resolve(APPROVALS_PATH)
    except Resolver404:
        return ""
    return APPROVALS_PATH


@login_required
def safety(request, *, phrase: str = "", error: str = "", status: int = 200):
    settings = social_selectors.safety_settings(owner=request.user)
    context = {
        "blocked": settings.blocked,
        "muted": settings.muted,
        "restricted": settings.restricted,
        "hidden_words": settings.hidden_words,
        "pending_count": settings.pending_count,
        "approvals_url": _approvals_url(),
        "phrase": phrase,
        "phrase_error": error,
    }
    return render(request, "community/social/safety.html", context, status=status)


@login_required
@require_POST
def add_hidden_word(request):
    phrase = request.POST.get("phrase", "")
    try:
        created = services.add_hidden_word(actor=request.user, phrase=phrase)
    except ValidationError as error:
        return safety(request, phrase=phrase[:100], error=" ".join(error.messages), status=400)
    shown = " ".join(phrase.split())
    if created:
        messages.success(request, _("“%(phrase)s” is now a hidden word.") % {"phrase": shown})
    else:
        messages.info(request, _("“%(phrase)s” was already on your list.") % {"phrase": shown})
    return redirect("community:safety")


@login_required
@require_POST
def remove_hidden_word(request):
    phrase = request.POST.get("phrase", "")
    if services.remove_hidden_word(actor=request.user, phrase=phrase):
        messages.success(request, _("“%(phrase)s” is no longer a hidden word.") % {"phrase": phrase})
    return redirect("community:safety")


urlpatterns = [
    path("tags/<str:tag>/", tag_page, name="tag"),
    path("tags/<str:tag>/follow/", follow_tag, name="follow_tag"),
    path("tags/<str:tag>/unfollow/", unfollow_tag, name="unfollow_tag"),
    path("people/<str:handle>/follow/", follow, name="follow"),
    path("people/<str:handle>/unfollow/", unfollow, name="unfollow"),
    *(path(f"people/<str:handle>/{action}/", control, {"action": action}, name=action) for action in CONTROLS),
    *(path(f"people/<str:handle>/{action}/", undo, {"action": action}, name=action) for action in UNDO),
    path("settings/safety/", safety, name="safety"),
    path("settings/safety/hidden-words/", add_hidden_word, name="add_hidden_word"),
    path("settings/safety/hidden-words/remove/", remove_hidden_word, name="remove_hidden_word"),
]
