"""Pages for stories: the composer, drafts, a story with its reactions and comments.

Each page parses the form, calls one service and redirects (with `#comment-<pk>` where it helps); what
screening decided is shown the same way everywhere: a crisis goes to the private help page first, a hold is
explained to the writer only, a nudge asks "Would you like to reconsider?" with a way to post anyway.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from moderation import services as moderation_services
from moderation.decision import Action
from moderation.markdown import render_markdown
from moderation.models import ContentWarning, Kind, Visibility, warning_labels
from moderation.services import screen
from moderation.suggestions import suggest

from .. import selectors, services
from ..forms import CommentForm, StoryForm
from ..ids import id_or_none
from ..models import MAX_BODY, Comment, Reaction, Story, TopicChoice
from ..services.stories import story_text
from .common import crisis_redirect
from .people import add_form_errors

# Topics whose first story gets the "before you post" guide.
GUIDED_TOPICS = frozenset({ContentWarning.SUICIDE_SELF_HARM, ContentWarning.EATING_DISORDERS})


def _story_url(story: Story, anchor: str = "") -> str:
    return reverse("community:story_detail", args=[story.pk]) + (f"#{anchor}" if anchor else "")


def _readable_story(request, pk: int) -> Story:
    story = selectors.story_for_viewer(viewer=request.user, pk=pk)
    if story is None:
        raise Http404(_("There is no story here, or you can't read it."))
    return story


def _own_story(request, pk: int) -> Story:
    """The viewer's own story, draft or posted; anyone else's is "not found" (nothing to learn from trying)."""
    story = selectors.drafts(viewer=request.user).filter(pk=pk).first() or selectors.story_for_viewer(
        viewer=request.user, pk=pk
    )
    if story is None or story.author_id != request.user.pk:
        raise Http404(_("There is no story of yours here."))
    return story


# The composer


@login_required
def compose(request, pk=None):
    """Write a new story (`pk` None) or change one's own: save a draft, or post."""
    story = _own_story(request, pk) if pk is not None else None
    if story is None and not services.can_post(request.user):
        raise PermissionDenied(_("You can't post stories right now."))
    initial = StoryForm.initial_for(story) if story is not None else {}
    form = StoryForm(request.POST or None, request.FILES or None, story=story, writer=request.user, initial=initial)
    confirmed = request.POST.get("confirm") == "1"
    posting = request.POST.get("action") == "post" or confirmed or (story is not None and story.is_posted)
    guide_seen = request.POST.get("guide_seen") == "1"
    guide = reconsider = None
    nudges = {}
    if request.method == "POST" and form.is_valid():
        data = form.story_data()
        if posting and not guide_seen:
            guide = _before_you_post(request.user, data=data)
        if guide is None:
            try:
                written = services.save_story(
                    actor=request.user,
                    data=data,
                    story=story,
                    image=form.cleaned_data.get("image"),
                    remove_image=form.cleaned_data.get("remove_image", False),
                    post=posting,
                    confirmed=confirmed,
                )
            except services.NeedsConfirmation as error:
                reconsider, nudges = True, getattr(error, "nudges", {})
                add_form_errors(form, error)
            except ValidationError as error:
                add_form_errors(form, error)
            else:
                return _after_story_saved(request, written, edited=story is not None)
    context = {
        "form": form,
        "story": story,
        "guide": guide,
        "guide_seen": guide_seen or guide is not None,
        "reconsider": reconsider,
        "nudges": nudges,  # the words to mark, by field, as screening decided for this writer
        "max_body": MAX_BODY,
        # Browsers can't give a file back to a form: say so rather than lose the picture silently.
        "choose_picture_again": request.method == "POST" and bool(request.FILES.get("image")),
        "crisis_help": bool(form.errors) and _reads_as_crisis(request, "title", "body"),
    }
    return render(request, "community/stories/compose.html", context, status=400 if form.errors else 200)


def _reads_as_crisis(request, *fields) -> bool:
    """Whether words refused for their shape (too long, comments off...) read as a crisis: then help comes too."""
    return any(moderation_services.reads_as_crisis(request.POST.get(name, "")) for name in fields)


def _has_posted_on(user, topics) -> bool:
    """Whether the person already posted a story on one of these topics (held ones count: they wrote it)."""
    own = selectors.readable_stories(viewer=user).filter(author=user.pk)
    return any(topics & set(warnings or ()) for warnings in own.values_list("content_warnings", flat=True))


