"""Training texts written by phenomenon, not by phrase: `python moderation/detectors/data/phenomena.py` rewrites
harassment_training_phenomena.tsv and self_harm_training_phenomena.tsv from the templates below.

Each phenomenon is a grammar (who is addressed, a wish, a directive, reported speech, finality with a timeframe)
with many slot fillers, and each has look-alikes with the same words that are not it (a wish of luck, a report of
what someone said, a last day at work). Every sentence is then typed in several registers (lower case, no
apostrophes, text-speak, no punctuation, an emoji), so the models learn the shape of the phenomenon, not one
sentence. Deterministic (a fixed seed); nothing here comes from moderation/evaluation/.
"""

import random
from itertools import product
from pathlib import Path

HERE = Path(__file__).resolve().parent
PER_TEMPLATE = 12  # sentences drawn from each template's slot combinations
SEED = 20261125


def _fill(template: str, slots: dict, rng: random.Random, count: int = PER_TEMPLATE) -> list[str]:
    names = [name for name in slots if "{" + name + "}" in template]
    combos = list(product(*(slots[name] for name in names)))
    rng.shuffle(combos)
    return [template.format(**dict(zip(names, combo, strict=True))) for combo in combos[:count]]


_EMOJI = ("", "", "", " 😔", " 🙂", " 😤", " 💀", " lol", " fr", " ngl", " tbh")


def _register(text: str, rng: random.Random) -> str:
    """The sentence typed one of several ways: as written, lower case without apostrophes, text-speak, no
    punctuation, with a trailing emoji or filler."""
    choice = rng.randrange(5)
    if choice == 1:
        text = text.lower().replace("'", "")
    elif choice == 2:
        text = (
            text.lower()
            .replace("you're", "ur")
            .replace("your", "ur")
            .replace("you", "u")
            .replace("are ", "r ")
            .replace("'", "")
        )
    elif choice == 3:
        text = "".join(char for char in text if char.isalnum() or char in " @").lower()
    return text + rng.choice(_EMOJI)


# --------------------------------------------------------------------------------------------------------------
# Harassment (1) and its look-alikes (0).

_H = {
    "wish": ["i hope", "hope", "i really hope", "i wish", "i pray", "honestly hope", "cant wait till"],
    "someone": ["someone", "somebody", "a car", "a bus", "the lads", "some guy", "they"],
    "hurt": [
        "beats you up",
        "runs you over",
        "batters you",
        "jumps you",
        "smashes your face in",
        "stabs you",
        "knocks you out",
        "breaks your legs",
    ],
    "hurt_passive": [
        "get jumped",
        "get beaten up",
        "get hit by a bus",
        "get stabbed",
        "end up in hospital",
        "get run over",
        "get your head kicked in",
    ],
    "when": ["", " on the way home", " after school", " tonight", " one day", " soon"],
    "target": ["you", "@jaz_22", "this guy", "that girl", "her", "him"],
    "pile": [
        "everyone report",
        "lets all report",
        "go spam",
        "everyone unfollow",
        "block and report",
        "lets all flood the comments of",
        "screenshot and send round",
        "mass report",
    ],
    "pile_end": ["", " until they delete", " lmao", " so they leave", " everyone do it", " pass it on"],
    "group": [
        "immigrants",
        "trans people",
        "muslims",
        "jews",
        "gay people",
        "disabled people",
        "refugees",
        "black people",
        "autistic people",
        "travellers",
    ],
    "dehum": [
        "aren't even human",
        "shouldn't exist",
        "spread disease",
        "don't belong here",
        "are vermin",
        "should all be sent away",
        "carry diseases",
        "aren't real people",
        "are a plague",
    ],
    "place": ["mosque", "synagogue", "church", "temple", "gurdwara", "refugee centre"],
    "attack": ["burn down", "torch", "bomb", "smash up", "attack"],
    "good": [
        "ace your exam",
        "feel better soon",
        "have a great day",
        "get the job",
        "smash your audition",
        "beat your record",
        "win tonight",
        "find your people here",
    ],
    "groupok": [
        "are welcome here",
        "deserve respect",
        "belong here like everyone else",
        "are part of this community",
        "make our school better",
        "should feel safe here",
    ],
    "beat_ok": [
        "beats my high score",
        "beats the record",
        "smashes it at the talent show",
        "knocks it out of the park",
    ],
}
# Reported or condemned abuse ("he keeps texting me kys, what do i do") is not here: it repeats the abusive words, so a
# bag of words would learn them as harmless. The rules read that grammar instead (detectors/reported.py).
_HARASSMENT_TEMPLATES = [
    (1, "{wish} {someone} {hurt}{when}"),
    (1, "{wish} you {hurt_passive}{when}"),
    (1, "{wish} {target} {hurt_passive}{when}"),
    (1, "{pile} {target}{pile_end}"),
    (1, "{group} {dehum}"),
    (1, "honestly {group} {dehum}"),
    (1, "someone should {attack} that {place}"),
    (1, "lets {attack} the {place}{when}"),
    (1, "go back to where you came from{when}"),
    (0, "i hope you {good}{when}"),
    (0, "{wish} you {good}"),
    (0, "{wish} {someone} {beat_ok}"),
    (0, "{group} {groupok}"),
    (0, "the {place} near us is doing a food bank{when}"),
]

