"""Someone else's words reported, quoted or talked about, rather than said by the writer to someone.

"a boy in my class keeps texting me kys", "if anyone tells you to kill yourself, report it", "i used to laugh at
kys jokes", "she said 'go die' to me": the cruel words are there, but the writer is telling what was said, asking
what to do, or condemning it. Read in the words just before a match (its sentence, at most WINDOW characters) and
just after it; the writer's own "im telling you, kys" is not reported speech. Shared by the self-harm detector's
encouragement check and the harassment detector's self-harm-encouragement rules, so both read the same grammar.
"""

import re

WINDOW = 80
_REPORTED_BEFORE = re.compile(
    r"(?<![a-z])(?:told|tells|telling|tell|said|says|saying|say|called|calls|calling|texted|texts|texting|messaged|"
    r"messages|messaging|dmd|dmed|dms|dming|dmin|inboxed|sent|sends|wrote|writes|commented|comments|posted|posts|yelled|yells|shouted|"
    r"shouts|screamed|whispered|replied|replies|think|thought|thinks|joke|jokes|joking|laugh|laughed|laughing|"
    r"heard|hear|hearing|read|receive|received|word|words|phrase|phrases)(?![a-z])[^.!?\n]*$"
)
_WRITER_SAYS = re.compile(
    r"(?<![a-z])(?:im|i am|i m|i|ill|i will|i ll|im just|just)\s+(?:telling|tell|saying|say)\s+(?:you|u|ya|it)"
    r"(?![a-z])[^.!?\n]{0,12}$"
)
# Words after the match that treat it as words: "... jokes arent funny", "... is never ok", "... to me".
_TALKED_ABOUT_AFTER = re.compile(
    r"[^a-z0-9]*(?:jokes?|comments?|messages?|memes?|dms|texts?|posts?|is (?:not|never|so|really|a)|isnt|arent|"
    r"are not|was (?:not|never|so)|to me|at me|to (?:him|her|them|my)|in (?:my|the|their) (?:dms|comments|replies|"
    r"chat)|under my|on my (?:post|video|pic|photo))(?![a-z])"
)


def reported(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is someone else's words reported or talked about, not the writer's own."""
    before = text[max(0, start - WINDOW) : start]
    if _REPORTED_BEFORE.search(before) and not _WRITER_SAYS.search(before):
        return True
    return _TALKED_ABOUT_AFTER.match(text, end) is not None
