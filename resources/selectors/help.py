"""Reads about getting help: which country to show, its emergency number, and its helplines, open ones first.

Any app may show help through here (the Get help page, a crisis panel after a post or a search, a campaign's
help panel). Every list costs the same few queries whatever its length: channels, their hours, audiences and
languages are prefetched, and "open now" is worked out in Python from the prefetched schedule.
"""

import re
import zoneinfo
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from urllib.parse import quote

import phonenumbers
from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.utils.translation.trans_real import parse_accept_lang_header
from django_countries import countries

from .. import schedule
from ..models import Audience, Channel, EmergencyNumber, Helpline, Topic
from ..permissions import can_publish_for
from .topics import TopicTree

# The groups people look for first, in this order: someone to talk to, to text, to chat with, to write to.
CHANNEL_GROUPS = (
    ("call", gettext_lazy("Call now"), (Channel.Kind.PHONE,)),
    ("text", gettext_lazy("Text now"), (Channel.Kind.SMS, Channel.Kind.WHATSAPP)),
    ("chat", gettext_lazy("Chat online now"), (Channel.Kind.WEBCHAT,)),
    ("email", gettext_lazy("Write an email"), (Channel.Kind.EMAIL,)),
)
_GROUP_OF_KIND = {kind: key for key, _title, kinds in CHANNEL_GROUPS for kind in kinds}

DIRECTORY = {
    "name": "Find A Helpline",
    "note": gettext_lazy("Free, confidential helplines in over 130 countries."),
    "source": "https://findahelpline.com/",
}

_KEYWORD = re.compile(r"\b(?:text|send|sms)\s+[\"“‘']?([A-Za-z0-9]{2,20})[\"”’']?\s+to\b", re.IGNORECASE)


# Which country


@dataclass(frozen=True)
class CountryChoice:
    code: str  # "" when unknown: the page shows the country selector
    source: str  # "chosen", "profile", "browser" or ""
    refused: str = ""  # a ?country= value we don't know, to say so


def resolve_country(*, chosen: str = "", user=None, accept_language: str = "") -> CountryChoice:
    """The country to show: chosen on the page, else the member's setting, else the browser's language region."""
    chosen = re.sub(r"[^A-Za-z]", "", chosen or "")[:10].upper()
    refused = ""
    if chosen:
        if chosen in countries:
            return CountryChoice(chosen, "chosen")
        refused = chosen
    if user is not None and user.is_authenticated and getattr(user, "country", None):
        return CountryChoice(user.country.code, "profile", refused)
    for language, _quality in parse_accept_lang_header(accept_language or "")[:10]:
        _lang, _sep, region = language.partition("-")
        region = region.upper()
        if len(region) == 2 and region in countries:
            return CountryChoice(region, "browser", refused)
    return CountryChoice("", "", refused)


def country_name(code: str) -> str:
    return str(countries.name(code)) if code else ""


def covered_countries() -> list[tuple[str, str]]:
    """(code, name) of every country with a published helpline, by name: the countries to offer first."""
    published = Helpline.objects.published().order_by()
    codes = set(published.values_list("country", flat=True).distinct())
    return sorted(((code, country_name(code)) for code in codes), key=lambda pair: pair[1])


# One channel, one helpline, as people need to see them


