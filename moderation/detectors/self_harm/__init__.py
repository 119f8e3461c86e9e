"""Self-harm and suicide: a crisis now, talk of the past and of recovery, cruelty aimed at others, methods.

Safe-messaging guidance separates these, and so does this detector:

- "crisis": the writer may harm themselves now or soon: first person with intent, a plan or means at hand, a
  timeframe, a goodbye, an attempt in progress, or a first-person request for means.
- "method": how to harm oneself: requests for means, doses, places or techniques, or details of them.
- "recovery" / "self_harm_mention": the writer's own past, their recovery, bereavement by suicide. These
  go behind a content warning and are never refused.
- "harassment": encouragement of self-harm aimed at someone else ("kys", "nobody would miss you").

How a crisis is recognised, by phenomenon rather than by phrasing:

1. Statements that are enough on their own (`crisis`): the writer as subject ("i", "im",
   "ill", or no subject at the start of a sentence: "gonna kms") + an intent ("going to", "wanna", "ready
   to", "thinking about", "cant stop thinking about") + an act in any of its names (`vocabulary`: "kill myself",
   "kms", "unalive", "sewerslide", "ctb", "end it all", "not wake up", "cut", "relapse", ...); an act with a
   timeframe ("tonight", "after the exam", "before my birthday"); a goodbye or last message; an attempt in
   progress ("ive taken all my pills", "standing on the ledge"); means put by for it; passive ideation
   ("i dont want to be here anymore", "i wish i could just not wake up"); not being safe with oneself ("i
   dont trust myself tonight", "talk me out of it"); a farewell framed as a letter ("if youre reading this im
   gone"); the same in Spanish, French, German, Portuguese and Italian.
2. Warning signs that are not enough alone but are together (`signs`): hopelessness, feeling a
   burden, "im done", farewell words ("sorry for everything", "thanks for everything"), putting affairs in
   order (notes written, things given away, passwords left), means at hand or within reach, a place to fall
   from, a plan or a decision, a death wish (🪦), an urge to self-harm or a voice that says to, a near-future
   timeframe, confiding without asking, talk of suicide. Two kinds of sign make a crisis; a timeframe, talk
   of suicide or confiding only count beside a sign that points at an act, and tiredness or a place not
   beside a timeframe alone.
3. A second opinion (`model`): a small logistic-regression model trained at import from
   `data/self_harm_training.tsv` (written for this project; nothing is downloaded). It reads words, pairs
   of words and letter runs, so typos and other languages share features with what it was trained on. It
   only confirms a crisis when the rules saw a warning sign that points at an act, but not enough of them,
   in a first-person text, and its probability is at least MODEL_THRESHOLD; it never raises a crisis alone.
   Without scikit-learn the rules work alone.

Every candidate is then read in its sentence (`context`): talk about the past, an urge resisted, someone
else's words ("my friend said 'i want to die'"), awareness ("if you feel like ending it, call..."),
hypotheticals, fiction and media, negations ("im not going to hurt myself") and hyperbole ("i wanna die 😂",
"id rather die than wear that", "if i have to sit through one more lecture i'll kms") are not a crisis.

Methods (`methods`), the writer's own past and recovery (`mentions`), encouragement aimed at others
(`encouragement`) and library search (`search`) have their own modules; `detector` puts the labels together.
Before any of it, `cues` passes over a post that has none of the words every label needs, which is most
posts and all long runs of punctuation or emoji.

For library search (`kind="search"`), a query is a few words typed by a reader, not a post: any crisis
term at all (a bare "suicide", "self h@rm") is reported as "crisis", because a false alarm only shows
helplines above the results. That is the one crisis vocabulary search and screening share.
"""

from .detector import SelfHarm

__all__ = ["SelfHarm"]