# --------------------------------------------------------------------------------------------------------------
# Self-harm: a crisis now (crisis) and look-alikes (everyday, recovery, past).

_S = {
    "time": [
        "tonight",
        "tomorrow",
        "this weekend",
        "on sunday",
        "by friday",
        "after everyone's asleep",
        "soon",
        "rn",
        "before morning",
    ],
    "night": ["tonight", "tomorrow", "friday", "sunday", "today"],
    "day": ["friday", "sunday", "monday", "the weekend", "my birthday", "saturday"],
    "final": ["is my last day", "is the night", "will be my last night", "is when it ends", "will be the end"],
    "ready": [
        "my plan is done",
        "everything is ready",
        "i've made up my mind",
        "i've decided",
        "it's all sorted",
        "i've got everything i need",
        "my mind's made up",
    ],
    "wait": ["just need to wait until", "just waiting till", "only have to hold on till", "counting down to"],
    "height": ["the roof", "the bridge", "the ledge", "the edge of the car park", "the cliff"],
    "pose": ["i'm sitting on", "i'm standing on", "i'm on", "sat on"],
    "others": [
        "they'll be relieved",
        "everyone will be better off",
        "my family will be happier",
        "no one will have to deal with me",
        "they'll finally be free",
    ],
    "gone": ["when i'm gone", "once i'm gone", "after i'm gone"],
    "calm": ["not scared anymore", "i feel calm now", "at peace with it", "not afraid anymore"],
    "burden": ["i'm a burden to everyone", "i'm just a problem for everyone", "i'm such a burden"],
    # look-alikes
    "ordinary_last": [
        "is my last day at work",
        "is my last day of school",
        "is the night of the concert",
        "is the last day of term",
        "is my last shift before uni",
    ],
    "ordinary_decided": [
        "i've decided to dye my hair",
        "i've made up my mind about the uni offer",
        "i've decided to start running",
        "my plan for revision is done",
    ],
    "ordinary_wait": [
        "just need to wait until payday",
        "waiting till friday for my results",
        "counting down to the holidays",
    ],
    "ordinary_roof": [
        "sitting on the roof watching the sunset",
        "on the roof with my mates for the fireworks",
        "on the bridge taking photos of the river",
    ],
    "medical": [
        "i lost a lot of blood during surgery",
        "there was so much blood after the op",
        "the nurse said i lost a lot of blood giving birth",
        "the dentist said the bleeding would stop",
    ],
    "fine": ["but i'm fine now", "recovering well", "doing better", "home now and resting"],
    "recovered": [
        "6 months free from self harm",
        "a year clean from cutting",
        "100 days no sh",
        "two years since my attempt",
    ],
    "cheer": ["small wins", "proud of myself", "it gets better", "still here and glad"],
}
_SELF_HARM_TEMPLATES = [
    ("crisis", "{day} {final}"),
    ("crisis", "{ready}. {day} {final}"),
    ("crisis", "{ready}, {wait} {day}"),
    ("crisis", "{pose} {height} {time}"),
    ("crisis", "{burden}, {others} {gone} {time}"),
    ("crisis", "{others} {gone}. {time}"),
    ("crisis", "{night}'s the night. {calm}"),
    ("crisis", "{ready}. {calm}"),
    ("everyday", "{day} {ordinary_last}"),
    ("everyday", "{ordinary_decided} {time}"),
    ("everyday", "{ordinary_wait}"),
    ("everyday", "{ordinary_roof} {time}"),
    ("everyday", "{medical} {fine}"),
    ("recovery", "{recovered}, {cheer}"),
]


def _generate(templates, slots, rng) -> list[tuple[str, str]]:
    rows = []
    for label, template in templates:
        for text in _fill(template, slots, rng):
            rows.append((str(label), _register(text, rng)))
    return rows


def main() -> None:
    rng = random.Random(SEED)
    header = (
        "# Generated by phenomena.py (templates by phenomenon, many fillers, several registers); edit the templates,\n"
        "# not this file. Written for this project; nothing comes from moderation/evaluation/.\n"
    )
    for name, templates, slots in (
        ("harassment_training_phenomena.tsv", _HARASSMENT_TEMPLATES, _H),
        ("self_harm_training_phenomena.tsv", _SELF_HARM_TEMPLATES, _S),
    ):
        rows = _generate(templates, slots, rng)
        body = "".join(f"{label}\t{text}\n" for label, text in rows)
        (HERE / name).write_text(header + body, encoding="utf-8")


if __name__ == "__main__":
    main()
