"""Organisations: registration, membership, staff verification, and their public pages."""

import io
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from resources.models import Organisation, OrganisationMember, VerificationState
from resources.permissions import can_publish_for
from resources.services import library as library_services
from resources.services import organisations as services
from tests.factories import OrganisationFactory, OrganisationMemberFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

ADMIN = OrganisationMember.Role.ADMIN
PUBLISHER = OrganisationMember.Role.PUBLISHER


def png(size=(40, 30)) -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", size, "teal").save(out, format="PNG")
    return SimpleUploadedFile("logo.png", out.getvalue(), content_type="image/png")


def register(actor, **overrides):
    details = {"name": "Brightside Youth", "website": "https://brightside.example/", "country": "gb"}
    return services.register_organisation(actor=actor, **{**details, **overrides})


# Registration


def test_registering_makes_an_unverified_organisation_with_its_creator_as_admin(member):
    organisation = register(member, description="We help.")

    assert organisation.verification == VerificationState.UNVERIFIED
    assert organisation.slug == "brightside-youth"
    assert organisation.country.code == "GB"
    assert list(organisation.memberships.values_list("user", "role")) == [(member.pk, ADMIN)]
    assert not can_publish_for(member, organisation)


def test_slugs_are_unique_and_never_a_route_name(member):
    first = register(member)
    second = register(UserFactory())
    new = register(UserFactory(), name="New")

    assert (first.slug, second.slug) == ("brightside-youth", "brightside-youth-2")
    assert new.slug != "new"
    assert reverse("resources:organisation_detail", args=[new.slug]) != reverse("resources:organisation_register")


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": "   "}, "name"),
        ({"country": "XX"}, "country"),
        ({"website": "javascript:alert(1)"}, "website"),
        ({"email": "not an email"}, "email"),
        ({"logo": SimpleUploadedFile("logo.png", b"not an image", content_type="image/png")}, "logo"),
    ],
)
def test_bad_details_name_the_field_and_save_nothing(member, overrides, field):
    with pytest.raises(ValidationError) as error:
        register(member, **overrides)

    assert field in error.value.message_dict
    assert not Organisation.objects.exists()
    assert not OrganisationMember.objects.exists()


def test_a_logo_goes_through_the_image_pipeline(member):
    organisation = register(member, logo=png())

    assert organisation.logo.name.startswith("logos/")
    assert organisation.logo.name.endswith(".webp")
    with Image.open(organisation.logo.path) as stored:
        assert stored.format == "WEBP"


def test_only_signed_in_people_register():
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        register(AnonymousUser())


def test_nobody_floods_staff_with_registrations(member):
    for number in range(services.MAX_PENDING_REGISTRATIONS):
        register(member, name=f"Group {number}")

    with pytest.raises(ValidationError):
        register(member, name="One too many")
    assert Organisation.objects.count() == services.MAX_PENDING_REGISTRATIONS


# Members


def test_an_admin_adds_and_removes_members():
    admin = OrganisationMemberFactory(role=ADMIN)
    organisation, newcomer = admin.organisation, UserFactory()

    services.add_member(actor=admin.user, organisation=organisation, user=newcomer, role=PUBLISHER)
    assert can_publish_for(newcomer, organisation)

    services.remove_member(actor=admin.user, organisation=organisation, user=newcomer)
    assert not can_publish_for(newcomer, organisation)


def test_publishers_cannot_manage_members():
    publisher = OrganisationMemberFactory(role=PUBLISHER)

    with pytest.raises(PermissionDenied):
        services.add_member(actor=publisher.user, organisation=publisher.organisation, user=UserFactory())


def test_nobody_is_added_twice():
    admin = OrganisationMemberFactory(role=ADMIN)

    with pytest.raises(ValidationError) as error:
        services.add_member(actor=admin.user, organisation=admin.organisation, user=admin.user)
    assert "user" in error.value.message_dict


