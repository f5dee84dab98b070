"""Forms of the public site's staff pages: they parse; the services validate and decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from inquiry.publicsite.models import FaqEntry, Page

MARKUP_HELP = _("Plain text. A blank line starts a new paragraph; lines starting with “- ” make a list; "
                "**bold**; [text](https://address) makes a link. HTML is shown as typed, never run.")


def _text(label, *, required=False, rows=None, max_length=None):
    widget = forms.Textarea(attrs={"rows": rows}) if rows else None
    return forms.CharField(label=label, required=required, widget=widget, max_length=max_length,
                           strip=True, help_text=MARKUP_HELP if rows else "")


class PageForm(forms.Form):
    key = forms.SlugField(label=_("Key"), max_length=60,
                          help_text=_("Lower-case letters, digits and hyphens; used as the section's anchor."))
    section = forms.ChoiceField(label=_("Section"), choices=Page.Section.choices)
    order = forms.IntegerField(label=_("Order"), min_value=0, max_value=100000, initial=100)
    published = forms.BooleanField(label=_("Published"), required=False)
    lists_patterns = forms.BooleanField(label=_("List the mandate's patterns after the text"), required=False)
    title_en = _text(_("Title (English)"), required=True, max_length=200)
    body_en = _text(_("Text (English)"), required=True, rows=10)
    title_ko = _text(_("Title (Korean)"), max_length=200)
    body_ko = _text(_("Text (Korean)"), rows=10)
    title_ja = _text(_("Title (Japanese)"), max_length=200)
    body_ja = _text(_("Text (Japanese)"), rows=10)

    @staticmethod
    def initial_for(page: Page) -> dict:
        return {name: getattr(page, name) for name in PageForm.base_fields}


class FaqForm(forms.Form):
    key = forms.SlugField(label=_("Key"), max_length=60,
                          help_text=_("Lower-case letters, digits and hyphens; used as the question's anchor."))
    topic = forms.ChoiceField(label=_("Topic"), choices=FaqEntry.Topic.choices)
    order = forms.IntegerField(label=_("Order"), min_value=0, max_value=100000, initial=100)
    published = forms.BooleanField(label=_("Published"), required=False)
    question_en = _text(_("Question (English)"), required=True, max_length=300)
    answer_en = _text(_("Answer (English)"), required=True, rows=6)
    question_ko = _text(_("Question (Korean)"), max_length=300)
    answer_ko = _text(_("Answer (Korean)"), rows=6)
    question_ja = _text(_("Question (Japanese)"), max_length=300)
    answer_ja = _text(_("Answer (Japanese)"), rows=6)

    @staticmethod
    def initial_for(entry: FaqEntry) -> dict:
        return {name: getattr(entry, name) for name in FaqForm.base_fields}


class PublishFindingForm(forms.Form):
    slug = forms.SlugField(label=_("Public address"), max_length=80,
                           help_text=_("The last part of the public address, for example arbitrary-detention-1997."))
    title_en = _text(_("Title (English)"), required=True, max_length=300)
    summary_en = _text(_("Summary (English)"), required=True, rows=8)
    title_ko = _text(_("Title (Korean)"), max_length=300)
    summary_ko = _text(_("Summary (Korean)"), rows=8)
    title_ja = _text(_("Title (Japanese)"), max_length=300)
    summary_ja = _text(_("Summary (Japanese)"), rows=8)


class PublishStatisticsForm(forms.Form):
    title_en = _text(_("Title (English)"), required=True, max_length=300)
    note_en = _text(_("Note or estimate (English)"), rows=5)
    title_ko = _text(_("Title (Korean)"), max_length=300)
    note_ko = _text(_("Note or estimate (Korean)"), rows=5)
    title_ja = _text(_("Title (Japanese)"), max_length=300)
    note_ja = _text(_("Note or estimate (Japanese)"), rows=5)


class WithdrawPublicationForm(forms.Form):
    reason = forms.CharField(label=_("Reason for withdrawal"), widget=forms.Textarea(attrs={"rows": 2}))
