"""Pages for support circles: the list, starting one, a circle (what it is for, its guidelines, joining, its
posts), a post with its comments, the hosts' pages (requests, members, chat times), and the support chat room.

Every page works without JavaScript: the chat room is a form and a "refresh" link; static/js/chat.js makes it
live (it polls the API every two seconds, and stops posting when the session ends). Each page parses a form,
calls one service and redirects; what screening decided is shown as on stories (a crisis: help first).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from moderation.models import Visibility
from moderation.services import reads_as_crisis
from resources.selectors import help as help_selectors
from resources.views.help import viewer_zone

from .. import selectors
from ..calendar import circle_calendar
from ..forms import CommentForm
from ..ids import id_or_none
from ..models import (
    MAX_CHAT_MESSAGE,
    MAX_CIRCLE_POST,
    TIME_ZONE_CHOICES,
    Circle,
    CircleMembership,
)
from ..selectors import circles as circle_selectors
from ..services import NeedsConfirmation, add_comment, can_post, delete_comment
from ..services import circles as circle_services
from .common import crisis_redirect
from .people import add_form_errors

Status = CircleMembership.Status

WEEKDAY_CHOICES = circle_selectors.WEEKDAY_CHOICES
describe_schedule = circle_selectors.describe_schedule


# Forms: the shape only; the services decide.


def _not_longer_than(limit: int):
    """A form's check of a text's length with the services' words: the limit and how long this one is."""

    def check(value):
        if value and len(value) > limit:
            raise ValidationError(
                _("Use at most %(limit)d characters; this is %(length)d.") % {"limit": limit, "length": len(value)},
                code="max_length",
            )

    return check


