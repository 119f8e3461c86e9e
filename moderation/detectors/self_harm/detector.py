"""The detector: labels for one text, from the parts of this package."""

from ...decision import Label
from ...text import Normalised
from ..phrasing import first, label, readings
from .context import FIRST_PERSON, THIRD_PERSON
from .crisis import find as find_crisis
from .cues import any_cue
from .encouragement import aimed_at_someone
from .mentions import BEREAVED, EATING_DISORDER, OWN_STRUGGLE, RECOVERY, own_mention
from .methods import METHOD_DETAIL, asks_about, asks_for_themselves, method_request
from .model import MODEL, Model
from .search import search


class SelfHarm:
    """Crisis, method, recovery and self-harm mentions, and self-harm encouragement aimed at others."""

    name = "self_harm"

    def __init__(self, model: "Model | None | bool" = True):
        self._model = MODEL if model is True else (model or None)

    def detect(self, normalised: Normalised, kind: str) -> list[Label]:
        if kind == "search":
            return search(normalised, self.name)
        if not any_cue(readings(normalised)):
            return []
        text = normalised.text
        labels: list[Label] = []

        at_someone = aimed_at_someone(normalised)
        if at_someone is not None:
            labels.append(label("harassment", self.name, normalised, at_someone))
            at_someone_span = at_someone.span()
        else:
            at_someone_span = None

        method = method_request(normalised)
        if at_someone_span and method is not None and asks_about(normalised, at_someone_span):
            labels.pop()  # "the easiest way to kill yourself?" asks about means; it is not aimed at anyone
            at_someone_span = None
        crisis, score = find_crisis(normalised, exclude=at_someone_span, model=self._model)
        detail = None if method else first(METHOD_DETAIL, normalised)
        if method is not None:
            labels.append(label("method", self.name, normalised, method))
            if crisis is None and asks_for_themselves(text, method):
                crisis, score = method, 1.0  # the person asking for means is often the person at risk
        if crisis is not None:
            labels.append(label("crisis", self.name, normalised, crisis, score=score))
            return labels

        first_person = FIRST_PERSON.search(text) is not None
        # "6 months sh free" names no one, so it is the writer; "teens with suicidal thoughts" is someone else
        own = own_mention(normalised) if first_person or not THIRD_PERSON.search(text) else None
        bereaved = first(BEREAVED, normalised)
        if detail is not None and (own is not None or first_person):
            labels.append(label("method", self.name, normalised, detail, score=0.8))
        if own is not None:
            labels.append(label("self_harm_mention", self.name, normalised, own))
        elif bereaved is not None and first_person:
            labels.append(label("self_harm_mention", self.name, normalised, bereaved))
        # Talk of one's own self-harm that is not a crisis is talk of getting through it, unless it is the
        # method details (past experience told as how-to is held, not celebrated).
        if own is not None and detail is None:
            labels.append(label("recovery", self.name, normalised, own, score=0.8))
        elif own is None and bereaved is None and first_person and not EATING_DISORDER.search(text):
            struggle = first(OWN_STRUGGLE, normalised)
            recovery = first(RECOVERY, normalised) if struggle is not None else None
            if recovery is not None:
                labels.append(label("recovery", self.name, normalised, recovery))
        return labels
