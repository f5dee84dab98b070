"""Create and edit forms for gazetteer places and organisations."""

from django.shortcuts import redirect, render

from inquiry.accounts.guard import require
from inquiry.accounts.roles import Cap
from inquiry.people import selectors as people_selectors
from inquiry.people import services as people_services
from inquiry.places import selectors as place_selectors
from inquiry.places import services as place_services
from inquiry.web.boundary import call_service, login_required_or_404
from inquiry.web.forms import OrganisationForm, PlaceForm


@login_required_or_404
def place_create(request):
    require(request.user, Cap.PLACES_WRITE)
    form = PlaceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        place = call_service(form, place_services.place_create, actor=request.user, **form.cleaned_data)
        if place:
            return redirect("place_detail", pk=place.pk)
    return render(request, "web/reference_form.html", {"form": form, "heading": "place_new"})


@login_required_or_404
def place_edit(request, pk):
    place = place_selectors.place_get_for_user(request.user, pk)
    require(request.user, Cap.PLACES_WRITE)
    initial = {f: getattr(place, f) for f in place_services.PLACE_FIELDS if f != "parent"}
    initial |= {"code": place.code, "parent": place.parent.code if place.parent else ""}
    form = PlaceForm(request.POST or None, initial=initial)
    form.fields["code"].disabled = True
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "code"}
        if call_service(form, place_services.place_update, actor=request.user, place=place, **data):
            return redirect("place_detail", pk=place.pk)
    return render(request, "web/reference_form.html", {"form": form, "heading": "place_edit", "object": place})


@login_required_or_404
def organisation_create(request):
    require(request.user, Cap.CASES_WRITE)
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        org = call_service(form, people_services.organisation_create, actor=request.user, code=d["code"],
                           kind=d["kind"], names=form.name_lines(), notes=d["notes"], source=d["source"])
        if org:
            return redirect("organisation_detail", pk=org.pk)
    return render(request, "web/reference_form.html", {"form": form, "heading": "organisation_new"})


@login_required_or_404
def organisation_edit(request, pk):
    org = people_selectors.organisation_get_for_user(request.user, pk)
    require(request.user, Cap.CASES_WRITE)
    lines = "\n".join(f"{n.name} | {n.lang} | {n.date_edtf}" for n in org.names.all())
    form = OrganisationForm(request.POST or None, initial={"code": org.code, "kind": org.kind, "names": lines,
                                                           "notes": org.notes, "source": org.source})
    form.fields["code"].disabled = True
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        if call_service(form, people_services.organisation_update, actor=request.user, organisation=org,
                        kind=d["kind"], names=form.name_lines(), notes=d["notes"], source=d["source"]):
            return redirect("organisation_detail", pk=org.pk)
    return render(request, "web/reference_form.html", {"form": form, "heading": "organisation_edit",
                                                       "object": org})
