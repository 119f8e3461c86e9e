"""Harassment, bullying and hate: insults and threats aimed at a person, humiliation, pile-ons, exclusion,
telling someone to harm themselves, sextortion, dehumanising language about protected groups, calls to
exclude or hurt them, and slurs.

Two parts, both reading the normalised text (so "u r a l0$er", "i.d.i.o.t" and zero-width tricks are seen;
the detector also reads "@name" mentions, which the normaliser turns into letters, masked letters such as
"b*tch", and insults glued together by spelled-out letters, "s.t.u.p.i.d b.i.t.c.h"):

- Rules (precompiled regular expressions) for the phenomena: an insult needs a target ("you", "ur", "u r",
  an @mention, "she's", "your face is...", "you look like a...") or stands alone as the whole reply; a
  hate statement needs a protected group and a dehumanising, inferiorising, conspiratorial or
  eliminationist predicate; a threat needs a speaker and a victim. Each rule carries its label and
  score: threats, hate, sextortion, pile-ons, humiliation of someone's body or family, mocking a
  disclosure and telling someone to harm themselves score >= 0.8 (the policy refuses); plain insults,
  exclusion and hostile criticism 0.6-0.75 (held for a moderator). An insult's score is its word's tier:
  body, sexual and dehumanising insults 0.85, other strong ones 0.75, mild ones 0.65. Insult and hate rules
  read copies of the text in which each insult or group name is replaced, letter for letter, by a mark, so
  the large lexicons are compiled once (INSULT_MENTION, GROUP_MENTION) and the rules stay small.
- A small logistic-regression model (scikit-learn, trained when this package is imported from the texts in
  `moderation/detectors/data/harassment_training*.tsv`, written for this project; nothing is downloaded)
  that catches directed abuse the rules miss. It only adds a "harassment" label, at hold level, when the
  text has a target and a content word (not "you", "your", "should") weighs for abuse. Without
  scikit-learn the detector runs on the rules alone.

Things that must not fire: banter ("you absolute idiot, love you"), self-talk ("I'm so stupid"), praise
("you killed it"), jokes with a trivial condition ("I'll kill you if you spoil the finale"), game talk
("I'm gonna destroy you at chess"), support ("nobody thinks you're stupid"), and talk ABOUT hate or
bullying: a match preceded by reporting or condemning words ("someone called me...", "learn why calling
... is dehumanising"), followed by a condemnation ("... is racist"), or quoted in a text about saying it
('why do people write "kys"?'). Such matches score below REPORTED and are not returned, because the policy
holds every harassment label whatever its score. A threat written with laughter ("lol") is held as
harassment rather than refused as violence; "I'll kill you lol" is the idiom and is not returned.

Slurs are never written in this repository: the placeholder "[slur]" matches, and
`moderation/detectors/data/slur_hashes.txt` may hold SHA-256 digests of normalised slur tokens.

Layout:

- lexicon.py: the word lists (insults by tier, targets, groups and hate predicates, threats), the marks
  that stand for an insult or a group, slur digests, and the helpers that build patterns from word lists.
- readings.py: how a text is read before any rule runs: mentions, masked letters, the insults in it and
  the insult reading, the group reading, and the words that decide which rules run.
- context.py: what changes a match's meaning: reporting, condemning, support, quotation, banter,
  trivial conditions and games.
- rules/: the compiled rules, one module per phenomenon, and RULES in the order they are tried.
- bare_insults.py: insults said alone, without "you".
- model.py: the scikit-learn model, trained at import.
- detector.py: the Harassment class and the scores the policy reads.
"""

from .detector import SEVERE_THREAT, Harassment
from .lexicon import slur_hash
from .model import training_texts

__all__ = ["SEVERE_THREAT", "Harassment", "slur_hash", "training_texts"]