def test_an_organisation_keeps_at_least_one_admin():
    admin = OrganisationMemberFactory(role=ADMIN)
    organisation = admin.organisation

    with pytest.raises(ValidationError):
        services.remove_member(actor=admin.user, organisation=organisation, user=admin.user)
    with pytest.raises(ValidationError):
        services.change_member_role(actor=admin.user, organisation=organisation, user=admin.user, role=PUBLISHER)
    assert OrganisationMember.objects.get(pk=admin.pk).role == ADMIN


def test_a_minor_cannot_be_added_to_an_organisation():
    admin = OrganisationMemberFactory(role=ADMIN)
    teenager = UserFactory(minor_until=date.today() + timedelta(days=400))

    with pytest.raises(ValidationError) as error:
        services.add_member(actor=admin.user, organisation=admin.organisation, user=teenager)

    assert "under 18" in error.value.message_dict["user"][0]
    assert not OrganisationMember.objects.filter(user=teenager).exists()


@pytest.mark.parametrize("change", ["role", "remove"])
def test_role_changes_lock_the_organisation_before_counting_admins(change, monkeypatch):
    """Two admins demoting each other at once must not leave none: the organisation row is locked first."""
    from django.db.models import QuerySet

    locked = []
    select_for_update = QuerySet.select_for_update

    def recording(queryset, *args, **kwargs):
        locked.append(queryset.model)
        return select_for_update(queryset, *args, **kwargs)

    monkeypatch.setattr(QuerySet, "select_for_update", recording)
    first = OrganisationMemberFactory(role=ADMIN)
    second = OrganisationMemberFactory(role=ADMIN, organisation=first.organisation)

    if change == "role":
        services.change_member_role(actor=first.user, organisation=first.organisation, user=second.user, role=PUBLISHER)
    else:
        services.remove_member(actor=first.user, organisation=first.organisation, user=second.user)

    assert locked and locked[0] is Organisation


def test_a_publisher_may_leave():
    publisher = OrganisationMemberFactory(role=PUBLISHER)

    services.remove_member(actor=publisher.user, organisation=publisher.organisation, user=publisher.user)

    assert not OrganisationMember.objects.filter(pk=publisher.pk).exists()


# Verification


def test_staff_verify_and_who_and_when_is_recorded(member):
    organisation = register(member)
    staff = StaffFactory()

    with time_machine.travel(datetime(2026, 3, 1, 9, 30, tzinfo=UTC), tick=False):
        services.verify_organisation(actor=staff, organisation=organisation)

    organisation.refresh_from_db()
    assert organisation.verification == VerificationState.VERIFIED
    assert organisation.verified_by == staff
    assert organisation.verified_at == datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    assert can_publish_for(member, organisation)


def test_only_staff_verify(member):
    organisation = register(member)

    with pytest.raises(PermissionDenied):
        services.verify_organisation(actor=member, organisation=organisation)
    assert Organisation.objects.get(pk=organisation.pk).verification == VerificationState.UNVERIFIED


def test_rejecting_needs_a_reason():
    organisation = OrganisationFactory()

    with pytest.raises(ValidationError) as error:
        services.reject_organisation(actor=StaffFactory(), organisation=organisation, reason="  ")
    assert "reason" in error.value.message_dict
    assert Organisation.objects.get(pk=organisation.pk).is_verified


def test_a_rejected_organisation_can_no_longer_publish():
    publisher = OrganisationMemberFactory()
    staff = StaffFactory()

    services.reject_organisation(
        actor=staff, organisation=publisher.organisation, reason="We could not find this charity number."
    )

    organisation = Organisation.objects.get(pk=publisher.organisation.pk)
    assert organisation.verification == VerificationState.REJECTED
    assert organisation.rejection_reason == "We could not find this charity number."
    assert organisation.verified_by == staff
    with pytest.raises(PermissionDenied):
        library_services.create_resource(actor=publisher.user, organisation=organisation, title="Anything")


