import datetime as _dt

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from community.models import Role, User
from resources.models import (
    Channel,
    Helpline,
    OpeningHours,
    Organisation,
    OrganisationMember,
    PublicationStatus,
    Resource,
    VerificationState,
)

PASSWORD = "correct-horse-battery-9"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    handle = factory.Sequence(lambda n: f"member{n}")
    email = factory.LazyAttribute(lambda user: f"{user.handle}@example.org")
    display_name = factory.LazyAttribute(lambda user: user.handle.title())
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        """Like sign-up and settings: the profile's writing is screened before the first save."""
        from community.services import screen_profile

        active = kwargs.pop("is_active", True)
        user = model_class(*args, **kwargs)
        screen_profile(user, confirmed=True)
        user.save()
        if not active:  # suspended after writing their profile: screening refuses a suspended writer
            model_class.objects.filter(pk=user.pk).update(is_active=False)
            user.is_active = False
        return user

    @factory.post_generation
    def verified_email(user, create, extracted, **kwargs):
        if create:
            user.save()
            EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=extracted is not False)
            user.groups.add(Group.objects.get(name=Role.MEMBER))


class StaffFactory(UserFactory):
    is_staff = True
    is_superuser = True


# The resource library


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    description = "Supports young people's mental health."
    website = "https://example.org/"
    country = "GB"
    verification = VerificationState.VERIFIED


class OrganisationMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationMember

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    role = OrganisationMember.Role.PUBLISHER


class ResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resource

    organisation = factory.SubFactory(OrganisationFactory)
    kind = Resource.Kind.ARTICLE
    title = factory.Sequence(lambda n: f"Resource {n}")
    slug = factory.Sequence(lambda n: f"resource-{n}")
    summary = "A short summary."
    body = "Some **helpful** text."
    external_url = "https://example.org/resource"
    status = PublicationStatus.PUBLISHED


class HelplineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Helpline

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Helpline {n}")
    slug = factory.Sequence(lambda n: f"helpline-{n}")
    country = "GB"
    time_zone = "Europe/London"
    status = PublicationStatus.PUBLISHED
    verified_on = factory.LazyFunction(_dt.date.today)


class ChannelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Channel

    helpline = factory.SubFactory(HelplineFactory)
    kind = Channel.Kind.PHONE
    value = "+44116123"
    always_open = True


class OpeningHoursFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OpeningHours

    channel = factory.SubFactory(ChannelFactory, always_open=False)
    weekday = 0
    opens = _dt.time(9, 0)
    closes = _dt.time(17, 0)


class EmergencyNumberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "resources.EmergencyNumber"
        django_get_or_create = ("country",)

    country = "GB"
    number = "999"
    source_url = "https://www.nhs.uk/"
