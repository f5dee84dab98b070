"""Reads of witness records (codes and flags only; identities come out through ``identity_reveal``)."""

from __future__ import annotations

from django.db.models import Count, Max, Q, QuerySet

from inquiry.accounts.roles import Cap, can
from inquiry.errors import NotFound
from inquiry.vault.models import Witness

__all__ = ["witness_get_for_user", "witness_list_for_user", "vault_counts"]

_SAFE_FIELDS = ("id", "code", "key_version", "risk_level", "relatives_inside", "created_at", "shredded_at")


def witness_list_for_user(*, user) -> QuerySet[Witness]:
    """Witnesses by code for roles that read cases; none for anyone else. Ciphertext columns are not loaded."""
    if not (can(user, Cap.CASES_READ) or can(user, Cap.IDENTITY_WRITE)):
        return Witness.objects.none()
    return Witness.objects.only(*_SAFE_FIELDS)


def witness_get_for_user(*, user, code: str) -> Witness:
    """One witness by code; NotFound (404) for a role that may not see witnesses at all."""
    witness = witness_list_for_user(user=user).filter(code=code).first()
    if witness is None:
        raise NotFound()
    return witness


def vault_counts() -> dict:
    agg = Witness.objects.aggregate(
        witnesses=Count("id"),
        shredded=Count("id", filter=Q(shredded_at__isnull=False)),
        last_erasure=Max("shredded_at"),
    )
    by_version = dict(
        Witness.objects.filter(wrapped_key__isnull=False)
        .order_by()
        .values_list("key_version")
        .annotate(n=Count("id"))
    )
    return {**agg, "by_key_version": by_version}
