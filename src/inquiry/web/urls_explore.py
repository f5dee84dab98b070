"""Map, timeline and dashboards (issue #6): counts of acts filtered by the shared search facets."""

from django.urls import path

from inquiry.web import views_explore

urlpatterns = [
    path("map/", views_explore.explore_map, name="explore_map"),
    path("map/data/", views_explore.explore_map_data, name="explore_map_data"),
    path("timeline/", views_explore.explore_timeline, name="explore_timeline"),
    path("dashboards/", views_explore.explore_dashboards, name="explore_dashboards"),
]