def _before_you_post(user, *, data: dict) -> dict | None:
    """The "before you post" step for a person's first story on a sensitive topic, or None to post now.

    Never in the way of someone who may be in crisis (they should reach help at once), nor of a text the
    service will refuse anyway (they should see why first)."""
    if len(data["body"]) > MAX_BODY:
        return None
    text = story_text(Story(title=data["title"], body=data["body"], image_alt=data["image_alt"]))
    decision = screen(text=text, kind=Kind.STORY, author=user)
    if decision.crisis or decision.action == Action.REJECT:
        return None
    chosen = set(data["content_warnings"])
    warnings = list(dict.fromkeys([*decision.content_warnings, *data["content_warnings"]]))
    if not (GUIDED_TOPICS & set(warnings)) or _has_posted_on(user, GUIDED_TOPICS):
        return None
    # Where help is and the warning are in the guide itself: the rest is about this story's words.
    suggestions = [
        item
        for item in suggest(decision, text, content_warnings=chosen)
        if item["code"] not in ("add_help", "add_content_warning")
    ]
    return {"warnings": warning_labels(warnings), "suggestions": suggestions}


def _after_story_saved(request, written, *, edited: bool):
    story, decision = written.obj, written.decision
    if not story.is_posted:
        edit_url = reverse("community:story_edit", args=[story.pk])
        if decision.crisis:
            return crisis_redirect(edit_url)
        messages.success(request, _("Your draft is saved. Only you can see it."))
        return redirect(edit_url)
    if decision.crisis:
        return crisis_redirect(_story_url(story))
    if not written.held:  # a held story explains itself on its page, to its author only
        if story.content_warnings:
            messages.success(
                request,
                _("Your story is posted, behind a content warning: %(warnings)s.")
                % {"warnings": ", ".join(warning_labels(story.content_warnings))},
            )
        else:
            messages.success(request, _("Your changes are saved.") if edited else _("Your story is posted."))
    return redirect(_story_url(story))


@login_required
def drafts(request):
    return render(request, "community/stories/drafts.html", {"drafts": selectors.drafts(viewer=request.user)})


@login_required
def delete(request, pk):
    """Ask first (GET), then delete (POST): the story, its picture and the conversation under it."""
    story = _own_story(request, pk)
    if request.method == "POST":
        was_posted = story.is_posted
        services.delete_story(actor=request.user, story=story)
        messages.success(request, _("Your story is deleted."))
        if was_posted:
            return redirect("community:profile", handle=request.user.handle)
        return redirect("community:story_drafts")
    return render(request, "community/stories/delete.html", {"story": story})


# A story, its reactions and its comments


def detail(request, pk):
    story = selectors.story_for_viewer(viewer=request.user, pk=pk)
    if story is None:
        if request.user.is_authenticated and selectors.drafts(viewer=request.user).filter(pk=pk).exists():
            return redirect("community:story_edit", pk=pk)  # one's own draft opens in the composer
        raise Http404(_("There is no story here, or you can't read it."))
    if _asks_first(request, story):
        # On a topic the reader hides: the warning and a choice, never a word of the story first. A link can't
        # choose for them (`?show=1` posted in a comment): only their own "Show it anyway" (a POST) does.
        context = {"story": story, "warnings": selectors.warnings_of(story)}
        return render(request, "community/stories/hidden_topic.html", context)
    return _story_page(request, story)


@login_required
@require_POST
def show_anyway(request, pk):
    """The reader chose to see a story on a topic they hide: remembered for this story, then the story."""
    story = _readable_story(request, pk)
    _remember_shown(request, story)
    return redirect(_story_url(story))


SHOWN_STORIES = "stories_shown_anyway"  # in the session: stories the reader chose to see despite their settings


def _asks_first(request, story) -> bool:
    return selectors.story_choice(story, viewer=request.user) == TopicChoice.HIDE and story.pk not in (
        request.session.get(SHOWN_STORIES) or []
    )


def _remember_shown(request, story) -> None:
    """So the story opens straight away when the reader comes back to it (after commenting, say)."""
    shown = [pk for pk in request.session.get(SHOWN_STORIES) or [] if pk != story.pk]
    request.session[SHOWN_STORIES] = [*shown[-49:], story.pk]


def _walk(items):
    for item in items:
        yield item
        yield from _walk(item.replies)


