"""A small library for the HSDS tests: what HSDS must carry, and what it must leave out."""

import datetime as dt
from dataclasses import dataclass

from resources.models import (
    Area,
    Channel,
    Helpline,
    Language,
    PublicationStatus,
    Resource,
    Topic,
    VerificationState,
)
from tests.factories import (
    ChannelFactory,
    HelplineFactory,
    OpeningHoursFactory,
    OrganisationFactory,
    ResourceFactory,
)


@dataclass
class Library:
    organisation: object
    other_organisation: object
    helpline: Helpline
    night_line: Helpline
    service: Resource
    helpline_resource: Resource
    hidden: list  # rows HSDS must never show


def build_library() -> Library:
    anxiety, depression = Topic.objects.get(slug="anxiety"), Topic.objects.get(slug="depression")
    english, welsh = Language.objects.get(code="en"), Language.objects.get(code="cy")
    organisation = OrganisationFactory(
        name="Calm Harbour",
        description="Listening, day and night.",
        website="https://calmharbour.example.org/",
        email="hello@calmharbour.example.org",
        registration_number="1234567",
    )
    other = OrganisationFactory(name="Another Trust", registration_number="")

    helpline = HelplineFactory(
        organisation=organisation,
        name="Harbour Line",
        description="Someone to talk to.",
        country="GB",
        region="Wales",
        time_zone="Europe/London",
        website="https://calmharbour.example.org/line",
        verified_on=dt.date(2025, 3, 1),
    )
    helpline.languages.set([english, welsh])
    helpline.topics.set([anxiety, depression])
    ChannelFactory(helpline=helpline, kind=Channel.Kind.PHONE, value="116123", always_open=True, position=0)
    text = ChannelFactory(
        helpline=helpline, kind=Channel.Kind.SMS, value="85258", label="Text HARBOUR", always_open=False, position=1
    )
    for weekday in range(5):
        OpeningHoursFactory(channel=text, weekday=weekday, opens=dt.time(9), closes=dt.time(17))
    OpeningHoursFactory(channel=text, weekday=4, opens=dt.time(22), closes=dt.time(2), closes_next_day=True)
    ChannelFactory(helpline=helpline, kind=Channel.Kind.WHATSAPP, value="+447911123456", always_open=True, position=2)
    chat = ChannelFactory(
        helpline=helpline,
        kind=Channel.Kind.WEBCHAT,
        value="https://calmharbour.example.org/chat",
        always_open=False,
        position=3,
    )
    OpeningHoursFactory(channel=chat, weekday=6, opens=dt.time(18), closes=dt.time(23))
    ChannelFactory(
        helpline=helpline, kind=Channel.Kind.EMAIL, value="talk@calmharbour.example.org", always_open=True, position=4
    )

    night_line = HelplineFactory(
        organisation=other,
        name="Night Line Australia",
        country="AU",
        time_zone="Australia/Sydney",
        website="",
        verified_on=None,
        is_free=False,
    )
    night = ChannelFactory(helpline=night_line, kind=Channel.Kind.PHONE, value="+61291234567", always_open=False)
    for weekday in range(7):
        OpeningHoursFactory(channel=night, weekday=weekday, opens=dt.time(22), closes=dt.time(6), closes_next_day=True)

    service = ResourceFactory(
        organisation=organisation,
        kind=Resource.Kind.SERVICE,
        title="Walk and Talk groups",
        summary="Weekly walking groups for young people.",
        body="Meet at the park.\n\nBring a friend.",
        external_url="https://calmharbour.example.org/walk",
        reviewed_on=dt.date(2025, 1, 15),
    )
    service.topics.set([anxiety])
    service.languages.set([english])
    service.areas.set([Area.objects.get(code="GB"), Area.objects.get(code="WW")])
    helpline_resource = ResourceFactory(
        organisation=other,
        kind=Resource.Kind.HELPLINE,
        title="Text line guide",
        summary="How a text line works.",
        body="",
        external_url="https://another.example.org/text",
    )
    helpline_resource.topics.set([depression])

    hidden = [
        ResourceFactory(organisation=organisation, kind=Resource.Kind.ARTICLE, title="An article"),
        ResourceFactory(organisation=organisation, kind=Resource.Kind.SERVICE, status=PublicationStatus.DRAFT),
        ResourceFactory(organisation=organisation, kind=Resource.Kind.SERVICE, status=PublicationStatus.ARCHIVED),
        HelplineFactory(organisation=organisation, status=PublicationStatus.DRAFT),
    ]
    unverified = OrganisationFactory(name="Not Yet Checked", verification=VerificationState.UNVERIFIED)
    hidden += [
        unverified,
        HelplineFactory(organisation=unverified),
        ResourceFactory(organisation=unverified, kind=Resource.Kind.SERVICE),
    ]
    return Library(
        organisation=organisation,
        other_organisation=other,
        helpline=helpline,
        night_line=night_line,
        service=service,
        helpline_resource=helpline_resource,
        hidden=hidden,
    )
