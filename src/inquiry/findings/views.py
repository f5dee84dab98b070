"""Thin views: parse, authorise through selectors and services, respond."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import ngettext

from inquiry.accounts.guard import require
from inquiry.accounts.roles import Cap, can
from inquiry.errors import InvalidInput
from inquiry.findings import selectors, services
from inquiry.findings.evaluate import evaluate_finding
from inquiry.findings.forms import (
    ActsForm,
    ApproveForm,
    FindingForm,
    WithdrawForm,
    crime_choices,
    pattern_choices,
)
from inquiry.findings.models import Finding
from inquiry.findings.present import approval_reasons, present_evaluation, present_summary
from inquiry.web.boundary import call_service, login_required_or_404, post_only
from inquiry.web.messages import translate_error

PAGE_SIZE = 50


@login_required_or_404
def finding_list(request):
    g = request.GET
    qs = selectors.finding_list_for_user(request.user, status=g.get("status", ""), pattern=g.get("pattern", ""),
                                         crime=g.get("crime", ""))
    page = Paginator(qs, PAGE_SIZE).get_page(g.get("page"))
    labels = dict(pattern_choices())
    rows = [{"finding": f, "patterns": [labels.get(p, p) for p in f.patterns]} for f in page]
    return render(request, "findings/finding_list.html", {
        "page": page, "rows": rows, "filters": g, "statuses": Finding.Status.choices,
        "patterns": pattern_choices(), "crimes": crime_choices()})


def _detail(request, finding: Finding, *, status: int = 200, **forms):
    evaluation = evaluate_finding(finding)
    user = request.user
    draft = finding.status == Finding.Status.DRAFT
    context = {"finding": finding, "ev": present_evaluation(finding, evaluation),
               "approval_reasons": approval_reasons(finding),
               "can_edit": draft and can(user, Cap.CASES_WRITE),
               "can_approve": draft and can(user, Cap.FINDINGS_APPROVE),
               "can_withdraw": (finding.status == Finding.Status.APPROVED and can(user, Cap.FINDINGS_APPROVE))
               or (draft and (can(user, Cap.CASES_WRITE) or can(user, Cap.FINDINGS_APPROVE)))}
    if context["can_approve"]:
        context["approve_form"] = forms.get("approve_form") or ApproveForm(
            initial={"fingerprint": evaluation.fingerprint()})
    if context["can_edit"]:
        acts = finding.acts.select_related("event").order_by("id")
        context["acts_form"] = forms.get("acts_form") or ActsForm(acts=acts)
    if context["can_withdraw"]:
        context["withdraw_form"] = forms.get("withdraw_form") or WithdrawForm()
    return render(request, "findings/finding_detail.html", context, status=status)


@login_required_or_404
def finding_detail(request, pk):
    return _detail(request, selectors.finding_get_for_user(request.user, pk))


@login_required_or_404
def finding_create(request):
    require(request.user, Cap.CASES_WRITE)
    form = FindingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        finding = call_service(form, services.finding_create, actor=request.user, **form.cleaned_data)
        if finding:
            return redirect("findings_detail", pk=finding.pk)
    return render(request, "findings/finding_form.html", {"form": form})


@login_required_or_404
def finding_edit(request, pk):
    finding = selectors.finding_get_for_user(request.user, pk)
    require(request.user, Cap.CASES_WRITE)
    form = FindingForm(request.POST or None, initial=FindingForm.initial_for(finding))
    if request.method == "POST" and form.is_valid():
        if call_service(form, services.finding_update, actor=request.user, finding=finding, **form.cleaned_data):
            return redirect("findings_detail", pk=finding.pk)
    return render(request, "findings/finding_form.html", {"form": form, "finding": finding})


@login_required_or_404
@post_only
def finding_acts(request, pk):
    finding = selectors.finding_get_for_user(request.user, pk)
    require(request.user, Cap.CASES_WRITE)
    current = finding.acts.select_related("event").order_by("id")
    form = ActsForm(request.POST, acts=current)
    if form.is_valid():
        add, unknown = selectors.acts_for_tokens(request.user, form.add_tokens())
        for token in unknown:
            form.add_error("add", translate_error(InvalidInput("No act or event is called “{value}”.", value=token)))
        remove = [a for a in current if str(a.pk) in set(form.cleaned_data["remove"])]
        if not form.errors and call_service(form, services.finding_acts_set, actor=request.user, finding=finding,
                                            add=add, remove=remove):
            return redirect("findings_detail", pk=finding.pk)
    return _detail(request, finding, acts_form=form, status=400)


@login_required_or_404
@post_only
def finding_collect(request, pk):
    finding = selectors.finding_get_for_user(request.user, pk)
    require(request.user, Cap.CASES_WRITE)
    count = services.finding_collect_acts(actor=request.user, finding=finding)
    messages.success(request, ngettext("%(count)d matching act was added.", "%(count)d matching acts were added.",
                                       count) % {"count": count})
    return redirect("findings_detail", pk=finding.pk)


@login_required_or_404
@post_only
def finding_approve(request, pk):
    finding = selectors.finding_get_for_user(request.user, pk)
    require(request.user, Cap.FINDINGS_APPROVE)
    form = ApproveForm(request.POST)
    if form.is_valid() and call_service(form, services.finding_approve, actor=request.user, finding=finding,
                                        override_reason=form.cleaned_data["override_reason"],
                                        seen_fingerprint=form.cleaned_data["fingerprint"] or None):
        return redirect("findings_detail", pk=finding.pk)
    return _detail(request, finding, approve_form=form, status=400)


@login_required_or_404
@post_only
def finding_withdraw(request, pk):
    finding = selectors.finding_get_for_user(request.user, pk)
    if not (can(request.user, Cap.CASES_WRITE) or can(request.user, Cap.FINDINGS_APPROVE)):
        require(request.user, Cap.FINDINGS_APPROVE)
    form = WithdrawForm(request.POST)
    if form.is_valid() and call_service(form, services.finding_withdraw, actor=request.user, finding=finding,
                                        reason=form.cleaned_data["reason"]):
        return redirect("findings_detail", pk=finding.pk)
    return _detail(request, finding, withdraw_form=form, status=400)


@login_required_or_404
def pattern_summary(request):
    summary = selectors.pattern_summary_for_user(request.user)
    return render(request, "findings/pattern_summary.html", present_summary(summary))