@dataclass
class ChannelView:
    channel: Channel
    group: str
    contact: str  # the contact as people read it: "116 123", "0800 1111", "jo@samaritans.org"
    href: str  # tel:, sms:, https:, mailto:
    action: str  # the button: "Call 116 123", "Text SHOUT to 85258", "Chat online"
    caption: str  # the label when the button doesn't already say it
    status: schedule.ChannelStatus
    hours: list[tuple[str, str]]
    shown_in: zoneinfo.ZoneInfo  # the zone instants are shown in
    viewer_zone_known: bool
    now: datetime

    @property
    def open_now(self) -> bool:
        return self.status.open_now

    @property
    def kind(self) -> str:
        return self.channel.kind

    def _when(self, instant: datetime | None) -> dict | None:
        if instant is None:
            return None
        local = instant.astimezone(self.shown_in)
        today = self.now.astimezone(self.shown_in).date()
        midnight = local.time() == time(0)
        # Midnight ends a day: "until midnight tonight", not "until midnight tomorrow".
        day_of = local.date() - timedelta(days=1) if midnight else local.date()
        if day_of == today:
            day = _("tonight") if midnight else _("today")
        elif day_of == today + timedelta(days=1):
            day = _("tomorrow night") if midnight else _("tomorrow")
        else:
            day = _("on %(weekday)s") % {"weekday": schedule.day_name(day_of.weekday())}
        return {
            "at": local,
            "day": day,
            "time": schedule.format_time(local.time()),
            "zone": _("your time") if self.viewer_zone_known else _("%(zone)s time") % {"zone": self.shown_in.key},
        }

    @property
    def opens(self) -> dict | None:
        return self._when(self.status.opens_at)

    @property
    def closes(self) -> dict | None:
        return self._when(self.status.closes_at)


@dataclass
class HelplineView:
    helpline: Helpline
    channels: list[ChannelView]
    zone: zoneinfo.ZoneInfo | None
    zone_abbreviation: str = ""

    @property
    def open_channels(self) -> list[ChannelView]:
        return [channel for channel in self.channels if channel.open_now]

    @property
    def closed_channels(self) -> list[ChannelView]:
        return [channel for channel in self.channels if not channel.open_now]

    @property
    def open_now(self) -> bool:
        return any(channel.open_now for channel in self.channels)

    @property
    def country_name(self) -> str:
        return country_name(self.helpline.country.code)


def _short_digits(value: str) -> str:
    return f"{value[:3]} {value[3:]}" if len(value) == 6 else value


