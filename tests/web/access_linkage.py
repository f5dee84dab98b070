WEB = {
    "link_queue": ("get", {"analyst"}, None, None),
    "link_run": ("post", {"analyst"}, None, None),
    "link_candidate": ("get", {"analyst"}, "link_candidate", None),
}
