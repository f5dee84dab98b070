from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from inquiry.people import linkage_selectors as selectors
from inquiry.people import linkage_services as services
from inquiry.web.boundary import login_required_or_404, post_only


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


@login_required_or_404
def link_candidate(request, pk):
    candidate = selectors.link_candidate_get_for_user(request.user, pk)
    if request.method == "POST":
        services.link_judge(actor=request.user, candidate=candidate, verdict=request.POST.get("verdict", ""),
                            note=request.POST.get("note", ""))
        nxt = selectors.link_queue_for_user(request.user).first()
        return redirect("link_candidate", pk=nxt.pk) if nxt else redirect("link_queue")
    # The waterfall: the prior, then each comparison's level and weight (log2 Bayes factor).
    rows = [{"name": name, "level": part.get("level", ""), "weight": part.get("match_weight")}
            for name, part in candidate.explanation.items() if isinstance(part, dict)]
    return render(request, "web/link_candidate.html", {"c": candidate, "rows": rows,
                                                       "prior": candidate.explanation.get("prior")})
