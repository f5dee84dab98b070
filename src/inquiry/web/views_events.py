from django.core.paginator import Paginator
from django.shortcuts import redirect, render

from inquiry.accounts.guard import require
from inquiry.accounts.roles import Cap
from inquiry.cases import selectors, services
from inquiry.cases.models import Source
from inquiry.cases.vocabulary import known_act_types
from inquiry.errors import InvalidInput
from inquiry.people.models import Organisation, Person
from inquiry.web.boundary import call_service, login_required_or_404
from inquiry.web.forms import ActForm, EventForm, LinkForm
from inquiry.web.labels import act_type_choices
from inquiry.web.messages import translate_error

PAGE_SIZE = 50


@login_required_or_404
def event_list(request):
    g = request.GET
    qs = selectors.event_list_for_user(request.user, q=g.get("q", "").strip(), act_type=g.get("act_type", ""),
                                       period=g.get("period", ""))
    page = Paginator(qs, PAGE_SIZE).get_page(g.get("page"))
    return render(request, "web/event_list.html", {"page": page, "filters": g, "act_types": act_type_choices()})


@login_required_or_404
def event_detail(request, pk):
    event = selectors.event_get_for_user(request.user, pk)
    return render(request, "web/event_detail.html", {"event": event})


@login_required_or_404
def event_create(request):
    require(request.user, Cap.CASES_WRITE)
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        event = call_service(form, services.event_create, actor=request.user, **form.cleaned_data)
        if event:
            return redirect("event_detail", pk=event.pk)
    return render(request, "web/simple_form.html", {"form": form, "heading": "event_new"})


@login_required_or_404
def event_edit(request, pk):
    event = selectors.event_get_for_user(request.user, pk)
    require(request.user, Cap.CASES_WRITE)
    initial = {"title": event.title, "description": event.description, "date": event.date_edtf,
               "place": event.place.code if event.place else ""}
    form = EventForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if call_service(form, services.event_update, actor=request.user, event=event, **form.cleaned_data):
            return redirect("event_detail", pk=event.pk)
    return render(request, "web/simple_form.html", {"form": form, "heading": "event_edit", "object": event})


def _resolve(form, model, codes, field, error):
    found = {obj.code: obj for obj in model.objects.filter(code__in=codes)}
    for code in codes:
        if code not in found:
            form.add_error(field, translate_error(error(code)))
    return list(found.values())


@login_required_or_404
def act_create(request, pk):
    event = selectors.event_get_for_user(request.user, pk)
    require(request.user, Cap.CASES_WRITE)
    form = ActForm(request.POST or None, act_types=act_type_choices())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        victims = _resolve(form, Person, form.victim_codes(), "victims",
                           lambda code: InvalidInput("No person has the code {value}.", value=code))
        orgs = _resolve(form, Organisation, [data["perpetrator_org"]] if data["perpetrator_org"] else [],
                        "perpetrator_org",
                        lambda code: InvalidInput("No organisation has the code {value}.", value=code))
        if not form.errors:
            act = call_service(form, services.act_add, actor=request.user, event=event, act_type=data["act_type"],
                               date=data["date"], place=data["place"], description=data["description"],
                               victims=victims, perpetrators=[(None, o, data["involvement"]) for o in orgs])
            if act:
                return redirect("event_detail", pk=event.pk)
    return render(request, "web/simple_form.html", {"form": form, "heading": "act_new", "object": event})


@login_required_or_404
def act_link_create(request, pk):
    act = selectors.act_get_for_user(request.user, pk)
    require(request.user, Cap.CASES_WRITE)
    form = LinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        source = selectors.source_choices_for_user(request.user).filter(code=data["source"].strip()).first()
        if source is None:
            form.add_error("source", translate_error(InvalidInput("No source has the code {value}.",
                                                                  value=data["source"])))
        elif call_service(form, services.act_link_source, actor=request.user, act=act, source=source,
                          mode=data["mode"], reliability=data["reliability"], passage=data["passage"],
                          informant=data["informant"], elements=form.element_refs()):
            return redirect("event_detail", pk=act.event_id)
    return render(request, "web/simple_form.html", {"form": form, "heading": "link_new", "object": act.event,
                                                    "source_kinds": Source.Kind.choices,
                                                    "known": bool(known_act_types())})
