from django.core.paginator import Paginator
from django.shortcuts import redirect, render

from inquiry.accounts.guard import require
from inquiry.accounts.roles import Cap, Role, can
from inquiry.errors import InvalidInput
from inquiry.people import selectors, services
from inquiry.people.models import Person
from inquiry.web.boundary import call_service, login_required_or_404, post_only
from inquiry.web.forms import MergeForm, PersonForm
from inquiry.web.messages import translate_error

PAGE_SIZE = 50


def _require_person_write(user) -> None:
    require(user, Cap.PARTNER_SUBMIT if getattr(user, "role", "") == Role.PARTNER else Cap.CASES_WRITE)


@login_required_or_404
def person_list(request):
    if not (can(request.user, Cap.CASES_READ) or can(request.user, Cap.PARTNER_SUBMIT)):
        require(request.user, Cap.CASES_READ)
    g = request.GET
    qs = selectors.person_list_for_user(request.user, q=g.get("q", "").strip(), status=g.get("status", ""),
                                        sex=g.get("sex", ""))
    page = Paginator(qs, PAGE_SIZE).get_page(g.get("page"))
    return render(request, "web/person_list.html", {"page": page, "statuses": Person.Status.choices,
                                                    "sexes": Person.Sex.choices, "filters": g})


def _person_page(request, pk, merge_form, status=200):
    page = selectors.person_page_for_user(request.user, pk)
    return render(request, "web/person_detail.html", {"person": page.person, "page": page, "merge_form": merge_form},
                  status=status)


@login_required_or_404
def person_detail(request, pk):
    return _person_page(request, pk, MergeForm())


def _person_kwargs(form) -> dict:
    d = form.cleaned_data
    return {"sex": d["sex"], "birth_date": d["birth_date"], "nationality": d["nationality"] or "",
            "status": d["status"], "birth_place": d["birth_place"], "last_seen_place": d["last_seen_place"],
            "notes": d["notes"]}


@login_required_or_404
def person_create(request):
    _require_person_write(request.user)
    form = PersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = call_service(form, services.person_create, actor=request.user, names=form.name_list(),
                              **_person_kwargs(form))
        if person:
            return redirect("person_detail", pk=person.pk)
    return render(request, "web/person_form.html", {"form": form, "creating": True})


@login_required_or_404
def person_edit(request, pk):
    person = selectors.person_get_for_user(request.user, pk)
    _require_person_write(request.user)
    initial = {"names": "\n".join(n.original for n in person.names.all()), "sex": person.sex,
               "birth_date": person.date_edtf, "nationality": person.nationality, "status": person.status,
               "birth_place": person.birth_place.code if person.birth_place else "",
               "last_seen_place": person.last_seen_place.code if person.last_seen_place else "",
               "notes": person.notes}
    form = PersonForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        kwargs = _person_kwargs(form)
        if call_service(form, services.person_update, actor=request.user, person=person, names=form.name_list(),
                        **kwargs):
            return redirect("person_detail", pk=person.pk)
    return render(request, "web/person_form.html", {"form": form, "person": person, "creating": False})


@login_required_or_404
@post_only
def person_merge(request, pk):
    survivor = selectors.person_get_for_user(request.user, pk)
    require(request.user, Cap.PERSONS_LINK)
    form = MergeForm(request.POST)
    if form.is_valid():
        other = selectors.person_list_for_user(request.user, include_merged=True).filter(
            code=form.cleaned_data["other"].strip()).first()
        if other is None:
            form.add_error("other", translate_error(InvalidInput("No person has the code {code}.",
                                                                 code=form.cleaned_data["other"])))
        elif call_service(form, services.person_merge, actor=request.user, survivor=survivor, merged=other,
                          reason=form.cleaned_data["reason"]):
            return redirect("person_detail", pk=survivor.pk)
    return _person_page(request, pk, form, status=400)


@login_required_or_404
@post_only
def person_unmerge(request, pk):
    person = selectors.person_get_for_user(request.user, pk)
    services.person_unmerge(actor=request.user, person=person, reason=request.POST.get("reason", ""))
    return redirect("person_detail", pk=person.pk)


@login_required_or_404
def organisation_list(request):
    orgs = selectors.organisation_list_for_user(request.user, q=request.GET.get("q", "").strip())
    return render(request, "web/organisation_list.html", {"organisations": orgs})


@login_required_or_404
def organisation_detail(request, pk):
    org = selectors.organisation_get_for_user(request.user, pk)
    return render(request, "web/organisation_detail.html", {"organisation": org})
