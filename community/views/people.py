from allauth.account.views import SignupView as AllauthSignupView
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views.decorators.http import require_POST
from django_countries import countries

from moderation.decision import Action
from moderation.models import Visibility

from .. import selectors, services
from ..forms import ProfileForm
from ..selectors.stories import feed_hidden_count
from . import social

AGE_GATE_COOKIE = "hearten_signup_paused"


def home(request):
    """Members: their feed, newest first, which ends ("you're all caught up"); visitors: what Hearten is, and
    featured stories."""
    if not request.user.is_authenticated:
        stories = selectors.feed(viewer=request.user, size=social.FEATURED_STORIES).stories
        context = {
            "featured": selectors.featured_profiles(viewer=request.user),
            "featured_stories": social.story_cards(stories, viewer=request.user),
        }
        return render(request, "home.html", context)
    cursor = request.GET.get("cursor", "")[: social.MAX_CURSOR] or None
    page = selectors.feed(viewer=request.user, cursor=cursor)
    context = {
        "page": page,
        "cards": social.story_cards(page.stories, viewer=request.user),
        "older": bool(cursor),
        "suggested_tags": social.SUGGESTED_TAGS,
        "hidden_by_settings": feed_hidden_count(viewer=request.user) if page.caught_up else 0,
    }
    return render(request, "community/feed/home.html", context)


class SignupView(AllauthSignupView):
    """allauth's sign-up behind a neutral age gate: once refused, this browser is not offered the form that day."""

    def dispatch(self, request, *args, **kwargs):
        if request.get_signed_cookie(AGE_GATE_COOKIE, default=None, salt=AGE_GATE_COOKIE, max_age=86_400):
            return self._paused(request)
        return super().dispatch(request, *args, **kwargs)

    def form_invalid(self, form):
        if getattr(form, "age_gate_refused", False):
            response = self._paused(self.request)
            response.set_signed_cookie(
                AGE_GATE_COOKIE, "1", salt=AGE_GATE_COOKIE, max_age=86_400, httponly=True, samesite="Lax"
            )
            return response
        return super().form_invalid(form)

    def _paused(self, request):
        return render(request, "account/signup_paused.html", status=200)


def profile(request, handle):
    person = selectors.profile_for_viewer(viewer=request.user, handle=handle)
    # A block hides each from the other everywhere: to either of them, this profile does not exist.
    if person is None or services.blocked_between(request.user, person):
        raise Http404(_("No profile with that handle."))
    shown = selectors.profile_text_for_viewer(person=person, viewer=request.user)
    cursor = request.GET.get("cursor", "")[: social.MAX_CURSOR] or None
    page = selectors.stories_by(viewer=request.user, author=person, cursor=cursor)
    context = {
        "person": person,
        "shown": shown,
        "is_self": shown["is_self"],
        "page": page,
        "cards": social.story_cards(page.stories, viewer=request.user),
        "older": bool(cursor),
        "relation": social.relation_to(request.user, person),
    }
    return render(request, "community/profile.html", context)


def _browser_country(request) -> str:
    """The region of the browser's preferred language (en-GB → GB): a suggestion, never saved on its own."""
    for language, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        region = language.partition("-")[2]
        if len(region) == 2 and region.upper() in countries:
            return region.upper()
    return ""


@login_required
def edit_profile(request):
    initial = {} if request.user.country else {"country": _browser_country(request)}
    form = ProfileForm(request.POST or None, request.FILES or None, instance=request.user, initial=initial)
    reconsider, nudges = False, {}
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in services.PROFILE_FIELDS}
        try:
            update = services.update_profile(
                actor=request.user,
                user=request.user,
                data=data,
                avatar=form.cleaned_data.get("avatar"),
                remove_avatar=form.cleaned_data.get("remove_avatar", False),
                confirmed=request.POST.get("confirm") == "1",
            )
        except services.NeedsConfirmation as error:
            reconsider, nudges = True, getattr(error, "nudges", {})
            add_form_errors(form, error)
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            return _after_profile_saved(request, update.decision)
    if request.method == "POST":
        request.user.refresh_from_db()
    held = request.user.visibility != Visibility.PUBLISHED
    crisis = held and any(label.get("name") == "crisis" for label in request.user.screening_labels or [])
    context = {
        "form": form,
        "reconsider": reconsider,
        "nudges": nudges,  # the words to mark, by field, as screening decided for this writer
        "held": held,
        "crisis": crisis,
    }
    return render(request, "community/settings.html", context, status=400 if form.errors else 200)


def add_form_errors(form, error: ValidationError) -> None:
    """Put each problem next to its field (the text stays in the form to fix); others above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, problems in error.error_dict.items():
        form.add_error(name if name in form.fields else None, problems)


def _after_profile_saved(request, decision):
    if decision.crisis:
        # The writing is kept and waits for a moderator; the writer sees help first, privately.
        return redirect(f"{reverse('resources:crisis_response')}?{urlencode({'next': reverse('community:settings')})}")
    if decision.action == Action.HOLD:
        messages.info(
            request,
            _("Your profile is saved. %(why)s Until then, others see only your handle.") % {"why": decision.message},
        )
    else:
        messages.success(request, _("Your profile is saved."))
    return redirect("community:settings")


@login_required
def api_tokens(request):
    new_token = None
    error = None
    if request.method == "POST":
        try:
            token, raw = services.create_api_token(actor=request.user, name=request.POST.get("name", ""))
        except ValidationError as exc:
            error = exc.message_dict.get("name", exc.messages)[0]
        else:
            new_token = {"token": token, "raw": raw}
    return render(
        request,
        "community/tokens.html",
        {
            "tokens": selectors.active_api_tokens(user=request.user),
            "new_token": new_token,
            "error": error,
            "name": request.POST.get("name", "") if error else "",
        },
        status=400 if error else 200,
    )


@login_required
@require_POST
def revoke_api_token(request, token_id):
    try:
        token = services.revoke_api_token(actor=request.user, token_id=token_id)
    except PermissionDenied:
        raise Http404(_("No such token.")) from None
    messages.success(request, _("The token “%(name)s” is revoked and no longer works.") % {"name": token.name})
    return redirect("community:api_tokens")
