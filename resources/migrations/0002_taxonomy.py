"""Seed the curated vocabularies: languages (ISO 639-1), countries (ISO 3166-1 + worldwide), audiences, topics."""

import uuid

from django.conf.locale import LANG_INFO
from django.db import migrations
from django_countries.data import COUNTRIES

AUDIENCES = [
    ("young-people", "Young people"),
    ("parents-carers", "Parents and carers"),
    ("lgbtq", "LGBTQ+ people"),
    ("students", "Students"),
    ("professionals", "Professionals"),
    ("teachers", "Teachers and schools"),
    ("men", "Men"),
    ("women", "Women"),
    ("bipoc", "Black, Indigenous and people of colour"),
    ("disabled-people", "Disabled people"),
    ("veterans", "Veterans"),
    ("everyone", "Everyone"),
]

# (slug, name, parent slug, sensitive)
TOPICS = [
    ("feelings", "Feelings and mood", None, False),
    ("anxiety", "Anxiety", "feelings", False),
    ("panic", "Panic attacks", "anxiety", False),
    ("depression", "Depression", "feelings", False),
    ("stress", "Stress", "feelings", False),
    ("loneliness", "Loneliness", "feelings", False),
    ("grief", "Grief and loss", "feelings", False),
    ("anger", "Anger", "feelings", False),
    ("crisis", "Crisis and safety", None, True),
    ("suicide-prevention", "Suicide prevention", "crisis", True),
    ("self-harm", "Self-harm", "crisis", True),
    ("abuse", "Abuse and violence", "crisis", True),
    ("body", "Body and health", None, False),
    ("eating-disorders", "Eating disorders", "body", True),
    ("body-image", "Body image", "body", False),
    ("sleep", "Sleep", "body", False),
    ("substance-use", "Substance use", "body", True),
    ("relationships", "Relationships", None, False),
    ("bullying", "Bullying and cyberbullying", "relationships", False),
    ("family", "Family", "relationships", False),
    ("friendship", "Friendship", "relationships", False),
    ("identity", "Identity", None, False),
    ("lgbtq-wellbeing", "LGBTQ+ wellbeing", "identity", False),
    ("neurodiversity", "Neurodiversity", "identity", False),
    ("everyday", "Everyday wellbeing", None, False),
    ("self-care", "Self-care", "everyday", False),
    ("mindfulness", "Mindfulness", "everyday", False),
    ("school-work", "School, study and work", "everyday", False),
    ("online-life", "Online life", "everyday", False),
    ("trauma", "Trauma and PTSD", "feelings", True),
    ("psychosis", "Psychosis", "feelings", False),
    ("ocd", "OCD", "anxiety", False),
]


# Topic ids are derived from their slugs, so every install exchanges the same HSDS taxonomy term ids.
TOPIC_NAMESPACE = uuid.UUID("5f6d2a8e-3c1b-4e0f-9a57-2b8d6c4e1f30")


def seed(apps, schema_editor):
    Language = apps.get_model("resources", "Language")
    Area = apps.get_model("resources", "Area")
    Audience = apps.get_model("resources", "Audience")
    Topic = apps.get_model("resources", "Topic")
    Language.objects.bulk_create(
        [
            Language(code=code, name=info["name"])
            for code, info in LANG_INFO.items()
            if len(code) == 2 and "name" in info
        ],
        ignore_conflicts=True,
    )
    Area.objects.bulk_create(
        [Area(code="WW", name="Worldwide")] + [Area(code=code, name=str(name)) for code, name in COUNTRIES.items()],
        ignore_conflicts=True,
    )
    for position, (slug, name) in enumerate(AUDIENCES):
        Audience.objects.get_or_create(slug=slug, defaults={"name": name, "position": position})
    for position, (slug, name, parent, sensitive) in enumerate(TOPICS):
        Topic.objects.get_or_create(
            slug=slug,
            defaults={
                "hsds_id": uuid.uuid5(TOPIC_NAMESPACE, slug),
                "name": name,
                "parent": Topic.objects.get(slug=parent) if parent else None,
                "is_sensitive": sensitive,
                "position": position,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("resources", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
