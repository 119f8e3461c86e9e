"""Next to a field screening asked the writer to reconsider (a nudge): the words it matched and what could help.

The page's notice says "change the words marked below"; this marks them as the service's decision found them
(services.stories.Nudge): the same screening, in the same space (for minors or not), that asked. Only the
writer's own words, as they typed them, and the safe-messaging suggestions: never which rule fired or how sure
screening was (a member trying words could map the rules with that).
"""

from django import template

from moderation.decision import Action
from moderation.policy import POLICY, policy_key
from moderation.services import screen
from moderation.suggestions import suggest

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


def nudge_marks_of(text: str, *, kind: str, author, warnings=()) -> dict:
    """What screening would ask the author to reconsider in `text`: excerpts with the matched words, and the
    suggestions for it; `notes` say what a nudge found in the text as a whole (no words to mark). Empty lists
    when nothing in this text is a nudge."""
    decision = screen(text=text, kind=kind, author=author)
    spans, notes = set(), []
    for label in decision.labels:
        outcome = POLICY.get(policy_key(label, kind=kind, standing=""))
        if outcome is None or outcome.action != Action.NUDGE:
            continue
        if label.span and 0 <= label.span[0] < label.span[1] <= len(text):
            spans.add(tuple(label.span))
        elif outcome.message:  # found in the whole text, not in some words: say what it is about
            notes.append(str(outcome.message))
    marks = [_excerpt(text, start, end) for start, end in sorted(spans)]
    notes = list(dict.fromkeys(notes))
    suggestions = suggest(decision, text, content_warnings=warnings) if marks or notes else []
    return {"marks": marks, "notes": notes, "suggestions": [item["message"] for item in suggestions]}


def _found_in(nudge) -> dict:
    """What the page shows of a services.Nudge: excerpts around its spans, its notes and suggestions."""
    if not nudge:
        return {"marks": [], "notes": [], "suggestions": []}
    text = nudge.text
    marks = [_excerpt(text, start, end) for start, end in nudge.spans if 0 <= start < end <= len(text)]
    return {"marks": marks, "notes": list(nudge.notes), "suggestions": list(nudge.suggestions)}


@register.inclusion_tag("community/partials/nudge_marks.html", takes_context=True)
def nudge_marks(
    context, field, *, nudge=None, kind: str = "", when=True, field_id: str = "", confirm_label: str = "", warnings=()
):
    """{% nudge_marks form.body nudge=nudges.body when=reconsider %}: the words the writer's own decision asked
    them to reconsider in this field (a services.stories.Nudge, from the NeedsConfirmation the view caught), with
    "Edit" (back to the field) and "Post anyway". Nothing unless `when` (the page is asking to reconsider).

    Pages whose service does not say which words yet (the profile settings) leave out `nudge` and give `kind`:
    the field is then screened again here, as the profile is (no space for minors, nothing it replaces)."""
    found = {"marks": [], "notes": [], "suggestions": []}
    if when and nudge is not None:
        found = _found_in(nudge)
    elif when and kind:
        found = _screened_again(context, field, kind=kind, warnings=warnings)
    return {
        **found,
        "field_id": field_id or (field.id_for_label if field is not None else ""),
        "label": field.label if field is not None else "",
        "confirm_label": confirm_label,
    }


def _screened_again(context, field, *, kind: str, warnings=()) -> dict:
    value = field.value() if field is not None else None
    if isinstance(value, (list, tuple)):
        value = " ".join(str(item) for item in value)
    if not (isinstance(value, str) and value.strip()):
        return {"marks": [], "notes": [], "suggestions": []}
    author = getattr(context.get("request"), "user", None)
    return nudge_marks_of(
        value,
        kind=kind,
        author=author if getattr(author, "is_authenticated", False) else None,
        warnings=warnings or (),
    )
