"""Moderators can open the library in the admin (issue: a moderator saw only Members)."""

import pytest
from django.contrib.auth.models import Group

from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_moderator_sees_and_opens_the_library_in_the_admin(client, settings):
    settings.HEARTEN_STAFF_MFA_REQUIRED = False
    moderator = UserFactory(is_staff=True)
    moderator.groups.add(Group.objects.get(name="moderator"))
    organisation = OrganisationFactory(verification="unverified")
    client.force_login(moderator)

    index = client.get("/admin/").content.decode()
    assert "/admin/resources/organisation/" in index
    assert "/admin/resources/helpline/" in index
    assert "/admin/resources/resource/" in index
    assert client.get("/admin/resources/organisation/").status_code == 200
    assert client.get(f"/admin/resources/organisation/{organisation.pk}/change/").status_code == 200
    assert client.get("/admin/resources/helpline/").status_code == 200
