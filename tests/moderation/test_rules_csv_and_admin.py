"""CSV import/export of rules (all or nothing, errors by line) and the admin's doors, including "try a text"."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from moderation import services
from moderation.models import Rule
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    return UserFactory(is_staff=True)


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_import_creates_every_rule(staff):
    csv_text = (
        "pattern,pattern_type,action,kinds,enabled,notes\n"
        "kill,word,block,,yes,\n"
        "self harm,phrase,hold,story comment,no,check context\n"
        "^free\\s+followers$,regex,flag,,,\n"
    )
    assert services.import_rules_csv(actor=staff, file=io.BytesIO(csv_text.encode())) == 3
    harm = Rule.objects.get(pattern="self harm")
    assert (harm.pattern_type, harm.action, harm.kinds, harm.enabled, harm.notes) == (
        "phrase",
        "hold",
        ["story", "comment"],
        False,
        "check context",
    )
    assert Rule.objects.get(pattern="kill").created_by == staff


def test_import_is_all_or_nothing_and_names_the_lines(staff):
    csv_text = (
        "pattern,pattern_type,action,kinds\n"
        "kill,word,block,\n"  # line 2: fine
        "(a+)+$,regex,hold,\n"  # line 3: unsafe regex
        "hello,word,shout,\n"  # line 4: unknown action
        "bye,word,hold,tweet\n"  # line 5: unknown kind
    )
    with pytest.raises(ValidationError) as error:
        services.import_rules_csv(actor=staff, file=io.BytesIO(csv_text.encode()))
    problems = error.value.messages
    assert [problem.split(":")[0] for problem in problems] == ["Line 3", "Line 4", "Line 5"]
    assert "pattern" in problems[0] and "action" in problems[1] and "tweet" in problems[2]
    assert not Rule.objects.exists()


def test_import_refuses_a_file_without_the_needed_columns_or_not_utf8(staff):
    with pytest.raises(ValidationError, match="Line 1"):
        services.import_rules_csv(actor=staff, file=io.BytesIO(b"word,what\nkill,block\n"))
    with pytest.raises(ValidationError, match="UTF-8"):
        services.import_rules_csv(actor=staff, file=io.BytesIO(b"pattern,action\n\xff\xfe,block\n"))


def test_export_then_import_round_trips_and_updates_in_place(staff):
    services.save_rule(actor=staff, data={"pattern": "kill", "action": "block", "kinds": ["comment"]})
    services.save_rule(
        actor=staff, data={"pattern": "=cmd|x", "pattern_type": "phrase", "action": "flag", "notes": "+1"}
    )
    exported = services.export_rules_csv()
    assert "'=cmd|x" in exported and "'+1" in exported  # a spreadsheet will not run them as formulas
    fields = ("pk", "pattern", "pattern_type", "action", "kinds", "enabled", "notes")
    before = list(Rule.objects.order_by("pk").values_list(*fields))

    assert services.import_rules_csv(actor=staff, file=io.StringIO(exported)) == 2

    assert list(Rule.objects.order_by("pk").values_list(*fields)) == before


def test_the_try_page_shows_which_rules_fire_and_escapes_the_text(admin_client, staff):
    kill = services.save_rule(actor=staff, data={"pattern": "kill", "action": "block"})
    text = '<script>alert(1)</script> I will k1ll <b>you</b> "now"'

    response = admin_client.post(reverse("admin:moderation_rule_try"), {"text": text, "kind": "comment"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in html and "<b>you</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; I will <mark>k1ll</mark> &lt;b&gt;you&lt;/b&gt;" in html
    assert reverse("admin:moderation_rule_change", args=[kill.pk]) in html


def test_the_try_page_says_when_nothing_fires(admin_client):
    response = admin_client.post(reverse("admin:moderation_rule_try"), {"text": "a kind word", "kind": "story"})
    assert "data-no-rules" in response.content.decode()


def test_the_admin_form_refuses_an_unsafe_regex_on_the_pattern_field(admin_client):
    response = admin_client.post(
        reverse("admin:moderation_rule_add"),
        {"pattern": "(a+)+$", "pattern_type": "regex", "action": "hold", "enabled": "on", "notes": ""},
    )
    assert response.status_code == 200
    assert "nested repetition" in response.context["adminform"].form.errors["pattern"][0]
    assert not Rule.objects.exists()


def test_the_admin_saves_and_deletes_through_the_services(admin_client, monkeypatch):
    calls = []
    for name in ("save_rule", "delete_rule"):
        original = getattr(services, name)
        monkeypatch.setattr(services, name, lambda *a, _o=original, _n=name, **k: calls.append(_n) or _o(*a, **k))
    response = admin_client.post(
        reverse("admin:moderation_rule_add"),
        {"pattern": "kill", "pattern_type": "word", "action": "block", "kinds": ["comment"], "enabled": "on"},
    )
    assert response.status_code == 302
    rule = Rule.objects.get()
    assert rule.kinds == ["comment"] and rule.created_by is not None
    admin_client.post(reverse("admin:moderation_rule_delete", args=[rule.pk]), {"post": "yes"})
    assert calls == ["save_rule", "delete_rule"]
    assert not Rule.objects.exists()


def test_csv_buttons_export_and_import(admin_client, staff):
    services.save_rule(actor=staff, data={"pattern": "kill", "action": "block"})
    changelist = admin_client.get(reverse("admin:moderation_rule_changelist")).content.decode()
    assert reverse("admin:moderation_rule_export_csv") in changelist
    assert reverse("admin:moderation_rule_import_csv") in changelist
    assert reverse("admin:moderation_rule_try") in changelist

    exported = admin_client.get(reverse("admin:moderation_rule_export_csv"))
    assert exported["Content-Type"].startswith("text/csv") and b"kill,word,block" in exported.content

    upload = io.BytesIO(b"pattern,action\nhello,shout\n")
    upload.name = "rules.csv"
    response = admin_client.post(reverse("admin:moderation_rule_import_csv"), {"file": upload})
    assert "Line 2" in response.content.decode()
    upload = io.BytesIO(b"pattern,action\nhello,flag\n")
    upload.name = "rules.csv"
    response = admin_client.post(reverse("admin:moderation_rule_import_csv"), {"file": upload})
    assert response.status_code == 302
    assert Rule.objects.filter(pattern="hello", action="flag").exists()


def test_members_cannot_reach_the_rule_pages(client, member):
    client.force_login(member)
    for name in ("try", "export_csv", "import_csv"):
        assert client.get(reverse(f"admin:moderation_rule_{name}")).status_code == 302  # to the admin login