def _dialable(value: str, country: str) -> tuple[str, str]:
    """(what people read, what the phone dials) for a stored number: E.164, or a short number's digits."""
    if not value.startswith("+"):
        return _short_digits(value), value
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        return value, value
    home = phonenumbers.region_code_for_number(number) == country
    shown = phonenumbers.format_number(
        number, phonenumbers.PhoneNumberFormat.NATIONAL if home else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    # Free and special-rate numbers often can't be dialled in international form; dial them as people there do.
    dialled = phonenumbers.format_number_for_mobile_dialing(number, country, with_formatting=False) or value
    return shown, dialled


def contact_of(channel: Channel, *, country: str) -> tuple[str, str, str, str]:
    """(contact as read, link, button text, caption) for one channel."""
    kind, value, label = channel.kind, channel.value, channel.label
    if kind == Channel.Kind.PHONE:
        shown, dialled = _dialable(value, country)
        return shown, f"tel:{dialled}", _("Call %(number)s") % {"number": shown}, label
    if kind == Channel.Kind.SMS:
        shown, dialled = _dialable(value, country)
        keyword = _KEYWORD.search(label)
        href = f"sms:{dialled}"
        if keyword:
            href += f"?&body={quote(keyword.group(1))}"
        # A text line's label says how to text it ("Text SHOUT to 85258"), so it is the button.
        return shown, href, label or _("Text %(number)s") % {"number": shown}, ""
    if kind == Channel.Kind.WHATSAPP:
        shown, _dialled = _dialable(value, country)
        return shown, f"https://wa.me/{value.lstrip('+')}", _("WhatsApp %(number)s") % {"number": shown}, label
    if kind == Channel.Kind.WEBCHAT:
        return value, value, label or _("Chat online"), ""
    return value, f"mailto:{value}", _("Email %(address)s") % {"address": value}, label


def _zone(helpline: Helpline) -> zoneinfo.ZoneInfo | None:
    try:
        return schedule.zone_for(helpline.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


def describe_helpline(helpline: Helpline, *, at: datetime, viewer_zone: zoneinfo.ZoneInfo | None = None):
    """A helpline with each channel's contact link, open-now state and weekly hours, all read at the instant `at`."""
    zone = _zone(helpline)
    views = []
    for channel in helpline.channels.all():
        contact, href, action, caption = contact_of(channel, country=helpline.country.code)
        if zone is None:
            state = schedule.ChannelStatus(open_now=channel.always_open, always_open=channel.always_open)
        else:
            state = schedule.status(channel, zone=zone, at=at)
        views.append(
            ChannelView(
                channel=channel,
                group=_GROUP_OF_KIND.get(channel.kind, "email"),
                contact=contact,
                href=href,
                action=action,
                caption=caption,
                status=state,
                hours=schedule.weekly_summary(channel),
                shown_in=viewer_zone or zone or timezone.get_default_timezone(),
                viewer_zone_known=viewer_zone is not None,
                now=at,
            )
        )
    abbreviation = schedule.zone_abbreviation(zone, at) if zone else ""
    return HelplineView(helpline=helpline, channels=views, zone=zone, zone_abbreviation=abbreviation)


# The lists


def _with_everything(helplines: QuerySet, *, vocabularies: bool = True) -> QuerySet:
    helplines = helplines.select_related("organisation").prefetch_related(
        Prefetch("channels", queryset=Channel.objects.order_by("position", "pk").prefetch_related("hours"))
    )
    return helplines.prefetch_related("audiences", "languages", "topics") if vocabularies else helplines


def published_helplines(
    *, country: str = "", topic_ids=None, audience: str = "", vocabularies: bool = True
) -> QuerySet:
    """Published helplines with everything a page or the API shows, prefetched; filters are optional."""
    helplines = Helpline.objects.published()
    if country:
        helplines = helplines.filter(country=country)
    if topic_ids is not None:
        tagged = Helpline.topics.through.objects.filter(topic_id__in=topic_ids)
        helplines = helplines.filter(pk__in=tagged.values("helpline_id"))
    if audience:
        meant_for = Helpline.audiences.through.objects.filter(audience__slug=audience)
        helplines = helplines.filter(pk__in=meant_for.values("helpline_id"))
    return _with_everything(helplines, vocabularies=vocabularies).order_by("country", "position", "name")


def helpline_for_viewer(*, viewer, slug: str) -> Helpline | None:
    """A helpline's own page: what readers may see (`Helpline.objects.published()`) for everyone; drafts,
    archived lines and lines of an organisation not (or no longer) verified only for its publishers and staff.
    None for anyone else, so a view answers 404 and doesn't tell that the line exists.
    """
    readable = Helpline.objects.published().filter(pk=OuterRef("pk"))
    helpline = _with_everything(Helpline.objects.filter(slug=slug)).annotate(readable=Exists(readable)).first()
    if helpline is None:
        return None
    if helpline.readable or can_publish_for(viewer, helpline.organisation):
        return helpline
    if viewer.is_authenticated and viewer.is_staff:
        return helpline
    return None


@dataclass
class OpenNowGroup:
    key: str
    title: str
    entries: list[tuple[HelplineView, ChannelView]]


@dataclass
class HelpPage:
    country: CountryChoice
    country_name: str
    emergency: EmergencyNumber | None
    helplines: list[HelplineView]
    open_now: list[OpenNowGroup]
    closed: list[HelplineView]  # helplines with channels not open now, shown with their hours
    covered_countries: list[tuple[str, str]]
    all_countries: list[tuple[str, str]]
    topics: list[tuple[str, str]]
    audiences: list[tuple[str, str]]
    topic: str = ""
    audience: str = ""
    filtered: bool = False
    directory: dict = field(default_factory=lambda: DIRECTORY)
    now: datetime | None = None
    topic_name: str = ""
    audience_name: str = ""
    # With a topic or audience chosen: how many of the country's other helplines are open now (those the
    # choice leaves out), to say so when none of the chosen ones is open.
    others_open: int = 0

    @property
    def country_covered(self) -> bool:
        return any(code == self.country.code for code, _name in self.covered_countries)

    @property
    def others_open_instead(self) -> int:
        """Other lines open now, worth pointing to: none of the chosen ones is open, but some others are."""
        return self.others_open if self.filtered and not self.open_now else 0


def _open_now_groups(views: list[HelplineView]) -> list[OpenNowGroup]:
    groups = []
    for key, title, _kinds in CHANNEL_GROUPS:
        entries = [(view, channel) for view in views for channel in view.open_channels if channel.group == key]
        if entries:
            groups.append(OpenNowGroup(key=key, title=str(title), entries=entries))
    return groups


def _topic_choices(tree: TopicTree) -> list[tuple[str, str]]:
    return [(topic.slug, "\u2003" * tree.depth(topic) + topic.name) for topic in tree.ordered()]


def help_page(
    *,
    viewer,
    country: CountryChoice,
    topic: str = "",
    audience: str = "",
    at: datetime | None = None,
    viewer_zone: zoneinfo.ZoneInfo | None = None,
) -> HelpPage:
    """Everything the Get help page shows for one country, in a fixed number of queries."""
    at = at or timezone.now()
    tree = TopicTree(Topic.objects.order_by("position", "name"))
    audiences = list(Audience.objects.order_by("position", "name"))
    topic = topic if tree.get(topic) is not None else ""
    audience = audience if any(a.slug == audience for a in audiences) else ""
    views: list[HelplineView] = []
    emergency = None
    others_open = 0
    if country.code:
        emergency = EmergencyNumber.objects.filter(country=country.code).first()
        # Every line in the country, then the chosen topic and audience picked out of the prefetched
        # vocabularies: the same queries with or without a choice, and the lines left out are known, to say
        # how many of them are open now.
        topic_ids = tree.subtree_ids(topic) if topic else None
        every = [
            describe_helpline(helpline, at=at, viewer_zone=viewer_zone)
            for helpline in published_helplines(country=country.code)
        ]
        views = [view for view in every if _matches(view.helpline, topic_ids=topic_ids, audience=audience)]
        chosen = {id(view) for view in views}
        others_open = sum(1 for view in every if view.open_now and id(view) not in chosen)
    return HelpPage(
        country=country,
        country_name=country_name(country.code),
        emergency=emergency,
        helplines=views,
        open_now=_open_now_groups(views),
        closed=[view for view in views if view.closed_channels],
        covered_countries=covered_countries(),
        all_countries=[(c.code, str(c.name)) for c in countries],
        topics=_topic_choices(tree),
        audiences=[(a.slug, a.name) for a in audiences],
        topic=topic,
        audience=audience,
        filtered=bool(topic or audience),
        now=at,
        topic_name=tree.get(topic).name if topic else "",
        audience_name=next((a.name for a in audiences if a.slug == audience), ""),
        others_open=others_open,
    )


def _matches(helpline: Helpline, *, topic_ids: set[int] | None, audience: str) -> bool:
    """The published_helplines filters, read from the prefetched topics and audiences."""
    if topic_ids is not None and not any(topic.pk in topic_ids for topic in helpline.topics.all()):
        return False
    return not audience or any(meant.slug == audience for meant in helpline.audiences.all())


@dataclass
class CrisisPanel:
    country: str
    country_name: str
    emergency: EmergencyNumber | None
    open_now: list[OpenNowGroup]
    closed: list[tuple[HelplineView, ChannelView]] = field(default_factory=list)  # not open now: said so
    directory: dict = field(default_factory=lambda: DIRECTORY)

    @property
    def has_lines(self) -> bool:
        return bool(self.open_now or self.closed)


# Ways to reach someone now; email is too slow for someone in crisis.
_CRISIS_GROUPS = ("call", "text", "chat")


def crisis_panel(*, country: str, at: datetime | None = None, viewer_zone=None) -> CrisisPanel:
    """The short version for other pages (a crisis search, the screen after a worrying post): the emergency
    number, the lines open now in that country by how to reach them, then the ones closed now with when they
    open. Four queries (helplines, channels, hours, emergency number), or none without a country; render with
    resources/partials/crisis_lines.html.
    """
    at = at or timezone.now()
    country = country if country in countries else ""
    if not country:
        return CrisisPanel(country="", country_name="", emergency=None, open_now=[])
    helplines = published_helplines(country=country, vocabularies=False)
    views = [describe_helpline(helpline, at=at, viewer_zone=viewer_zone) for helpline in helplines]
    return CrisisPanel(
        country=country,
        country_name=country_name(country),
        emergency=EmergencyNumber.objects.filter(country=country).first(),
        open_now=[group for group in _open_now_groups(views) if group.key in _CRISIS_GROUPS],
        closed=[
            (view, channel) for view in views for channel in view.closed_channels if channel.group in _CRISIS_GROUPS
        ],
    )


CRISIS_MESSAGE = gettext_lazy(
    "It sounds like things are really hard right now. You don't have to go through this alone: you can talk to "
    "someone now. It's free and confidential, and they want to hear from you."
)


def _line(view: HelplineView, channel: ChannelView) -> dict:
    return {
        "helpline": view.helpline.name,
        "slug": view.helpline.slug,
        "channel": channel.kind,
        "contact": channel.contact,
        "href": channel.href,
        "action": channel.action,
    }


def crisis_help(*, country: str, viewer_zone: zoneinfo.ZoneInfo | None = None, at: datetime | None = None) -> dict:
    """The crisis panel as JSON-ready data, for API clients: what to show someone who may be at risk now.

    Same lines as `crisis_panel` (calls, texts and chats; email is too slow), strings in the active language,
    instants as ISO 8601 in UTC::

        {
          "message": "It sounds like things are really hard right now. ...",
          "help_url": "/help/",                          # the full Get help now page
          "crisis_response_url": "/help/after-posting/", # the page shown to a writer after a crisis post
          "country": "GB",                               # "" when unknown: ask where they are, or use help_url
          "country_name": "United Kingdom",              # "" when unknown
          "emergency": {"number": "999", "note": "..."}, # null when the country or its number is unknown
          "open_now": [                                  # lines open now, calls first, then texts, then chats
            {"helpline": "Samaritans", "slug": "samaritans", "channel": "phone", "contact": "116 123",
             "href": "tel:116123", "action": "Call 116 123", "always_open": true,
             "closes": null}                             # or "2026-01-14T23:00:00+00:00"
          ],
          "closed_now": [                                # the same lines' other channels, closed now
            {... the same keys but always_open and closes ..., "opens": "2026-01-15T19:00:00+00:00" or null}
          ],
          "directory": {"name": "Find A Helpline", "note": "...", "source": "https://findahelpline.com/"}
        }

    Four queries with a country, none without (see crisis_panel).
    """
    panel = crisis_panel(country=country, at=at, viewer_zone=viewer_zone)
    emergency = panel.emergency
    return {
        "message": str(CRISIS_MESSAGE),
        "help_url": reverse("help"),
        "crisis_response_url": reverse("resources:crisis_response"),
        "country": panel.country,
        "country_name": panel.country_name,
        "emergency": {"number": emergency.number, "note": emergency.note} if emergency else None,
        "open_now": [
            {
                **_line(view, channel),
                "always_open": channel.status.always_open,
                "closes": _iso(channel.status.closes_at),
            }
            for group in panel.open_now
            for view, channel in group.entries
        ],
        "closed_now": [
            {**_line(view, channel), "opens": _iso(channel.status.opens_at)} for view, channel in panel.closed
        ],
        "directory": {key: str(value) for key, value in panel.directory.items()},
    }


def _iso(instant: datetime | None) -> str | None:
    return instant.isoformat() if instant else None
