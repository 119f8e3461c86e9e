import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from community.models import Role, User

PASSWORD = "correct-horse-battery-9"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    handle = factory.Sequence(lambda n: f"member{n}")
    email = factory.LazyAttribute(lambda user: f"{user.handle}@example.org")
    display_name = factory.LazyAttribute(lambda user: user.handle.title())
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified_email(user, create, extracted, **kwargs):
        if create:
            user.save()
            EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=extracted is not False)
            user.groups.add(Group.objects.get(name=Role.MEMBER))


class StaffFactory(UserFactory):
    is_staff = True
    is_superuser = True
