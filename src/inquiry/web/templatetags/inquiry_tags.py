from django import template

from inquiry.web.labels import act_type_label

register = template.Library()


@register.filter(name="act_type")
def act_type_filter(code: str) -> str:
    """An act type code shown as its label in the active language."""
    return act_type_label(code)
