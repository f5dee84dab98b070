from inquiry.accounts.roles import ROLE_CAPS


def role_context(request):
    """Expose the user's capabilities (to hide what the role may not use) and the demo flag."""
    user = getattr(request, "user", None)
    caps = ROLE_CAPS.get(getattr(user, "role", ""), frozenset()) if user and user.is_authenticated else frozenset()
    return {"caps": {c.replace(".", "_"): True for c in caps}, "demo_data": _demo_loaded}


def _demo_loaded() -> bool:
    # A callable, so the query runs only when a template asks.
    from inquiry.demo.loader import demo_loaded

    return demo_loaded()
