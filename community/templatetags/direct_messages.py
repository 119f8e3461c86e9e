"""`{% message_button person %}`: a "Message" button on a profile, only when the viewer may write to them."""

from django import template

from ..selectors.messages import message_link

register = template.Library()


@register.inclusion_tag("community/messages/_profile_button.html", takes_context=True)
def message_button(context, person):
    request = context.get("request")
    viewer = getattr(request, "user", None)
    return {"url": message_link(viewer=viewer, person=person) if viewer is not None else ""}