@pytest.mark.parametrize(
    "change",
    [{"name": "Samaritans"}, {"website": "https://other.example/"}, {"country": "IE"}, {"registration_number": "X1"}],
)
def test_admins_cannot_change_who_a_verified_organisation_is(change):
    # Un-verifying would hide every crisis line the organisation runs from /help/ at once: staff change these.
    admin = OrganisationMemberFactory(role=ADMIN)
    before = Organisation.objects.get(pk=admin.organisation.pk)

    services.update_organisation(actor=admin.user, organisation=admin.organisation, description="New words.")
    with pytest.raises(ValidationError) as error:
        services.update_organisation(actor=admin.user, organisation=admin.organisation, **change)

    (field,) = change
    assert error.value.message_dict == {
        field: ["Contact Hearten staff to change this: your organisation stays verified meanwhile."]
    }
    organisation = Organisation.objects.get(pk=admin.organisation.pk)
    assert organisation.is_verified
    assert organisation.verified_by == before.verified_by
    assert getattr(organisation, field) == getattr(before, field)
    assert organisation.description == "New words."


def test_admins_may_resend_unchanged_identity_fields():
    admin = OrganisationMemberFactory(role=ADMIN)
    organisation = admin.organisation

    services.update_organisation(
        actor=admin.user, organisation=organisation, name=organisation.name, description="Same name, new words."
    )

    assert Organisation.objects.get(pk=organisation.pk).description == "Same name, new words."


def test_staff_change_who_a_verified_organisation_is_and_it_stays_verified():
    organisation = OrganisationMemberFactory(role=ADMIN).organisation

    services.update_organisation(actor=StaffFactory(), organisation=organisation, name="Brightside Trust")

    organisation = Organisation.objects.get(pk=organisation.pk)
    assert (organisation.name, organisation.is_verified) == ("Brightside Trust", True)


def test_admins_of_an_unverified_organisation_still_change_its_name(member):
    organisation = register(member)

    services.update_organisation(actor=member, organisation=organisation, name="Brightside Trust")

    assert Organisation.objects.get(pk=organisation.pk).name == "Brightside Trust"


# Logo files


def media_files(settings) -> list:
    return [path for path in settings.MEDIA_ROOT.rglob("*") if path.is_file()] if settings.MEDIA_ROOT.exists() else []


