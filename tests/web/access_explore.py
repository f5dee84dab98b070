"""Who may use the map, the timeline, the dashboards and the map's data: roles that read cases."""

from __future__ import annotations

from tests.web.access import READERS

WEB = {
    "explore_map": ("get", READERS, None, None),
    "explore_map_data": ("get", READERS, None, None),
    "explore_timeline": ("get", READERS, None, None),
    "explore_dashboards": ("get", READERS, None, None),
}
