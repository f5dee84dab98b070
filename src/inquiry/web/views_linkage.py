from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inquiry.people import linkage_selectors as selectors
from inquiry.people import linkage_services as services
from inquiry.people.selectors import person_act_places_for_user
from inquiry.web.boundary import login_required_or_404, post_only

# The comparisons of the linkage model (inquiry.linkage.model), named for reviewers.
COMPARISON_LABELS = {
    "name": gettext_lazy("Names"),
    "birth_date": gettext_lazy("Birth date"),
    "sex": gettext_lazy("Sex"),
    "nationality": gettext_lazy("Nationality"),
    "places": gettext_lazy("Birth place and last-seen place"),
    "facility": gettext_lazy("Facility"),
    "relatives": gettext_lazy("Relatives"),
    "source": gettext_lazy("Source list"),
}
BAR_SCALE = 10.0  # a weight of ±10 (a Bayes factor of about 1,000) fills the bar


@login_required_or_404
def link_queue(request):
    queue = selectors.link_queue_for_user(request.user)
    page = Paginator(queue, 50).get_page(request.GET.get("page"))
    return render(request, "web/link_queue.html", {"page": page, "run": selectors.last_run_for_user(request.user),
                                                   "filters": request.GET})


@login_required_or_404
@post_only
def link_run(request):
    run = services.linkage_run(actor=request.user)
    messages.info(request, _("Linkage compared %(records)d persons. Pairs waiting for review: %(review)d.")
                  % {"records": run.n_records, "review": run.n_review})
    return redirect("link_queue")


def _waterfall(explanation: dict) -> list[dict]:
    """The comparisons in the order the model applied them, with a bar for each weight."""
    rows = []
    for name, part in explanation.items():
        if not isinstance(part, dict):
            continue
        weight = part.get("match_weight")
        width = min(abs(weight or 0.0) / BAR_SCALE, 1.0) * 100
        rows.append({"name": name, "label": str(COMPARISON_LABELS.get(name, name.replace("_", " "))),
                     "level": part.get("level", ""), "weight": weight, "width": round(width),
                     "for": (weight or 0.0) >= 0})
    return rows


def _facts(c, places: dict) -> list[dict]:
    """The side-by-side rows; ``differs`` marks rows where both records have a value and they differ."""
    a, b = c.person_a, c.person_b
    rows = [
        ("birth_date", _("Birth date"), a.date_edtf, b.date_edtf),
        ("sex", _("Sex"), a.get_sex_display() if a.sex != "unknown" else "", b.get_sex_display() if b.sex != "unknown"
         else ""),
        ("nationality", _("Nationality"), a.nationality, b.nationality),
        ("birth_place", _("Birth place"), str(a.birth_place or ""), str(b.birth_place or "")),
        ("last_seen_place", _("Last seen at"), str(a.last_seen_place or ""), str(b.last_seen_place or "")),
        ("status", _("Status"), a.get_status_display(), b.get_status_display()),
        ("places", _("Places of acts suffered"), "; ".join(places.get(a.pk, [])), "; ".join(places.get(b.pk, []))),
    ]
    return [{"key": key, "label": label, "a": va, "b": vb, "differs": bool(va and vb and va != vb)}
            for key, label, va, vb in rows]


@login_required_or_404
def link_candidate(request, pk):
    candidate = selectors.link_candidate_get_for_user(request.user, pk)
    if request.method == "POST":
        services.link_judge(actor=request.user, candidate=candidate, verdict=request.POST.get("verdict", ""),
                            note=request.POST.get("note", ""))
        nxt = selectors.link_queue_for_user(request.user).first()
        return redirect("link_candidate", pk=nxt.pk) if nxt else redirect("link_queue")
    places = person_act_places_for_user(request.user, [candidate.person_a_id, candidate.person_b_id])
    waiting = selectors.link_queue_for_user(request.user).count()
    return render(request, "web/link_candidate.html", {
        "c": candidate, "rows": _waterfall(candidate.explanation), "prior": candidate.explanation.get("prior"),
        "facts": _facts(candidate, places), "waiting": waiting,
        "percent": round((candidate.probability or 0.0) * 100)})
