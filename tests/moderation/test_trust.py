"""Trust settings: staff-edited in the database, audited, and read by screen() for the writer's standing."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from moderation import services, trust
from moderation.decision import Action
from moderation.models import AuditEntry, TrustSettings, Visibility
from tests.factories import StaffFactory, UserFactory

from .notes import write_note

RECOVERY = "Two years clean from self-harm today. Some days are still hard but I'm proud of how far I've come."
LINK = "I wrote about my first week here: https://example.org/first-week"


def veteran(**kwargs):
    user = UserFactory(**kwargs)
    user.date_joined = timezone.now() - timedelta(days=400)
    user.save(update_fields=["date_joined"])
    return user


@pytest.fixture
def staff(db):
    return StaffFactory()


def test_the_row_starts_with_the_defaults_and_without_one_they_apply(db):
    assert trust.settings() == trust.DEFAULTS  # the row a migration made holds the defaults
    TrustSettings.objects.all().delete()
    trust.invalidate()
    assert trust.settings() == trust.DEFAULTS
    assert trust.DEFAULTS.new_account_days == 7 and trust.DEFAULTS.hold_links_from_new


def test_staff_change_the_settings_and_every_change_is_audited(staff):
    services.save_trust_settings(actor=staff, data={"new_account_days": 30, "premoderate_new_posts": True})

    assert trust.settings().new_account_days == 30  # the cached copy was dropped
    entry = AuditEntry.objects.get(action="trust.change")
    assert entry.actor == staff
    assert entry.changes == {"new_account_days": [7, 30], "premoderate_new_posts": [False, True]}

    services.save_trust_settings(actor=staff, data={"new_account_days": 30})  # no change: nothing to log
    assert AuditEntry.objects.filter(action="trust.change").count() == 1


def test_members_cannot_change_the_settings(db):
    with pytest.raises(PermissionDenied):
        services.save_trust_settings(actor=UserFactory(), data={"new_account_days": 0})
    assert trust.Trust.of(TrustSettings.objects.get(pk=1)) == trust.DEFAULTS and not AuditEntry.objects.exists()


def test_an_unknown_trusted_role_is_refused_and_nothing_is_saved(staff):
    with pytest.raises(ValidationError) as error:
        services.save_trust_settings(actor=staff, data={"trusted_roles": ["member"], "new_account_days": 3})
    assert "trusted_roles" in error.value.message_dict
    assert trust.Trust.of(TrustSettings.objects.get(pk=1)) == trust.DEFAULTS and not AuditEntry.objects.exists()


def test_an_account_younger_than_the_setting_is_new(staff):
    services.save_trust_settings(actor=staff, data={"new_account_posts": 0})
    three_days = UserFactory()
    three_days.date_joined = timezone.now() - timedelta(days=3)
    assert trust.standing(three_days) == "new"
    services.save_trust_settings(actor=staff, data={"new_account_days": 2})
    assert trust.standing(three_days) == "member"


def test_an_old_account_is_new_until_enough_of_its_posts_were_published(note_model, staff):
    writer = veteran()
    assert trust.standing(writer) == "new"  # 0 of 3
    write_note(writer=writer, title="One", body="A good day at the park.")
    write_note(writer=writer, title="Two", body="Made soup with my brother.")
    held = write_note(writer=writer, title="Three", body="read this https://example.org/x")
    assert held.visibility == Visibility.HELD  # links from new accounts wait: it does not count
    assert trust.standing(writer) == "new"
    write_note(writer=writer, title="Four", body="Finished my first painting!")
    assert trust.standing(writer) == "member"


def test_members_with_a_trusted_role_are_trusted(staff):
    writer = UserFactory()
    writer.groups.add(Group.objects.get_or_create(name="expert")[0])
    assert services.screen(text=LINK, kind="comment", author=writer).action == Action.PUBLISH
    services.save_trust_settings(actor=staff, data={"trusted_roles": []})
    assert services.screen(text=LINK, kind="comment", author=writer).action == Action.HOLD


def test_links_from_new_accounts_are_held_unless_staff_turn_it_off(staff):
    newcomer = UserFactory()
    decision = services.screen(text=LINK, kind="comment", author=newcomer)
    assert decision.action == Action.HOLD and decision.label_names == ["spam"]
    services.save_trust_settings(actor=staff, data={"hold_links_from_new": False})
    assert services.screen(text=LINK, kind="comment", author=newcomer).action == Action.PUBLISH


def test_pre_moderation_holds_new_accounts_posts_but_not_members_or_profiles(staff):
    services.save_trust_settings(actor=staff, data={"premoderate_new_posts": True, "new_account_posts": 0})
    newcomer, member = UserFactory(), veteran()
    decision = services.screen(text="Hello everyone, happy to be here", kind="story", author=newcomer)
    assert decision.action == Action.HOLD
    assert decision.label_names == ["new_account"]
    assert "first posts" in str(decision.message)
    assert services.screen(text="Hello everyone", kind="story", author=member).action == Action.PUBLISH
    assert services.screen(text="Hello everyone", kind="profile", author=newcomer).action == Action.PUBLISH


def test_a_space_for_minors_holds_what_would_go_behind_a_warning_and_every_link(staff):
    trusted = StaffFactory()
    assert services.screen(text=RECOVERY, kind="story", author="member").action == Action.WARN
    minors = services.screen(text=RECOVERY, kind="story", author="member", context={"for_minors": True})
    assert minors.action == Action.HOLD
    assert "young people" in str(minors.message)
    assert services.screen(text=LINK, kind="comment", author=trusted).action == Action.PUBLISH
    in_space = services.screen(text=LINK, kind="comment", author=trusted, context={"for_minors": True})
    assert in_space.action == Action.HOLD and in_space.label_names == ["link"]

    services.save_trust_settings(actor=staff, data={"stricter_for_minors": False})
    assert services.screen(text=RECOVERY, kind="story", author="member", context={"for_minors": True}).action == (
        Action.WARN
    )


def test_the_same_text_posted_again_reads_as_spam(note_model, db):
    writer, other = veteran(), veteran()
    text = "Went for a long walk by the river this morning and it really helped"
    write_note(writer=writer, title="", body=text)
    assert "spam" not in services.screen(text=text, kind="story", author=other).label_names
    repeated = services.screen(text=f"\n\n{text.upper()}", kind="story", author=writer)
    assert "spam" in repeated.label_names
    assert repeated.action == Action.HOLD


def test_moderators_read_the_settings_but_only_staff_admins_change_them(db):
    moderator = StaffFactory(is_superuser=False)
    moderator.groups.add(Group.objects.get(name="moderator"))
    with pytest.raises(PermissionDenied):
        services.save_trust_settings(actor=moderator, data={"new_account_days": 1})
    admin = StaffFactory(is_superuser=False)
    admin.groups.add(Group.objects.get(name="staff_admin"))
    services.save_trust_settings(actor=admin, data={"new_account_days": 1})
    assert trust.settings().new_account_days == 1
