"""Creating accounts. Used by the CLI and the first-run bootstrap."""

from __future__ import annotations

import secrets

from django.db import transaction

from inquiry.accounts.models import Partner, User
from inquiry.accounts.roles import Role
from inquiry.audit.services import audit_record
from inquiry.errors import Conflict, InvalidInput


def generate_password() -> str:
    return secrets.token_urlsafe(15)


@transaction.atomic
def user_create(*, actor, username: str, role: str, password: str, partner_code: str = "") -> User:
    username = username.strip()
    if not username:
        raise InvalidInput("Give a user name.", field="username")
    if role not in Role.values:
        raise InvalidInput("“{value}” is not a role. Roles: {roles}.", field="role", value=role,
                           roles=", ".join(Role.values))
    if User.objects.filter(username=username).exists():
        raise Conflict("A user called {username} already exists.", username=username)
    partner = None
    if role == Role.PARTNER:
        if not partner_code:
            raise InvalidInput("A partner user needs the code of their organisation.", field="partner")
        partner, _ = Partner.objects.get_or_create(code=partner_code, defaults={"name": partner_code})
    if len(password) < 12:
        raise InvalidInput("A password needs at least 12 characters.", field="password")
    user = User.objects.create_user(username=username, password=password, role=role, partner=partner)
    audit_record(actor=actor, action="user.create", object_type="user", object_id=user.pk,
                 detail={"username": username, "role": role})
    return user
