from django.urls import path

from inquiry.web import views_search

urlpatterns = [
    path("search/", views_search.search, name="search"),
    path("search/saved/", views_search.saved_search_list, name="saved_search_list"),
    path("search/saved/new/", views_search.saved_search_create, name="saved_search_create"),
    path("search/saved/<int:pk>/", views_search.saved_search_run, name="saved_search_run"),
    path("search/saved/<int:pk>/delete/", views_search.saved_search_delete, name="saved_search_delete"),
]
