"""Pages for direct messages: the inbox (with message requests), writing to someone, a conversation.

Each page calls one service and redirects. A conversation exists only for its two participants: to anyone
else (staff included) its address is "not found". What screening decided is shown as for comments: a crisis
goes to the private help page first, a held message is explained to its sender only, a nudge asks "Would you
like to reconsider?" with a way to send anyway.
"""

from django import forms
from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from moderation.services import reads_as_crisis

from ..ids import id_or_none
from ..models import MAX_MESSAGE
from ..selectors import messages as selectors
from ..services import NeedsConfirmation
from ..services import messages as services
from .common import crisis_redirect
from .people import add_form_errors


class MessageForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Your message"),
        required=False,  # the service says what is missing, as the API does
        strip=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


def _thread_url(conversation, anchor: str = "") -> str:
    return reverse("community:conversation", args=[conversation.pk]) + (f"#{anchor}" if anchor else "")


def _conversation(request, pk):
    conversation = selectors.conversation_for(viewer=request.user, pk=pk)
    if conversation is None:
        raise Http404(_("There is no conversation here."))
    return conversation


def _after_sent(request, sent):
    anchor_url = _thread_url(sent.conversation, f"message-{sent.message.pk}")
    if sent.decision.crisis:
        return crisis_redirect(anchor_url)
    if sent.held:
        why = sent.message.held_reason or _("Your message is waiting for a moderator.")
        flash.info(request, _("%(why)s Only you can see it for now.") % {"why": why})
    elif sent.created and sent.conversation.status == sent.conversation.Status.REQUEST:
        other = selectors.other_person(sent.conversation, request.user.pk)
        flash.success(
            request,
            _("Your message request is sent. @%(handle)s will see it with their requests.") % {"handle": other.handle},
        )
    return redirect(anchor_url)


def _send(request, form, call):
    """Run a sending service with the form's text: the result, or None with the problems on the form (and
    whether screening asked to reconsider)."""
    form.is_valid()  # nothing to refuse in the shape: the service checks the text
    try:
        return call(body=form.cleaned_data.get("body", ""), confirmed=request.POST.get("confirm") == "1"), False
    except NeedsConfirmation as error:
        add_form_errors(form, error)
        return None, True
    except ValidationError as error:
        add_form_errors(form, error)
    except PermissionDenied as error:
        form.add_error(None, str(error))
    return None, False


# The inbox


BOX_TITLES = {
    selectors.INBOX: gettext_lazy("Messages"),
    selectors.REQUESTS: gettext_lazy("Message requests"),
    selectors.IGNORED: gettext_lazy("Ignored requests"),
    selectors.ARCHIVED: gettext_lazy("Archived conversations"),
}


@login_required
def inbox(request):
    box = request.GET.get("box", selectors.INBOX)
    if box not in selectors.BOXES:
        box = selectors.INBOX
    states = selectors.conversations(viewer=request.user, box=box)[: selectors.INBOX_PAGE]
    items = selectors.inbox_items(states, viewer=request.user)
    context = {
        "box": box,
        "title": BOX_TITLES[box],
        "items": items,
        "capped": len(items) >= selectors.INBOX_PAGE,
        "counts": selectors.box_counts(viewer=request.user),
    }
    return render(request, "community/messages/inbox.html", context)


# Writing to someone


@login_required
def new(request, handle):
    """Write to a person: a new conversation (or a message request), or the one they already have."""
    person = selectors.person_to_write_to(handle)
    if person is None:
        raise Http404(_("No profile with that handle."))
    existing = selectors.conversation_between(request.user, person)
    if existing is not None and request.method != "POST":
        return redirect(_thread_url(existing))
    verdict = selectors.may_start(request.user, person)
    form = MessageForm(request.POST or None)
    reconsider = False
    if request.method == "POST":
        sent, reconsider = _send(
            request,
            form,
            lambda **kwargs: services.start_conversation(actor=request.user, recipient=person, **kwargs),
        )
        if sent is not None:
            return _after_sent(request, sent)
    context = {
        "person": person,
        "verdict": verdict,
        "mutual": verdict.status == "accepted",
        "form": form,
        "reconsider": reconsider,
        "crisis_help": bool(form.errors) and reads_as_crisis(request.POST.get("body", "")),
        "max_message": MAX_MESSAGE,
    }
    status = 200
    if form.errors:
        status = 400
    elif not verdict.allowed:
        status = 403
    return render(request, "community/messages/new.html", context, status=status)


# A conversation


def _thread_page(request, conversation, *, form=None, reconsider=False, status=200, crisis_help=False):
    viewer = request.user
    before = id_or_none(request.GET.get("before"))
    # A message the viewer's settings hide stays folded shut in the page: its words come with the click.
    page = selectors.thread(viewer=viewer, conversation=conversation, before=before, reveal=True)
    withheld = selectors.withheld_from(viewer, conversation)
    other = None if withheld else selectors.other_person(conversation, viewer.pk)
    verdict = selectors.may_send(viewer, conversation)
    state = selectors.state_for(viewer=viewer, conversation=conversation)
    is_recipient = conversation.recipient_id == viewer.pk
    context = {
        "conversation": conversation,
        "other": other,
        "withheld": withheld,
        # Whoever blocked whom, either may block the other from here (the one withheld, without a name): a
        # block stays theirs to lift, whatever the other person does with theirs.
        "blocked_them": selectors.has_blocked(viewer, conversation),
        "someone_to_block": bool(conversation.other_id(viewer.pk)),
        "page": page,
        "older_url": f"?before={page.messages[0].message.pk}" if page.has_older and page.messages else "",
        "verdict": verdict,
        "form": form if form is not None else (MessageForm() if verdict.allowed else None),
        "reconsider": reconsider,
        "crisis_help": crisis_help,
        "request_received": is_recipient and conversation.status != conversation.Status.ACCEPTED,
        "can_accept": selectors.may_accept(viewer, conversation),
        "can_ignore": is_recipient and conversation.status == conversation.Status.REQUEST,
        "archived": state is not None and state.archived_at is not None,
        "max_message": MAX_MESSAGE,
    }
    return render(request, "community/messages/thread.html", context, status=status)


