"""Encouragement of self-harm aimed at someone else ("kys", "nobody would miss you"): harassment, not a crisis."""

import re

from ...text import Normalised
from ..phrasing import first, phrases
from ..reported import reported

# Encouragement of self-harm aimed at someone else.
_AT_SOMEONE = phrases(
    r"kys|k~y~s",
    r"(?:go |just |pls |please |should |gonna )?(?:kill|hang|off|unalive|end|neck|rope|delete|shoot) "
    r"(?:your~self|ur~self|yo~self|urself|yourselves)",
    r"(?:go|just|pls|please) (?:die|jump|drink bleach|cut deeper|starve)",
    r"(?:no~one|nobody|noone) (?:would|will|is going to|gonna) (?:miss|care about|cry for|notice) (?:you|u)",
    r"(?:no~one|nobody|noone) (?:would|will) care if (?:you|u) (?:die|died|were gone|disappeared|killed)",
    r"(?:world|everyone|everybody|we|this site|your family) (?:would be|will be|is|are|d be) better "
    r"(?:off )?without (?:you|u|people like you)",
    r"do (?:us|everyone|everybody|the world|your family) a favou?r {w2}(?:die|disappear|kill|end|jump|leave)",
    r"(?:you|u) should (?:just |really |go )?(?:die|kill (?:your|ur)~self|kys|end it|unalive|disappear|"
    r"cut deeper|try harder next time|starve)",
    r"why (?:dont|do not|cant) (?:you|u) (?:just )?(?:die|kill (?:your|ur)~self|kys|end it|disappear)",
    r"(?:hope|wish) (?:you|u) (?:die|died|relapse|cut|were dead|kill (?:your|ur)~self|never wake up)",
    r"drink bleach",
    # wishing an attempt succeeds: "hope u finally go through with it", "i hope you do it properly next time"
    r"(?:hope|wish|pray) (?:that )?(?:you|u|ya) (?:actually |finally |really |just )?(?:do it|go through with it|"
    r"follow through|succeed|get it right|manage it) (?:this time|next time|properly|for real|right|already|soon)",
    r"(?:you|u) (?:failed|couldnt even) {w2}(?:attempt|kill (?:your|ur)~self|do it right)",
    r"(?:next time|try again) {w2}(?:do it right|try harder|succeed|use more)",
    r"(?:stop|quit) (?:being )?(?:attention seeking|faking) {w3}(?:do it|kill|die|cut)",
    r"(?:just )?do it already",
    r"(?:matate|suicidate|se mata|te mata|tuez vous|tue toi|va te tuer|bring dich um|toete dich|ammazzati|"
    r"ucciditi|mata te)(?![a-z])",
)
_KYS_CARING = phrases(r"keep (?:your|ur)~self safe", r"kys ?= ?keep")
# "please don't kill yourself", "never hurt yourself": support, not encouragement.
_SUPPORT_BEFORE = re.compile(
    r"(?<![a-z])(?:dont|do not|never|please dont|pls dont|dont you|dont ever|not to|promise me you wont|"
    r"dont want you to|dont want u to|nobody wants you to)[^a-z0-9]+(?:ever[^a-z0-9]+|even[^a-z0-9]+|go[^a-z0-9]+)?$"
)


def aimed_at_someone(normalised: Normalised):
    """The first encouragement of self-harm aimed at someone else, unless it is support, "keep yourself safe", or
    someone else's words reported or talked about."""
    at_someone = first(_AT_SOMEONE, normalised)
    if at_someone is not None and _SUPPORT_BEFORE.search(at_someone.string[: at_someone.start()]):
        return None
    if at_someone is not None and reported(at_someone.string, at_someone.start(), at_someone.end()):
        return None
    if at_someone is not None and first(_KYS_CARING, normalised) is None:
        return at_someone
    return None
