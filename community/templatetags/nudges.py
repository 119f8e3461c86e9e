"""Next to a field screening asked the writer to reconsider (a nudge): the words it matched and what could help.

The page's notice says "change the words marked below"; this marks them as the service's decision found them
(services.stories.Nudge): the same screening, in the same space (for minors or not), that asked. Only the
writer's own words, as they typed them, and the safe-messaging suggestions: never which rule fired or how sure
screening was (a member trying words could map the rules with that).
"""

from django import template

register = template.Library()

AROUND = 30  # characters of the writer's text shown either side of a match


def _excerpt(text: str, start: int, end: int) -> dict:
    before = text[max(start - AROUND, 0) : start]
    after = text[end : end + AROUND]
    return {
        "before": ("…" if start > AROUND else "") + before,
        "match": text[start:end],
        "after": after + ("…" if end + AROUND < len(text) else ""),
    }


def _found_in(nudge) -> dict:
    """What the page shows of a services.Nudge: excerpts around its spans, its notes and suggestions."""
    if not nudge:
        return {"marks": [], "notes": [], "suggestions": []}
    text = nudge.text
    marks = [_excerpt(text, start, end) for start, end in nudge.spans if 0 <= start < end <= len(text)]
    return {"marks": marks, "notes": list(nudge.notes), "suggestions": list(nudge.suggestions)}


@register.inclusion_tag("community/partials/nudge_marks.html")
def nudge_marks(field, *, nudge=None, when=True, field_id: str = "", confirm_label: str = ""):
    """{% nudge_marks form.body nudge=nudges.body when=reconsider %}: the words the writer's own decision asked
    them to reconsider in this field (a services.stories.Nudge, from the NeedsConfirmation the view caught), with
    "Edit" (back to the field) and "Post anyway". Nothing unless `when` (the page is asking to reconsider) and
    the decision named this field: the text is never screened again here."""
    found = _found_in(nudge if when else None)
    return {
        **found,
        "field_id": field_id or (field.id_for_label if field is not None else ""),
        "label": field.label if field is not None else "",
        "confirm_label": confirm_label,
    }
