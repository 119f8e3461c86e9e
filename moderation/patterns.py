"""Rule patterns turned into regular expressions over normalised text, and the safety check of staff regexes.

Words and phrases are written by staff in plain letters and compiled so that the evasions the normaliser
cannot undo alone still match: a letter may be stretched ("kiill"), words of a phrase may be written together
or apart ("self harm", "self-harm", "selfharm"). The compiled expressions have no ambiguous nested
repetition, so they run in linear time on any text.

A regular expression written by staff is refused when it nests unbounded repetition inside a repeated group
(`(a+)+`, `(.*a){20}`), or when it cannot finish in bounded time on adversarial strings (checked with the
`regex` package's timeout).
"""

import re
import time
from re import _parser as sre_parse  # the stdlib's own parser of pattern syntax, for the nesting check

import regex
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .text import normalise

MATCH_TIMEOUT = 0.05  # seconds one regex rule may take on one text while screening
CHECK_TIMEOUT = 0.1  # seconds one adversarial string may take when a regex rule is saved
_WORD_CHARS = "[a-z0-9]"
_GAP = "[^a-z0-9]*"  # between words of a phrase: nothing, spaces or signs
_ANY_WORDS = "(?:[^a-z0-9]+[a-z0-9]+(?![a-z0-9])){0,3}"  # a lone * in a phrase: up to three words
_START = "(?<![a-z0-9])"
_END = "(?![a-z0-9])"


def compile_pattern(pattern: str, pattern_type: str):
    """The compiled `regex` expression of a rule, to run on `Normalised.variants`."""
    if pattern_type == "regex":
        return regex.compile(pattern, regex.IGNORECASE | regex.VERSION0)
    return regex.compile(_literal_expression(pattern, phrase=pattern_type == "phrase"))


def _literal_expression(pattern: str, *, phrase: bool) -> str:
    # The rule's own text is read like the texts it is matched against ("S3lf-Harm" is "self-harm").
    text = normalise(pattern).text
    parts: list[str] = []
    for token in re.findall(r"[a-z0-9*]+", text):
        if not token.strip("*"):
            if phrase and parts and parts[-1] != _ANY_WORDS:
                parts.append(_ANY_WORDS)
            continue
        if parts:
            parts.append(_GAP)
        parts.append(_token_expression(token))
    if not parts:
        return "(?!)"  # a pattern with nothing to match matches nothing
    return _START + "".join(parts) + _END


def _token_expression(token: str) -> str:
    """Each run of one letter may be stretched: "kill" -> k+i+l{2,}; "*" inside a word is any letters."""
    out = []
    for run in re.finditer(r"([a-z0-9])\1*|\*+", token):
        if run.group().startswith("*"):
            out.append(_WORD_CHARS + "*")
        else:
            char = re.escape(run.group(1))
            out.append(f"{char}+" if len(run.group()) == 1 else f"{char}{{2,}}")
    return "".join(out)


def check_pattern(pattern: str, pattern_type: str) -> None:
    """Raise ValidationError if the rule's pattern cannot be used."""
    if pattern_type != "regex":
        if not re.search(r"[^\W_]", normalise(pattern).text):
            raise ValidationError(_("The pattern must contain at least one letter or digit."))
        return
    try:
        compiled = regex.compile(pattern, regex.IGNORECASE | regex.VERSION0)
    except (regex.error, ValueError, OverflowError, RecursionError) as error:
        raise ValidationError(_("This is not a valid regular expression: %(error)s.") % {"error": error}) from None
    if compiled.fullmatch("") is not None:
        raise ValidationError(_("This expression matches empty text, so it would fire on everything."))
    if _has_nested_repetition(pattern):
        raise ValidationError(
            _(
                "This expression repeats a group that itself repeats without limit (like (a+)+ or (.*a){20}); "
                "it can take exponential time. Rewrite it without the nested repetition."
            )
        )
    for sample in _adversarial_strings(pattern):
        started = time.perf_counter()
        try:
            compiled.search(sample, timeout=CHECK_TIMEOUT)
        except TimeoutError:
            raise ValidationError(
                _("This expression takes too long on some texts (catastrophic backtracking); simplify it.")
            ) from None
        if time.perf_counter() - started > CHECK_TIMEOUT:
            raise ValidationError(_("This expression takes too long on some texts; simplify it."))


def _has_nested_repetition(pattern: str) -> bool:
    """Whether a repeated group (more than once) contains a repetition without an upper bound."""
    try:
        parsed = sre_parse.parse(pattern)
    except Exception:  # noqa: BLE001 - syntax only `regex` knows; the timing check still applies
        return False
    return _walk(parsed, inside_repeat=False)


_REPEATS = {sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, getattr(sre_parse, "POSSESSIVE_REPEAT", None)} - {None}


def _walk(items, *, inside_repeat: bool) -> bool:
    for op, value in items:
        if op in _REPEATS:
            _low, high, sub = value
            if inside_repeat and high == sre_parse.MAXREPEAT:
                return True
            children, repeated = [sub], inside_repeat or high > 1
        elif op == sre_parse.BRANCH:
            children, repeated = value[1], inside_repeat
        elif op == sre_parse.SUBPATTERN:
            children, repeated = [value[-1]], inside_repeat
        elif op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT):
            children, repeated = [value[1]], inside_repeat
        elif op == getattr(sre_parse, "ATOMIC_GROUP", None):
            children, repeated = [value], inside_repeat
        else:
            continue
        if any(_walk(child, inside_repeat=repeated) for child in children):
            return True
    return False


def _adversarial_strings(pattern: str) -> list[str]:
    """Long runs of the characters the pattern mentions (and of common ones), ending in a mismatch."""
    literals = {c for c in pattern.lower() if c.isalnum() or c in " .-_@"}
    chars = sorted(literals | {"a", "1", " ", "x"})[:24]
    samples = []
    for char in chars:
        samples.append(char * 5000 + "\x00")
        samples.append((char + " ") * 2500 + "!")
    letters = "".join(sorted(c for c in literals if c.isalnum()))[:20]
    if letters:
        samples.append(letters * (5000 // len(letters) + 1) + "\x00")
    return samples