def test_no_logo_file_is_left_when_registering_fails(member, settings, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(Organisation, "save", fail)

    with pytest.raises(RuntimeError):
        register(member, logo=png())

    assert media_files(settings) == []


def test_no_logo_file_is_left_when_an_update_fails(member, settings, monkeypatch):
    organisation = register(member)

    def fail(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(Organisation, "save", fail)

    with pytest.raises(RuntimeError):
        services.update_organisation(actor=member, organisation=organisation, logo=png())

    assert media_files(settings) == []


def test_a_replaced_logo_file_is_deleted_once_committed(member, settings, django_capture_on_commit_callbacks):
    organisation = register(member, logo=png())
    (old_file,) = media_files(settings)

    with django_capture_on_commit_callbacks(execute=True):
        organisation = services.update_organisation(actor=member, organisation=organisation, logo=png((60, 60)))

    assert media_files(settings) == [settings.MEDIA_ROOT / organisation.logo.name]
    assert not old_file.exists()


def test_a_removed_logo_file_is_deleted_once_committed(member, settings, django_capture_on_commit_callbacks):
    organisation = register(member, logo=png())

    with django_capture_on_commit_callbacks(execute=True):
        organisation = services.update_organisation(actor=member, organisation=organisation, remove_logo=True)

    assert not organisation.logo
    assert media_files(settings) == []


def test_publishers_cannot_change_the_organisation():
    publisher = OrganisationMemberFactory(role=PUBLISHER)

    with pytest.raises(PermissionDenied):
        services.update_organisation(actor=publisher.user, organisation=publisher.organisation, description="x")


# Pages


def test_the_registration_page_needs_an_account(client):
    response = client.get(reverse("resources:organisation_register"))

    assert response.status_code == 302
    assert reverse("account_login") in response.url


def test_registering_through_the_page(client, member):
    client.force_login(member)

    response = client.post(
        reverse("resources:organisation_register"),
        {
            "name": "Harbour Lights",
            "description": "Peer support.",
            "website": "https://lights.example/",
            "country": "IE",
        },
    )

    organisation = Organisation.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("resources:organisation_detail", args=[organisation.slug])
    assert organisation.memberships.get().user == member
    page = client.get(response.url)
    assert "Waiting for verification" in page.content.decode()


def test_a_mistake_on_the_registration_page_keeps_what_was_typed(client, member):
    client.force_login(member)

    response = client.post(
        reverse("resources:organisation_register"),
        {"name": "Harbour Lights", "description": "We run peer groups.", "website": "javascript:alert(1)"},
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "Use a web address starting with https:// or http://." in html
    assert 'value="Harbour Lights"' in html
    assert "We run peer groups." in html
    assert not Organisation.objects.exists()


def test_unverified_organisations_are_only_shown_to_their_members(client):
    admin = OrganisationMemberFactory(organisation__verification=VerificationState.UNVERIFIED, role=ADMIN)
    url = reverse("resources:organisation_detail", args=[admin.organisation.slug])

    assert client.get(url).status_code == 404
    client.force_login(admin.user)
    assert client.get(url).status_code == 200


def test_members_of_a_rejected_organisation_see_why(client):
    admin = OrganisationMemberFactory(role=ADMIN)
    services.reject_organisation(actor=StaffFactory(), organisation=admin.organisation, reason="Number <unknown>.")
    client.force_login(admin.user)

    html = client.get(reverse("resources:organisation_detail", args=[admin.organisation.slug])).content.decode()

    assert "Number &lt;unknown&gt;." in html


def test_verification_time_is_shown_in_the_viewers_zone(client):
    organisation = OrganisationFactory(verified_at=datetime(2026, 1, 1, 23, 30, tzinfo=UTC))
    url = reverse("resources:organisation_detail", args=[organisation.slug])

    assert "1 January 2026" in client.get(url).content.decode()
    client.force_login(UserFactory(time_zone="Australia/Sydney"))
    assert "2 January 2026" in client.get(url).content.decode()


def test_only_staff_choose_trusted_flaggers():
    admin = OrganisationMemberFactory(role=ADMIN)

    with pytest.raises(PermissionDenied):
        services.set_trusted_flagger(actor=admin.user, organisation=admin.organisation, trusted=True)
    services.set_trusted_flagger(actor=StaffFactory(), organisation=admin.organisation, trusted=True)

    assert Organisation.objects.get(pk=admin.organisation.pk).is_trusted_flagger


def test_members_of_a_verified_organisation_hold_the_organisation_member_role():
    """DESIGN.md's "organisation member" role follows membership of a verified organisation."""
    from resources.services.organisations import (
        add_member,
        reject_organisation,
        remove_member,
        verify_organisation,
    )
    from tests.factories import OrganisationFactory, StaffFactory, UserFactory

    staff = StaffFactory()
    organisation = OrganisationFactory(verification="unverified")
    person = UserFactory()
    add_member(actor=staff, organisation=organisation, user=person)
    assert "organisation_member" not in person.roles  # not verified yet

    verify_organisation(actor=staff, organisation=organisation)
    person = type(person).objects.get(pk=person.pk)
    assert "organisation_member" in person.roles

    reject_organisation(actor=staff, organisation=organisation, reason="Could not confirm the charity number")
    person = type(person).objects.get(pk=person.pk)
    assert "organisation_member" not in person.roles

    verify_organisation(actor=staff, organisation=organisation)
    remove_member(actor=staff, organisation=organisation, user=person)
    person = type(person).objects.get(pk=person.pk)
    assert "organisation_member" not in person.roles