def _story_page(
    request, story, *, comment_form=None, reply_to=None, reconsider=False, nudges=None, status=200, crisis_help=False
):
    viewer = request.user
    is_author = viewer.is_authenticated and viewer.pk == story.author_id
    reactions = selectors.reactions_for(
        viewer=viewer, target=story, author_id=story.author_id, public_counts=story.public_reaction_counts
    )
    comments = selectors.comments_for(viewer=viewer, target=story)
    published = story.visibility == Visibility.PUBLISHED
    replied = _shown_comment(comments, reply_to) if reply_to is not None else None
    if replied is None or replied.deleted or replied.waiting:
        reply_to = None  # that comment has no reply form (any more): show the problem in the main form
    context = {
        "crisis_help": crisis_help,
        "story": story,
        "author": selectors.shown_author(story, viewer=viewer),
        "is_author": is_author,
        "warnings": selectors.warnings_of(story),
        # Shown open when the reader chose so, or chose to see it anyway; else behind its warning.
        "folded": selectors.story_choice(story, viewer=viewer) == TopicChoice.COLLAPSE,
        "body_html": render_markdown(story.body),
        "tags": sorted(tag.name for tag in story.tags.all()),
        "crisis": is_author
        and story.visibility == Visibility.HELD
        and any(label.get("name") == "crisis" for label in story.screening_labels or []),
        "published": published,
        "reactions": reactions,
        "reaction_buttons": [
            {
                "kind": kind,
                "label": label,
                "pressed": kind in reactions.mine,
                "count": reactions.counts.get(kind, 0),
            }
            for kind, label in Reaction.Kind.choices
        ],
        "others_reacted": reactions.total > len(reactions.mine),
        "comments": comments,
        "awaiting_approval": sum(
            1 for item in _walk(comments) if item.comment.approval == Comment.Approval.PENDING and not item.deleted
        )
        if is_author
        else 0,
        "can_comment": viewer.is_authenticated and published and story.comments_enabled,
        "comment_form": comment_form,
        "reply_to": reply_to,
        "reconsider": reconsider,
        "nudges": nudges or {},
    }
    return render(request, "community/stories/detail.html", context, status=status)


@login_required
@require_POST
def react(request, pk):
    """Add or take back one supportive reaction; the button says which (aria-pressed), so a double click
    does not undo itself."""
    story = _readable_story(request, pk)
    kind = request.POST.get("kind", "")
    try:
        if request.POST.get("pressed") == "true":
            services.unreact(actor=request.user, target=story, kind=kind)
        else:
            services.react(actor=request.user, target=story, kind=kind)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, " ".join(getattr(error, "messages", None) or [str(error)]))
    return redirect(_story_url(story, "reactions"))


def _shown_comment(comments, pk):
    return next((item for item in _walk(comments) if item.comment.pk == pk), None)


@login_required
@require_POST
def comment(request, pk):
    """Comment on a story, or reply to a comment on it."""
    story = _readable_story(request, pk)
    form = CommentForm(request.POST)
    reply_to = None
    reconsider = False
    nudges = {}
    status = 400
    if form.is_valid():
        reply_to = form.cleaned_data["parent"]
        parent = None
        if reply_to:
            shown = _shown_comment(selectors.comments_for(viewer=request.user, target=story), reply_to)
            if shown is None or shown.deleted or shown.waiting:
                form.add_error("body", _("That comment is no longer there, so it can't be replied to."))
            else:
                parent = shown.comment
        if not form.errors:
            try:
                written = services.add_comment(
                    actor=request.user,
                    target=story,
                    body=form.cleaned_data["body"],
                    parent=parent,
                    confirmed=request.POST.get("confirm") == "1",
                )
            except services.NeedsConfirmation as error:
                reconsider, nudges = True, getattr(error, "nudges", {})
                add_form_errors(form, error)
            except ValidationError as error:
                add_form_errors(form, error)
            except PermissionDenied as error:
                form.add_error(None, str(error))
                status = 403
            else:
                return _after_comment_saved(request, story, written)
    else:
        reply_to = id_or_none(request.POST.get("parent"))
    return _story_page(
        request,
        story,
        comment_form=form,
        reply_to=reply_to,
        reconsider=reconsider,
        nudges=nudges,
        status=status,
        crisis_help=_reads_as_crisis(request, "body"),
    )


def _after_comment_saved(request, story, written, *, edited: bool = False):
    comment, decision = written.obj, written.decision
    anchor_url = _story_url(story, f"comment-{comment.pk}")
    if decision.crisis:
        return crisis_redirect(anchor_url)
    if comment.visibility != Visibility.PUBLISHED:
        why = comment.held_reason or _("Your comment is waiting for a moderator.")
        messages.info(request, _("%(why)s Only you can see it for now.") % {"why": why})
    elif comment.approval == Comment.Approval.PENDING:
        messages.info(request, _("Your comment will show once the author approves it. Only you can see it for now."))
    else:
        messages.success(request, _("Your changes are saved.") if edited else _("Your comment is posted."))
    return redirect(anchor_url)


