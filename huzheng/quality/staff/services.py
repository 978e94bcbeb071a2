"""A director keeps their own office's staff accounts (同仁帳號管理): creates them, gives
them the office's roles, deactivates them and resets a forgotten password. Every change
is checked against the director's office (a director of Magong never touches Huxi's
staff) and written to the audit log in the same transaction.

A reset password is a random temporary one, shown once to the director; Django's session
check signs the staff member out everywhere when it changes, and a deactivated account
can no longer sign in. The project has no second factor yet, so there is none to reset."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from huzheng.core.models import AuditEntry, StaffProfile
from huzheng.core.roles import ALL_ROLES, DIRECTOR, scope_pages
from huzheng.core.services import record_audit, staff_office
from huzheng.core.text import clean_line
from huzheng.core.validators import clean_email

USERNAME_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789.-_")


def may_manage_staff(user):
    """A director of an office manages that office's staff; nobody else does here."""
    return bool(
        getattr(user, "is_active", False)
        and staff_office(user) is not None
        and user.groups.filter(name=DIRECTOR).exists()
    )


def office_staff(director):
    """The director's office's staff accounts, with their roles, by name."""
    office = _office_of(director)
    User = get_user_model()
    return (
        User.objects.filter(staff_profile__office=office, is_superuser=False)
        .select_related("staff_profile")
        .prefetch_related("groups")
        .order_by("-is_active", "username")
    )


def staff_member(director, user_id):
    """One staff account of the director's own office; PermissionDenied otherwise."""
    office = _office_of(director)
    user = get_user_model().objects.filter(pk=user_id).select_related("staff_profile").first()
    if user is None or getattr(getattr(user, "staff_profile", None), "office_id", None) != (
        office.pk
    ):
        raise PermissionDenied
    if user.is_superuser:  # the deployment's administrators are not the office's to change
        raise PermissionDenied
    return user


def create_staff(director, *, username, name="", email="", title="", roles=()):
    """A new staff account of the director's office with the roles given; returns the
    user and its temporary password (shown once)."""
    office = _office_of(director)
    username = _username(username)
    fields = _details(name=name, email=email, title=title)
    groups = _groups(roles)
    password = temporary_password()
    User = get_user_model()
    try:
        with transaction.atomic():
            user = User(
                username=username,
                first_name=fields["name"],
                email=fields["email"],
                is_staff=True,
                is_active=True,
            )
            user.set_password(password)
            user.save()
            StaffProfile.objects.create(user=user, office=office, title=fields["title"])
            user.groups.set(groups)
            record_audit(
                director,
                AuditEntry.Action.CREATE,
                user,
                office=office,
                reason="staff account; roles: " + ", ".join(g.name for g in groups),
            )
            scope_pages()
    except IntegrityError:
        raise ValidationError(_("That user name is taken. Please choose another.")) from None
    return user, password


def update_staff(director, user, *, name="", email="", title="", roles=()):
    """Change a staff member's details and roles (only the office's own roles)."""
    office = _office_of(director)
    user = staff_member(director, user.pk)
    fields = _details(name=name, email=email, title=title)
    groups = _groups(roles)
    if user.pk == director.pk and DIRECTOR not in {g.name for g in groups}:
        raise ValidationError(_("You cannot take the director's role from yourself."))
    kept = [g for g in user.groups.all() if g.name not in ALL_ROLES]  # e.g. the county's
    with transaction.atomic():
        user.first_name, user.email = fields["name"], fields["email"]
        user.save(update_fields=["first_name", "email"])
        StaffProfile.objects.filter(user=user).update(title=fields["title"])
        user.groups.set([*kept, *groups])
        record_audit(
            director,
            AuditEntry.Action.UPDATE,
            user,
            office=office,
            fields=["name", "email", "title", "roles"],
            reason="roles: " + ", ".join(g.name for g in groups),
        )
        scope_pages()
    return user


def set_active(director, user, active):
    """Deactivate (or reactivate) a staff account; a director cannot lock themselves out."""
    office = _office_of(director)
    user = staff_member(director, user.pk)
    if user.pk == director.pk and not active:
        raise ValidationError(_("You cannot deactivate your own account."))
    with transaction.atomic():
        type(user).objects.filter(pk=user.pk).update(is_active=bool(active))
        user.is_active = bool(active)
        record_audit(
            director,
            AuditEntry.Action.UPDATE,
            user,
            office=office,
            fields=["is_active"],
            reason="reactivated" if active else "deactivated",
        )
    return user


def reset_password(director, user):
    """Give a staff member a new temporary password (returned, shown once); their
    sessions end, since Django checks the password's hash on every request."""
    office = _office_of(director)
    user = staff_member(director, user.pk)
    password = temporary_password()
    with transaction.atomic():
        user.set_password(password)
        user.save(update_fields=["password"])
        record_audit(
            director,
            AuditEntry.Action.UPDATE,
            user,
            office=office,
            fields=["password"],
            reason="password reset",
        )
    return password


def temporary_password():
    # Four groups of four letters and digits without look-alikes: easy to read out.
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(4))


def _office_of(director):
    if not may_manage_staff(director):
        raise PermissionDenied
    return staff_office(director)


def _username(value):
    username = clean_line(value, 150).lower()
    if not username or not set(username) <= USERNAME_CHARS:
        raise ValidationError(
            _("A user name is made of letters, digits, dots, hyphens and underscores.")
        )
    return username


def _details(*, name, email, title):
    try:
        email = clean_email(email)
    except ValidationError:
        raise ValidationError(_("Please enter a valid e-mail address.")) from None
    return {"name": clean_line(name, 150), "email": email or "", "title": clean_line(title, 50)}


def _groups(roles):
    roles = [str(role) for role in roles]
    if any(role not in ALL_ROLES for role in roles):
        raise ValidationError(_("Choose the roles from the office's own roles."))
    return list(Group.objects.filter(name__in=roles).order_by("name"))