@login_required
def conversation(request, pk):
    """GET: the conversation (marked read). POST: send a message in it."""
    conversation = _conversation(request, pk)
    if request.method == "POST":
        form = MessageForm(request.POST)
        sent, reconsider = _send(
            request,
            form,
            lambda **kwargs: services.send_message(actor=request.user, conversation=conversation, **kwargs),
        )
        if sent is not None:
            return _after_sent(request, sent)
        return _thread_page(
            request,
            conversation,
            form=form,
            reconsider=reconsider,
            status=400,
            crisis_help=reads_as_crisis(request.POST.get("body", "")),
        )
    response = _thread_page(request, conversation)
    services.mark_read(actor=request.user, conversation=conversation)
    return response


def _refused(request, error) -> None:
    flash.error(request, " ".join(getattr(error, "messages", None) or [str(error)]))


@login_required
@require_POST
def accept(request, pk):
    conversation = _conversation(request, pk)
    try:
        services.accept(actor=request.user, conversation=conversation)
    except (ValidationError, PermissionDenied) as error:
        _refused(request, error)
    else:
        flash.success(request, _("Request accepted: you can write to each other now."))
    return redirect(_thread_url(conversation))


@login_required
@require_POST
def ignore(request, pk):
    conversation = _conversation(request, pk)
    try:
        services.ignore(actor=request.user, conversation=conversation)
    except (ValidationError, PermissionDenied) as error:
        _refused(request, error)
        return redirect(_thread_url(conversation))
    flash.success(request, _("Request ignored. They won't be told. You can still find it under “Ignored requests”."))
    return redirect(reverse("community:conversations") + "?box=requests")


@login_required
@require_POST
def archive(request, pk):
    conversation = _conversation(request, pk)
    if request.POST.get("undo") == "1":
        services.unarchive(actor=request.user, conversation=conversation)
        flash.success(request, _("The conversation is back in your messages."))
        return redirect(_thread_url(conversation))
    services.archive(actor=request.user, conversation=conversation)
    flash.success(request, _("Conversation archived. It comes back to your messages if a new message arrives."))
    return redirect("community:conversations")


@login_required
def block(request, pk):
    """GET: what blocking does, and a button; POST: block the other person from here. Either participant may,
    also one the other person blocked: they are then "a member" here too, never named."""
    conversation = _conversation(request, pk)
    other = selectors.other_person(conversation, request.user.pk)
    if other is None:
        raise Http404(_("There is no one to block here."))
    withheld = selectors.withheld_from(request.user, conversation)
    if request.method == "POST":
        try:
            services.block_from_conversation(actor=request.user, conversation=conversation)
        except (ValidationError, PermissionDenied) as error:
            _refused(request, error)
            return redirect(_thread_url(conversation))
        if withheld:
            flash.success(request, _("You blocked this member. They won't be told."))
        else:
            flash.success(request, _("You blocked @%(handle)s. They won't be told.") % {"handle": other.handle})
        return redirect("community:conversations")
    shown = None if withheld else other
    return render(request, "community/messages/block.html", {"conversation": conversation, "other": shown})


@login_required
def delete_message(request, pk, message_pk):
    """GET: ask first; POST: delete one's own message (it stays as "Message deleted")."""
    conversation = _conversation(request, pk)
    message = selectors.own_message(viewer=request.user, conversation=conversation, pk=message_pk)
    if message is None or message.deleted_at is not None:
        raise Http404(_("There is no message of yours here."))
    if request.method == "POST":
        services.delete_message(actor=request.user, message=message)
        if message.body:  # held or hidden: its words wait for the moderator's decision
            flash.success(
                request,
                _("Your message is deleted. Moderators keep its words until they have decided about it."),
            )
        else:
            flash.success(request, _("Your message is deleted."))
        return redirect(_thread_url(conversation, f"message-{message.pk}"))
    return render(request, "community/messages/delete.html", {"conversation": conversation, "message": message})


urlpatterns = [
    path("messages/", inbox, name="conversations"),
    path("messages/new/<str:handle>/", new, name="message_new"),
    path("messages/<int:pk>/", conversation, name="conversation"),
    path("messages/<int:pk>/accept/", accept, name="conversation_accept"),
    path("messages/<int:pk>/ignore/", ignore, name="conversation_ignore"),
    path("messages/<int:pk>/archive/", archive, name="conversation_archive"),
    path("messages/<int:pk>/block/", block, name="conversation_block"),
    path("messages/<int:pk>/messages/<int:message_pk>/delete/", delete_message, name="message_delete"),
]
