import datetime as dt

import factory
from django.contrib.auth import get_user_model

from huzheng.core.models import Office, OpeningPeriod, StaffProfile


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Office
        django_get_or_create = ("code",)
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"office{n}")
    name = factory.Sequence(lambda n: f"測試第{n}戶政事務所")
    county = "澎湖縣"
    address = "澎湖縣湖西鄉湖西村1號"
    phone = "06-9921145"

    @factory.post_generation
    def weekday_hours(office, create, extracted, **kwargs):
        """Mon–Fri 08:00–12:00, noon 12:00–13:30, 13:30–17:00, unless told otherwise."""
        if not create or extracted is False:
            return
        for weekday in range(5):
            for opens, closes, kind in (
                (dt.time(8), dt.time(12), OpeningPeriod.Kind.REGULAR),
                (dt.time(12), dt.time(13, 30), OpeningPeriod.Kind.NOON),
                (dt.time(13, 30), dt.time(17), OpeningPeriod.Kind.REGULAR),
            ):
                OpeningPeriod.objects.create(
                    office=office, weekday=weekday, opens=opens, closes=closes, kind=kind
                )


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"staff{n}")
    is_staff = True
    password = factory.django.Password("correct horse battery")


class StaffFactory(factory.django.DjangoModelFactory):
    """A staff member of an office, in the given role groups."""

    class Meta:
        model = StaffProfile
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    office = factory.SubFactory(OfficeFactory)
    title = "戶籍員"

    @factory.post_generation
    def roles(profile, create, extracted, **kwargs):
        if not create or not extracted:
            return
        from django.contrib.auth.models import Group

        from huzheng.core.roles import ALL_ROLES, ensure_roles

        # Setting up every role's permissions takes a tenth of a second; once per test is
        # enough, however many staff members it makes.
        groups = {g.name: g for g in Group.objects.filter(name__in=ALL_ROLES)}
        if len(groups) < len(ALL_ROLES):
            groups = ensure_roles()
        for role in extracted:
            profile.user.groups.add(groups[role])