def _own_comment(request, pk: int) -> tuple[Comment, Story]:
    """The viewer's own comment (not deleted) and the story it is on, which they must still be able to read."""
    own = Comment.objects.select_related("author").filter(pk=pk, author=request.user.pk, deleted_at__isnull=True)
    comment = own.first()
    story = None
    if comment is not None and comment.target_type_id == ContentType.objects.get_for_model(Story).pk:
        story = selectors.story_for_viewer(viewer=request.user, pk=comment.target_id)
    if story is None:
        raise Http404(_("There is no comment of yours here."))
    return comment, story


@login_required
def edit_comment(request, pk):
    comment, story = _own_comment(request, pk)
    form = CommentForm(request.POST or None, initial={"body": comment.body})
    reconsider = False
    nudges = {}
    if request.method == "POST" and form.is_valid():
        try:
            written = services.edit_comment(
                actor=request.user,
                comment=comment,
                body=form.cleaned_data["body"],
                confirmed=request.POST.get("confirm") == "1",
            )
        except services.NeedsConfirmation as error:
            reconsider, nudges = True, getattr(error, "nudges", {})
            add_form_errors(form, error)
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            return _after_comment_saved(request, story, written, edited=True)
    context = {"form": form, "comment": comment, "story": story, "reconsider": reconsider, "nudges": nudges}
    return render(request, "community/stories/comment_edit.html", context, status=400 if form.errors else 200)


@login_required
def delete_comment(request, pk):
    comment, story = _own_comment(request, pk)
    if request.method == "POST":
        services.delete_comment(actor=request.user, comment=comment)
        messages.success(request, _("Your comment is deleted."))
        return redirect(_story_url(story, "comments"))
    return render(request, "community/stories/comment_delete.html", {"comment": comment, "story": story})


@login_required
@require_POST
def approve_comment(request, pk):
    """The story's author lets a comment waiting for them show."""
    comment = selectors.pending_comments(owner=request.user).filter(pk=pk).first()
    if comment is None:
        raise Http404(_("There is no comment waiting for your approval here."))
    story = _readable_story(request, comment.target_id)
    services.approve_comment(actor=request.user, comment=comment)
    messages.success(request, _("The comment is approved: everyone who can read your story sees it now."))
    if request.POST.get("from") == "approvals":
        return redirect("community:comment_approvals")
    return redirect(_story_url(story, f"comment-{comment.pk}"))


@login_required
@require_POST
def decline_comment(request, pk):
    """The story's author takes someone's comment off their story (waiting or shown)."""
    comment = get_object_or_404(Comment, pk=pk, deleted_at=None)
    story = _readable_story(request, comment.target_id)
    try:
        services.decline_comment(actor=request.user, comment=comment)
    except PermissionDenied:
        raise Http404(_("There is no comment of yours to remove here.")) from None
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_story_url(story, f"comment-{comment.pk}"))
    messages.success(request, _("The comment is off your story. Its writer still sees it, marked as removed by you."))
    if request.POST.get("from") == "approvals":
        return redirect("community:comment_approvals")
    return redirect(_story_url(story, "comments"))


@login_required
def approvals(request):
    """Comments on the viewer's stories waiting for their approval, oldest first."""
    return render(
        request, "community/stories/approvals.html", {"pending": selectors.pending_comments(owner=request.user)}
    )


urlpatterns = [
    path("stories/new/", compose, name="story_new"),
    path("stories/drafts/", drafts, name="story_drafts"),
    path("stories/approvals/", approvals, name="comment_approvals"),
    path("stories/<int:pk>/", detail, name="story_detail"),
    path("stories/<int:pk>/edit/", compose, name="story_edit"),
    path("stories/<int:pk>/delete/", delete, name="story_delete"),
    path("stories/<int:pk>/show/", show_anyway, name="story_show_anyway"),
    path("stories/<int:pk>/react/", react, name="story_react"),
    path("stories/<int:pk>/comments/", comment, name="story_comment"),
    path("comments/<int:pk>/edit/", edit_comment, name="comment_edit"),
    path("comments/<int:pk>/delete/", delete_comment, name="comment_delete"),
    path("comments/<int:pk>/approve/", approve_comment, name="comment_approve"),
    path("comments/<int:pk>/decline/", decline_comment, name="comment_decline"),
]