class CircleForm(forms.Form):
    title = forms.CharField(
        label=gettext_lazy("Name"),
        validators=[_not_longer_than(Circle._meta.get_field("title").max_length)],
        error_messages={"required": gettext_lazy("Give the circle a name.")},
    )
    description = forms.CharField(
        label=gettext_lazy("What the circle is for"),
        error_messages={"required": gettext_lazy("Say what the circle is for.")},
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Who it is for and what you talk about. Everyone who may join can read this."),
    )
    guidelines = forms.CharField(
        label=gettext_lazy("Guidelines"),
        error_messages={"required": gettext_lazy("Write the guidelines every member agrees to.")},
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy("What every member agrees to when they join, e.g. “What is said here stays here.”"),
    )
    join_policy = forms.ChoiceField(
        label=gettext_lazy("Who can join"),
        choices=Circle.JoinPolicy.choices,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Choose who can join.")},
    )
    age_group = forms.ChoiceField(
        label=gettext_lazy("Age group"),
        choices=Circle.AgeGroup.choices,
        error_messages={"required": gettext_lazy("Choose who the circle is for.")},
    )
    time_zone = forms.ChoiceField(
        label=gettext_lazy("Time zone of the weekly chat"), choices=TIME_ZONE_CHOICES[1:], required=False
    )
    chat_weekday = forms.TypedChoiceField(
        label=gettext_lazy("Weekly support chat on"),
        choices=[("", gettext_lazy("No weekly chat for now")), *WEEKDAY_CHOICES],
        coerce=int,
        empty_value=None,
        required=False,
    )
    chat_time = forms.TimeField(
        label=gettext_lazy("At"), required=False, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    chat_minutes = forms.IntegerField(label=gettext_lazy("For (minutes)"), min_value=15, max_value=240, initial=60)

    def __init__(self, *args, actor=None, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        if actor is not None:
            # Only the groups this person may start a circle for; the service checks the same rule.
            allowed = circle_services.age_groups_for(actor)
            self.fields["age_group"].choices = [(v, label) for v, label in Circle.AgeGroup.choices if v in allowed]
            self.fields["age_group"].help_text = _age_group_help(allowed)

    def clean(self):
        data = super().clean()
        if data.get("chat_weekday") is not None and data.get("chat_time") is None:
            self.add_error("chat_time", _("Give the time the chat starts, such as 19:00."))
        return data


def _age_group_help(allowed: list[str]) -> str:
    """Why the age groups offered are the ones offered."""
    if allowed == [Circle.AgeGroup.TEENS]:
        return _("Members under 18 start circles for teens.")
    if allowed == [Circle.AgeGroup.ADULTS]:
        return _(
            "Your circle is for adults (18 and over). Circles for everyone, where teens and adults meet, are "
            "started by Hearten staff, verified experts and members of verified organisations."
        )
    return _("You may also start a circle for everyone: teens and adults together, and a host approves each person.")


class ScheduleForm(forms.Form):
    weekday = forms.TypedChoiceField(label=gettext_lazy("Every"), choices=WEEKDAY_CHOICES, coerce=int)
    start = forms.TimeField(label=gettext_lazy("At"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    duration_minutes = forms.IntegerField(label=gettext_lazy("For (minutes)"), min_value=15, max_value=240)
    active = forms.BooleanField(label=gettext_lazy("The chat takes place"), required=False, initial=True)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class JoinForm(forms.Form):
    accept_guidelines = forms.BooleanField(
        label=gettext_lazy("I have read the guidelines and agree to them"), required=False
    )
    note = forms.CharField(
        label=gettext_lazy("A note to the hosts (optional)"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class PostForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Write to the circle"),
        strip=False,
        validators=[_not_longer_than(MAX_CIRCLE_POST)],  # the service's words, whatever the length
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": gettext_lazy("Write your post first.")},
    )


class ChatForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Your message"),
        strip=False,
        validators=[_not_longer_than(MAX_CHAT_MESSAGE)],
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": MAX_CHAT_MESSAGE}),
        error_messages={"required": gettext_lazy("Write a message first.")},
    )


# Shared reads


def _circle_or_404(request, slug) -> Circle:
    circle = circle_selectors.circle_for(viewer=request.user, slug=slug)
    if circle is None:
        raise Http404(_("There is no circle here, or it isn't open to you."))
    return circle


def _managed_circle(request, slug) -> Circle:
    circle = _circle_or_404(request, slug)
    if not circle_selectors.can_manage(request.user, circle):
        raise PermissionDenied(_("Only the circle's hosts can do this."))
    return circle


def _circle_url(circle, anchor: str = "") -> str:
    return reverse("community:circle_detail", args=[circle.slug]) + (f"#{anchor}" if anchor else "")


def _post_url(post, anchor: str = "") -> str:
    return reverse("community:circle_post", args=[post.circle.slug, post.pk]) + (f"#{anchor}" if anchor else "")


def _errors_of(error) -> str:
    return " ".join(getattr(error, "messages", None) or [str(error)])


def _schedule_texts(circle, state) -> list[str]:
    return circle_selectors.schedule_texts(circle, at=state.at)


def _circle_context(request, circle, **extra) -> dict:
    viewer = request.user
    membership = circle_selectors.membership_of(viewer, circle)
    takes_part = circle_selectors.takes_part(viewer, circle, membership)
    can_read = takes_part or circle_selectors.is_staff_moderator(viewer)
    can_manage = circle_selectors.can_manage(viewer, circle, membership)
    state = circle_selectors.chat_state(circle)
    page = None
    if can_read:
        before = id_or_none(request.GET.get("before"))
        page = circle_selectors.posts_page(viewer=viewer, circle=circle, before=before)
        circle_selectors.mark_minor_authors(viewer=viewer, circle=circle, items=[*page.pinned, *page.posts])
    context = {
        "circle": circle,
        "membership": membership,
        "takes_part": takes_part,
        "can_read": can_read,
        "can_manage": can_manage,
        "age_fits": circle_selectors.age_fits(viewer, circle) or circle_selectors.is_staff_moderator(viewer),
        "hosts": circle_selectors.hosts_shown_to(viewer=viewer, circle=circle),
        "joins_by_request": circle_selectors.joins_by_request(circle),
        "page": page,
        "chat": state,
        "schedules": _schedule_texts(circle, state),
        "request_count": circle_selectors.requests_for(circle).count() if can_manage else 0,
        "join_form": JoinForm(),
        "post_form": None,
        "reconsider": False,
        "crisis_help": False,
        "is_creator": viewer.is_authenticated and circle.created_by_id == viewer.pk,
    }
    context.update(extra)
    return context


ALREADY_DECIDED = frozenset({"already_member", "already_requested", "declined", "removed"})


def _codes(error: ValidationError) -> set[str]:
    items = [item for group in getattr(error, "error_dict", {}).values() for item in group]
    return {item.code for item in items or getattr(error, "error_list", []) if item.code}


# The list, and starting a circle


def circle_list(request):
    circles = circle_selectors.circles_for(viewer=request.user)
    now = timezone.now()
    rows = [{"circle": circle, "chat": circle_selectors.chat_state(circle, at=now)} for circle in circles]
    return render(request, "community/circles/list.html", {"rows": rows})


@login_required
def circle_new(request):
    if not can_post(request.user):
        raise PermissionDenied(_("You can't start a circle right now."))
    initial = {
        "join_policy": Circle.JoinPolicy.REQUEST,
        "age_group": circle_services.default_age_group(request.user),
        "time_zone": request.user.time_zone or timezone.get_current_timezone_name() or "UTC",
        "chat_minutes": 60,
    }
    form = CircleForm(request.POST if request.method == "POST" else None, initial=initial, actor=request.user)
    reconsider = False
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in circle_services.CIRCLE_FIELDS}
        chat = None
        if form.cleaned_data.get("chat_weekday") is not None:
            chat = {
                "weekday": form.cleaned_data["chat_weekday"],
                "start": form.cleaned_data["chat_time"],
                "duration_minutes": form.cleaned_data.get("chat_minutes") or 60,
            }
        try:
            written = circle_services.create_circle(
                actor=request.user, data=data, chat=chat, confirmed=request.POST.get("confirm") == "1"
            )
        except NeedsConfirmation as error:
            reconsider = True
            add_form_errors(form, error)
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            circle = written.obj
            if written.decision.crisis:
                return crisis_redirect(_circle_url(circle))
            if circle.visibility != Visibility.PUBLISHED:
                messages.info(
                    request,
                    _("Your circle is waiting for a moderator. Only you can see it for now.")
                    + " "
                    + (circle.held_reason or ""),
                )
            else:
                messages.success(request, _("Your circle is open. You are its host."))
            return redirect(_circle_url(circle))
    return render(
        request,
        "community/circles/new.html",
        {"form": form, "reconsider": reconsider},
        status=400 if form.errors else 200,
    )


# A circle


def circle_detail(request, slug):
    circle = _circle_or_404(request, slug)
    return render(request, "community/circles/detail.html", _circle_context(request, circle))


@login_required
@require_POST
def circle_join(request, slug):
    circle = _circle_or_404(request, slug)
    form = JoinForm(request.POST)
    status = 400
    if form.is_valid():
        try:
            membership = circle_services.join_circle(
                actor=request.user,
                circle=circle,
                accept_guidelines=form.cleaned_data["accept_guidelines"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            if _codes(error) & ALREADY_DECIDED:
                # The join box says where they stand ("You're a member of this circle"): once is enough.
                return redirect(_circle_url(circle, "join"))
            add_form_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
            status = 403
        else:
            if membership.status == Status.ACTIVE:
                messages.success(request, _("Welcome to the circle."))
            else:
                messages.success(request, _("Your request is with the hosts. You'll be told when they decide."))
            return redirect(_circle_url(circle))
    circle = _circle_or_404(request, slug)
    return render(
        request, "community/circles/detail.html", _circle_context(request, circle, join_form=form), status=status
    )


@login_required
def circle_leave(request, slug):
    circle = _circle_or_404(request, slug)
    membership = circle_selectors.membership_of(request.user, circle)
    if membership is None or membership.status not in (Status.ACTIVE, Status.REQUESTED):
        return redirect(_circle_url(circle))
    if request.method == "POST":
        try:
            circle_services.leave_circle(actor=request.user, circle=circle)
        except ValidationError as error:
            messages.error(request, _errors_of(error))
            return redirect(reverse("community:circle_members", args=[circle.slug]))
        if membership.status == Status.ACTIVE:
            messages.success(request, _("You left the circle."))
        else:
            messages.success(request, _("Your request to join is withdrawn."))
        return redirect(_circle_url(circle))
    return render(request, "community/circles/leave.html", {"circle": circle, "membership": membership})


# Hosts: requests, members, chat times


@login_required
def circle_requests(request, slug):
    circle = _managed_circle(request, slug)
    return render(
        request,
        "community/circles/requests.html",
        {"circle": circle, "requests": circle_selectors.requests_for(circle)},
    )


@login_required
@require_POST
def circle_decide(request, slug, pk, decision):
    if decision not in ("approve", "decline"):
        raise Http404()
    circle = _managed_circle(request, slug)
    membership = circle_selectors.membership_in(circle, pk)
    if membership is None:
        raise Http404(_("There is no request here."))
    try:
        circle_services.decide_request(actor=request.user, membership=membership, approve=decision == "approve")
    except ValidationError as error:
        messages.error(request, _errors_of(error))
    else:
        if decision == "approve":
            messages.success(request, _("@%(handle)s is now a member.") % {"handle": membership.user.handle})
        else:
            messages.success(request, _("You declined @%(handle)s's request.") % {"handle": membership.user.handle})
    return redirect("community:circle_requests", slug=circle.slug)


def _confirm(request, circle, *, title: str, question: str, detail: str, yes: str, cancel_url: str):
    """The step before a removal, without JavaScript: what will happen, and a button that does it."""
    context = {
        "circle": circle,
        "title": title,
        "question": question,
        "detail": detail,
        "yes": yes,
        "action": request.path,
        "cancel_url": cancel_url,
    }
    return render(request, "community/circles/confirm.html", context)


def _shown_name(row) -> str:
    return row.user.name if row.user is not None else str(row.label)


@login_required
def circle_members(request, slug):
    circle = _circle_or_404(request, slug)
    if not circle_selectors.can_read(request.user, circle):
        raise Http404(_("Only the circle's members see who else is in it."))
    can_manage = circle_selectors.can_manage(request.user, circle)
    is_creator = circle.created_by_id == request.user.pk
    may_remove_hosts = circle_selectors.is_staff_moderator(request.user) or is_creator
    may_appoint = can_manage or (is_creator and circle_selectors.takes_part(request.user, circle))
    for_everyone = circle.age_group == Circle.AgeGroup.EVERYONE
    rows = []
    for row in circle_selectors.members_shown_to(viewer=request.user, circle=circle):
        person = row.user
        others = person is not None and person.pk != request.user.pk
        rows.append(
            {
                "row": row,
                # the same rules appoint_host and remove_member check
                "may_host": others
                and may_appoint
                and row.role != "host"
                and (not for_everyone or circle_selectors.trusted_adult(person)),
                "may_remove": others and can_manage and (may_remove_hosts or row.role != "host"),
                "under_18": can_manage and person is not None and person.is_minor,
            }
        )
    context = {"circle": circle, "members": rows, "can_manage": can_manage}
    return render(request, "community/circles/members.html", context)


@login_required
def circle_member_action(request, slug, pk, what):
    """`remove` (after a confirmation page: it can't be undone) and `host`; both POST."""
    if what not in ("remove", "host"):
        raise Http404()
    circle = _circle_or_404(request, slug)
    membership = circle_selectors.membership_in(circle, pk)
    if membership is None:
        raise Http404(_("There is no member here."))
    members_url = reverse("community:circle_members", args=[circle.slug])
    if request.method != "POST":
        if what != "remove" or not circle_selectors.can_manage(request.user, circle):
            return redirect(members_url)
        shown = next(
            (
                row
                for row in circle_selectors.members_shown_to(viewer=request.user, circle=circle)
                if row.membership_id == membership.pk
            ),
            None,
        )
        if shown is None:
            raise Http404(_("There is no member here."))
        return _confirm(
            request,
            circle,
            title=_("Remove a member"),
            question=_("Remove %(name)s from the circle?") % {"name": _shown_name(shown)},
            detail=_("They are told, and they can't join the circle again. This can't be undone."),
            yes=_("Yes, remove them"),
            cancel_url=members_url,
        )
    try:
        if what == "remove":
            circle_services.remove_member(actor=request.user, circle=circle, user=membership.user)
            messages.success(request, _("@%(handle)s is no longer in the circle.") % {"handle": membership.user.handle})
        else:
            circle_services.appoint_host(actor=request.user, circle=circle, user=membership.user)
            messages.success(request, _("@%(handle)s is now a host.") % {"handle": membership.user.handle})
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, _errors_of(error))
    return redirect(members_url)


@login_required
def circle_schedule(request, slug):
    circle = _managed_circle(request, slug)
    current = circle_selectors.current_schedule(circle)
    initial = {"duration_minutes": 60, "active": True}
    if current is not None:
        zone = circle_selectors.circle_zone(circle)
        local = circle_selectors.local_start(current, zone)
        initial = {
            "weekday": local.weekday(),
            "start": local.time(),
            "duration_minutes": current.duration_minutes,
            "active": current.active,
        }
    form = ScheduleForm(request.POST or None, initial=initial)
    live = circle_selectors.chat_state(circle).current
    if request.method == "POST" and form.is_valid():
        try:
            circle_services.save_chat_schedule(
                actor=request.user,
                circle=circle,
                weekday=form.cleaned_data["weekday"],
                start=form.cleaned_data["start"],
                duration_minutes=form.cleaned_data["duration_minutes"],
                active=form.cleaned_data["active"],
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            if live is not None:
                messages.success(
                    request,
                    _("The chat times are saved. They apply from the next session: the one on now ends as planned."),
                )
            else:
                messages.success(request, _("The chat times are saved."))
            return redirect(reverse("community:circle_chat", args=[circle.slug]))
    return render(
        request,
        "community/circles/schedule.html",
        {"circle": circle, "form": form, "zone": circle.time_zone, "live": live},
        status=400 if form.errors else 200,
    )


# Posts and their comments


def _write(form, call):
    """Run a post's or comment's write for its form: (what it wrote, or None with the form's errors set; whether
    screening asks to reconsider; the status to show the form again with)."""
    try:
        return call(), False, 400
    except NeedsConfirmation as error:
        add_form_errors(form, error)
        return None, True, 400
    except ValidationError as error:
        add_form_errors(form, error)
        return None, False, 400
    except PermissionDenied as error:
        form.add_error(None, str(error))
        return None, False, 403


def _after_writing(request, written, *, crisis_url: str, url: str, waiting: str, done: str):
    """A crisis goes to help first; a held post or comment is explained to its writer only."""
    if written.decision.crisis:
        return crisis_redirect(crisis_url)
    if written.obj.visibility != Visibility.PUBLISHED:
        why = written.obj.held_reason or waiting
        messages.info(request, _("%(why)s Only you can see it for now.") % {"why": why})
    else:
        messages.success(request, done)
    return redirect(url)


@login_required
@require_POST
def circle_post_new(request, slug):
    circle = _circle_or_404(request, slug)
    form = PostForm(request.POST)
    reconsider = False
    status = 400
    if form.is_valid():
        written, reconsider, status = _write(
            form,
            lambda: circle_services.write_post(
                actor=request.user,
                circle=circle,
                body=form.cleaned_data["body"],
                confirmed=request.POST.get("confirm") == "1",
            ),
        )
        if written is not None:
            post = written.obj
            return _after_writing(
                request,
                written,
                crisis_url=_post_url(post),
                url=_circle_url(circle, f"post-{post.pk}"),
                waiting=_("Your post is waiting for a moderator."),
                done=_("Your post is in the circle."),
            )
    context = _circle_context(
        request,
        circle,
        post_form=form,
        reconsider=reconsider,
        crisis_help=reads_as_crisis(request.POST.get("body", "")),
    )
    return render(request, "community/circles/detail.html", context, status=status)


def _readable_post(request, slug, pk):
    circle = _circle_or_404(request, slug)
    post = circle_selectors.post_for(viewer=request.user, circle=circle, pk=pk)
    if post is None:
        raise Http404(_("There is no post here, or you can't read it."))
    return circle, post


def _post_page(request, circle, post, *, comment_form=None, reply_to=None, reconsider=False, status=200):
    viewer = request.user
    can_manage = circle_selectors.can_manage(viewer, circle)
    comments = selectors.comments_for(viewer=viewer, target=post)
    circle_selectors.mark_minor_authors(viewer=viewer, circle=circle, items=[post, *comments])
    context = {
        "circle": circle,
        "post": post,
        "comments": comments,
        "removed_comments": circle_selectors.removed_comments(viewer=viewer, post=post),
        "can_manage": can_manage,
        "takes_part": circle_selectors.takes_part(viewer, circle),
        "can_comment": circle_selectors.post_readable_by(viewer=viewer, post=post),
        "comment_form": comment_form,
        "reply_to": reply_to,
        "reconsider": reconsider,
        "crisis_help": comment_form is not None and reads_as_crisis(request.POST.get("body", "")),
        "post_crisis": post.author_id == viewer.pk and circle_selectors.reads_as_crisis(post),
    }
    return render(request, "community/circles/post.html", context, status=status)


@login_required
def circle_post(request, slug, pk):
    circle, post = _readable_post(request, slug, pk)
    return _post_page(request, circle, post)


@login_required
@require_POST
def circle_post_comment(request, slug, pk):
    circle, post = _readable_post(request, slug, pk)
    form = CommentForm(request.POST)
    reconsider = False
    status = 400
    reply_to = id_or_none(request.POST.get("parent"))
    if form.is_valid():
        parent = None
        if form.cleaned_data["parent"]:
            parent = circle_selectors.reply_parent(form.cleaned_data["parent"])
        written, reconsider, status = _write(
            form,
            lambda: add_comment(
                actor=request.user,
                target=post,
                body=form.cleaned_data["body"],
                parent=parent,
                confirmed=request.POST.get("confirm") == "1",
            ),
        )
        if written is not None:
            url = _post_url(post, f"comment-{written.obj.pk}")
            return _after_writing(
                request,
                written,
                crisis_url=url,
                url=url,
                waiting=_("Your comment is waiting for a moderator."),
                done=_("Your comment is posted."),
            )
    return _post_page(request, circle, post, comment_form=form, reply_to=reply_to, reconsider=reconsider, status=status)


@login_required
def circle_post_action(request, slug, pk, what):
    """pin, unpin, remove and restore (hosts), delete (the writer); all POST. Opened (GET), `remove` asks first."""
    if what not in ("pin", "unpin", "remove", "restore", "delete"):
        raise Http404()
    circle, post = _readable_post(request, slug, pk)
    if request.method != "POST":
        if what != "remove" or not circle_selectors.can_manage(request.user, circle):
            return redirect(_post_url(post))
        return _confirm(
            request,
            circle,
            title=_("Remove a post"),
            question=_("Take this post off the circle?"),
            detail=_(
                "Members won't see it any more. Its writer and the hosts still do, marked, and a host can put it back."
            ),
            yes=_("Yes, remove the post"),
            cancel_url=_post_url(post),
        )
    try:
        if what == "pin":
            circle_services.pin_post(actor=request.user, post=post, pinned=True)
            messages.success(request, _("The post is pinned to the top of the circle."))
        elif what == "unpin":
            circle_services.pin_post(actor=request.user, post=post, pinned=False)
            messages.success(request, _("The post is no longer pinned."))
        elif what == "remove":
            circle_services.remove_post(actor=request.user, post=post)
            messages.success(
                request,
                _("The post is off the circle. Its writer and the hosts still see it, marked: you can undo."),
            )
            return redirect(_post_url(post))
        elif what == "restore":
            circle_services.restore_post(actor=request.user, post=post)
            messages.success(request, _("The post is back in the circle."))
            return redirect(_post_url(post))
        else:
            circle_services.delete_post(actor=request.user, post=post)
            messages.success(request, _("Your post is deleted."))
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, _errors_of(error))
        return redirect(_post_url(post))
    return redirect(_circle_url(circle, "posts"))


@login_required
def circle_comment_remove(request, slug, pk):
    """A host takes a comment off a circle post (POST); opened (GET), it asks first."""
    circle = _circle_or_404(request, slug)
    found = circle_selectors.comment_in(circle, pk)
    if found is None:
        raise Http404(_("There is no comment here."))
    comment, post = found
    if request.method != "POST":
        if not circle_selectors.can_manage(request.user, circle):
            return _back_to(request, circle, post)
        return _confirm(
            request,
            circle,
            title=_("Remove a comment"),
            question=_("Take this comment off the post?"),
            detail=_("Members won't see it any more. Its writer still does, marked, and a host can put it back."),
            yes=_("Yes, remove the comment"),
            cancel_url=_post_url(post, f"comment-{comment.pk}"),
        )
    try:
        circle_services.remove_comment(actor=request.user, comment=comment)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, _errors_of(error))
    else:
        messages.success(
            request, _("The comment is off the post. Its writer and the hosts still see it: you can undo.")
        )
    return _back_to(request, circle, post)


@login_required
@require_POST
def circle_comment_restore(request, slug, pk):
    """A host puts a removed comment back under its post."""
    circle = _circle_or_404(request, slug)
    found = circle_selectors.comment_in(circle, pk)
    if found is None:
        raise Http404(_("There is no comment here."))
    comment, post = found
    try:
        circle_services.restore_comment(actor=request.user, comment=comment)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, _errors_of(error))
    else:
        messages.success(request, _("The comment is back under the post."))
    return _back_to(request, circle, post)


def _back_to(request, circle, post):
    """After a comment goes: its post, while the viewer may still open it; else the circle's posts."""
    if circle_selectors.post_for(viewer=request.user, circle=circle, pk=post.pk) is None:
        return redirect(_circle_url(circle, "posts"))
    return redirect(_post_url(post, "comments"))


@login_required
@require_POST
def circle_comment_delete(request, slug, pk):
    """The writer deletes their comment on a circle post."""
    circle = _circle_or_404(request, slug)
    found = circle_selectors.comment_in(circle, pk, author=request.user)
    if found is None:
        raise Http404(_("There is no comment of yours here."))
    comment, post = found
    delete_comment(actor=request.user, comment=comment)
    messages.success(request, _("Your comment is deleted."))
    return _back_to(request, circle, post)


# The support chat


def _chat_context(request, circle, *, form=None, error=None) -> dict:
    viewer = request.user
    state = circle_selectors.chat_state(circle)
    can_read = circle_selectors.can_read(viewer, circle)
    rows = circle_selectors.chat_messages(viewer=viewer, circle=circle, session=state.current) if can_read else []
    circle_selectors.mark_minor_authors(viewer=viewer, circle=circle, items=rows)
    crisis = any(row.author_id == viewer.pk and circle_selectors.reads_as_crisis(row) for row in rows)
    return {
        "circle": circle,
        "chat": state,
        "can_read": can_read,
        "takes_part": circle_selectors.takes_part(viewer, circle),
        "can_manage": circle_selectors.can_manage(viewer, circle),
        "chat_messages": [
            {"message": row, "mine": row.author_id == viewer.pk, "crisis": circle_selectors.reads_as_crisis(row)}
            for row in rows
        ],
        "last_id": rows[-1].pk if rows else 0,
        "form": form or ChatForm(),
        "error": error,
        "schedules": _schedule_texts(circle, state),
        "upcoming": circle_selectors.upcoming_sessions(circle, count=3),
        "max_message": MAX_CHAT_MESSAGE,
        # A message of theirs read as a crisis: the helplines open now, right there in the room.
        "crisis_panel": _crisis_panel(request) if crisis else None,
    }


def _crisis_panel(request):
    choice = help_selectors.resolve_country(
        user=request.user, accept_language=request.headers.get("Accept-Language", "")[:500]
    )
    return help_selectors.crisis_panel(country=choice.code, viewer_zone=viewer_zone(request))


def circle_chat(request, slug):
    circle = _circle_or_404(request, slug)
    status = 200
    form = None
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{reverse('account_login')}?{urlencode({'next': request.path})}")
        form = ChatForm(request.POST)
        status = 400
        if form.is_valid():
            try:
                written = circle_services.send_chat_message(
                    actor=request.user,
                    circle=circle,
                    body=form.cleaned_data["body"],
                    confirmed=request.POST.get("confirm") == "1",
                )
            except circle_services.ChatClosed as error:
                form.add_error(None, _errors_of(error))
                status = 409
            except NeedsConfirmation as error:
                add_form_errors(form, error)
                form.reconsider = True
            except ValidationError as error:
                add_form_errors(form, error)
            except PermissionDenied as error:
                form.add_error(None, str(error))
                status = 403
            else:
                message = written.obj
                if message.visibility != Visibility.PUBLISHED and not written.decision.crisis:
                    messages.info(request, _("Your message is waiting for a moderator. Only you can see it for now."))
                return redirect(reverse("community:circle_chat", args=[circle.slug]) + f"#message-{message.pk}")
    context = _chat_context(request, circle, form=form)
    return render(request, "community/circles/chat.html", context, status=status)


@login_required
def circle_chat_remove(request, slug, pk):
    """A host takes a message out of the chat (POST); opened (GET, the no-JavaScript room), it asks first."""
    circle = _circle_or_404(request, slug)
    message = circle_selectors.chat_message_in(circle, pk)
    if message is None:
        raise Http404(_("There is no message here."))
    chat_url = reverse("community:circle_chat", args=[circle.slug])
    if request.method != "POST":
        if not circle_selectors.can_manage(request.user, circle):
            return redirect(chat_url)
        return _confirm(
            request,
            circle,
            title=_("Remove a message"),
            question=_("Remove this message for everyone?"),
            detail=_("Members won't see it any more. Its writer still does, marked, and a host can put it back."),
            yes=_("Yes, remove it for everyone"),
            cancel_url=f"{chat_url}#message-{message.pk}",
        )
    try:
        circle_services.remove_chat_message(actor=request.user, message=message)
    except PermissionDenied as error:
        messages.error(request, _errors_of(error))
    else:
        messages.success(request, _("The message is out of the chat. You can undo it from the chat."))
    return redirect(f"{chat_url}#message-{message.pk}")


@login_required
@require_POST
def circle_chat_restore(request, slug, pk):
    """A host puts a removed message back in the chat."""
    circle = _circle_or_404(request, slug)
    message = circle_selectors.chat_message_in(circle, pk)
    if message is None:
        raise Http404(_("There is no message here."))
    try:
        circle_services.restore_chat_message(actor=request.user, message=message)
    except PermissionDenied as error:
        messages.error(request, _errors_of(error))
    else:
        messages.success(request, _("The message is back in the chat."))
    return redirect(reverse("community:circle_chat", args=[circle.slug]) + f"#message-{message.pk}")


def circle_chat_ics(request, slug):
    """The chat's times for a calendar app: the weekly recurrence in the circle's zone."""
    circle = _circle_or_404(request, slug)
    url = request.build_absolute_uri(reverse("community:circle_chat", args=[circle.slug]))
    body = circle_calendar(circle, now=timezone.now(), url=url, domain=request.get_host().split(":")[0] or "hearten")
    if body is None:
        raise Http404(_("This circle has no chat times yet."))
    response = HttpResponse(body.encode("utf-8"), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{circle.slug}-chat.ics"'
    return response


urlpatterns = [
    path("circles/", circle_list, name="circle_list"),
    path("circles/new/", circle_new, name="circle_new"),
    path("circles/<slug:slug>/", circle_detail, name="circle_detail"),
    path("circles/<slug:slug>/join/", circle_join, name="circle_join"),
    path("circles/<slug:slug>/leave/", circle_leave, name="circle_leave"),
    path("circles/<slug:slug>/requests/", circle_requests, name="circle_requests"),
    path("circles/<slug:slug>/requests/<int:pk>/<str:decision>/", circle_decide, name="circle_decide"),
    path("circles/<slug:slug>/members/", circle_members, name="circle_members"),
    path("circles/<slug:slug>/members/<int:pk>/<str:what>/", circle_member_action, name="circle_member_action"),
    path("circles/<slug:slug>/chat/", circle_chat, name="circle_chat"),
    path("circles/<slug:slug>/chat.ics", circle_chat_ics, name="circle_chat_ics"),
    path("circles/<slug:slug>/chat/schedule/", circle_schedule, name="circle_schedule"),
    path("circles/<slug:slug>/chat/<int:pk>/remove/", circle_chat_remove, name="circle_chat_remove"),
    path("circles/<slug:slug>/chat/<int:pk>/restore/", circle_chat_restore, name="circle_chat_restore"),
    path("circles/<slug:slug>/posts/", circle_post_new, name="circle_post_new"),
    path("circles/<slug:slug>/posts/<int:pk>/", circle_post, name="circle_post"),
    path("circles/<slug:slug>/posts/<int:pk>/comments/", circle_post_comment, name="circle_post_comment"),
    path("circles/<slug:slug>/posts/<int:pk>/<str:what>/", circle_post_action, name="circle_post_action"),
    path("circles/<slug:slug>/comments/<int:pk>/remove/", circle_comment_remove, name="circle_comment_remove"),
    path("circles/<slug:slug>/comments/<int:pk>/restore/", circle_comment_restore, name="circle_comment_restore"),
    path("circles/<slug:slug>/comments/<int:pk>/delete/", circle_comment_delete, name="circle_comment_delete"),
]
