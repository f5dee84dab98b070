from inquiry.accounts.roles import ROLE_CAPS


def role_context(request):
    """Expose the current user's capabilities so templates can hide what the role may not use."""
    user = getattr(request, "user", None)
    caps = ROLE_CAPS.get(getattr(user, "role", ""), frozenset()) if user and user.is_authenticated else frozenset()
    return {"caps": {c.replace(".", "_"): True for c in caps}}
