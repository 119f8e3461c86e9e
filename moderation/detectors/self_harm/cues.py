"""The words without one of which this detector finds nothing, checked before any of its patterns is tried.

Most posts name no harm, death, means, farewell, hopelessness or struggle at all; for them the detector
returns at once instead of running some forty patterns over the text (most of its cost, and all of it on a
long run of punctuation or emoji). Every way the detector gives a label needs one of these words: an act
or a wish (`vocabulary`), a statement or a warning sign other than a time or talk of suicide (`crisis`,
`signs`), a method, one's own self-harm or struggle (`mentions`), encouragement aimed at someone else.
A word here may be common ("cant", "here", "going"); a missing one is a missed crisis, an extra one only
costs time. Tests check that texts of every kind the detector labels pass.
"""

import re

# Written as bases; `_forms` adds the usual endings ("kill": kills, killed, killing, killin).
_BASES = """
kill kil kms kmss kys die dye dead death deadly dying unalive unaliv unaliving sewerslide sewer slide ctb end endit
endthis endmylife off offing neck delete rope noose hang commit sudoku toaster life lives live alive exist existence
wake woke woken sleep asleep forever nap disappear vanish gone leave left world earth give gave jump leap step walk
fall throw yeet fling launch crash drive drown shoot gun poison stab suffocate strangle gas hurt burn burnt cut cutter
slit wrist arm throat vein bleed bled blood overdose od oded oding pill tablet tab med medication medicine drug
painkiller paracetamol acetaminophen tylenol ibuprofen advil nurofen aspirin codeine tramadol oxy oxycodone opioid
morphine fentanyl xanax valium diazepam benzo sertraline zoloft prozac fluoxetine citalopram escitalopram
amitriptyline antidepressant benadryl diphenhydramine insulin lithium quetiapine seroquel antihistamine nyquil bleach
antifreeze swallow down took take taken bottle packet blade razor knife sharpener lighter scissors compass needle
bridge roof rooftop ledge edge cliff building balcony window tower track train railway platform station park
multistorey storey floor overpass motorway traffic bus lorry truck tram sea ocean river lake canal pier height high
tall metre meter feet fatal lethal dose dosage fume monoxide exhaust charcoal helium nembutal pentobarbital nitrite
garage engine funeral grave coffin heaven sh shd selfharm self harm injure injury relapse attempt scar mark sleeve
thigh hip rib stomach pumped belt cord cable scarf shoelace charger knot barrier fence railing toxic chemical
household method way painless easiest quickest fastest surest simplest quietest best strongest sharpest tutorial guide
forum site sanctioned suicide suicidal suicid suizid selbstmord ideation point pointless hope hopeless reason worth
better happier easier easy without burden waste problem mistake disappointment failure letdown nothing nobody nobodys
noone anyone care miss notice cry tired exhausted sick done finished enough over fight pretend cope anymore anymoore
anymor cant cannot hold handle survive born deserve shouldnt continue carry going stay here around stop rest permanent
permanently away option solution answer choice ready decide decided decision mind plan plot date picked chosen chose
countdown calm peace peaceful relieved everything happen happening stupid drastic research googled wait longer soon
know understand bye goodbye farewell love sorry forgive thank thanks thanku thankyou thx ty blame sad fault remember
knowing sign last final word post posting online contact message text call check hear again read find save look body
bother deal worry found rescue stopped tonight tonite tomorrow tmrw weekend spot place side older grow future reaching
turning imagine picture make christmas birthday another morning summer note letter will account social profile
belonging stuff clothes possession treasure urge craving itch struggle battle depression depressed depressive anxiety
anxious panic ocd ptsd bipolar bpd adhd mental illness dark trauma grief insomnia burnout breakdown psychosis
diagnosis diagnose intrusive thought mood drinking addiction addicted alcohol alcoholism sober sobriety therapy
therapist cbt dbt emdr counselling counseling counsellor rock bottom flashback psychiatrist psych hospital episode
recovery recover yourself urself yourselves yoself ur favour favor harder succeed next already starve attention faking
ld cuantas combien viele quantos quante parents morir morirme matar matarme mata matate suicidate desaparecer quitar
quitarme vida acabar cortar cortarme dano lastimar lastimarme tirar tirarme vivir despertar despierte muera muerta
muerto mejor sin ultima ultimo despedida adios tome pastillas pildoras mato quito puente vias tren tengo aguanto puedo
razon carga decidi decidido estare autolesion autolesionaba cortaba lastimaba intente intento sobrevivi azotea
viviendo seguir mourir tuer tue tuez suicider finir fin jours vie disparaitre scarifier scarifiais mutilais coupais
couper jeter sauter envie vivre mieux dernier derniere adieu pris avale medicaments cachets comprimes pilules raison
peux fardeau decidee serai pont tentative ts automutilation scarification scarifie mal sterben umbringen umzubringen
toten ritzen geritzt verletzen verletzt leben aufwachen springen nehmen genommen halte besser ohne letzter lebt wohl
tabletten grund kann mehr entschieden tot brucke dach hochhaus zug suizidversuch ritzfrei bring bringe morrer sumir
machucar viver melhor adeus recado comprimidos remedios motivo aguento peso janela ponte jogar pular cortava tentei
automutilava automutilacao autolesao estar estarei morta morire uccidermi uccidere uccido ammazzarmi ammazzare ammazzo
ammazzati ucciditi suicidarmi farla finita togliermi farmi tagliarmi tagliavo taglio sparire vivere meglio addio
messaggio pillole compresse farmaci faccio sono deciso buttarmi lanciarmi gettarmi saro tentato autolesionismo foutre
dernie parapet climb resuscitate killer cleaner today now fr rn time aufhort immer finisca myself free out fail
couldnt ghost memory pain up go went motor barbecue bbq lanzarme aventar aventarme tagliare muert never breathe eyes
drift return dormir irme volver acordar svegliarmi dormire fade ever monday tuesday wednesday thursday friday saturday
sunday year manual detail exactly describe depict explain poisonous dosis letal mortal horizontally vertically wound
deep deeper drop consciousness fewest cameras leg hide cover coupe mutile ansia ansiedad ansiedade anxiete depresion
depressao depressione depressionen psicologa psicologo psy psychologue terapia therapie toete light hate crossing
flats block top savings console guitar sketchbook jewellery jewelry laptop xbox playstation bike camera collection
plushies diee nite tmr tmrrw noche soir heute nacht morgen hoje amanha oggi domani stanotte stasera manana demain hoy
noite nuit later day see wont lanzar rail sn barbiturates exit trick basically staff drink pack least safe trust
scared afraid terrified frightened smth sth alt phone game art money switch record thing cat dog pet book hoodie gonna
ill sure bad dumb dream thinking wanting why everyone ps need mg line altfa altf listen obey password passcode pin
login researching googling glass says long box say home coming shotgun rifle key keys ammo leaning lean leant leaned
scheduled schedule tiro artery arteries jugular sever sent send
pray wish follow through properly manage right afraid relieved
"""
_MARKS = ("🪦", "⚰", "🔪", "🪢", "💊")
# Letters run together ("iwanttodie", "kmsrn"): looked for inside long words only.
_INSIDE = re.compile(
    r"die|kill?|kms|kys|endit|endmylife|endthis|unaliv|takemylife|myself|overdos|harm|injur|suicid|jump|delete|therap|"
    r"disappear"
)
# Cues that are several short words: "any more" (and "any moore"), "no one", "k y s", "s h", "this is it".
_PHRASES = re.compile(
    r"any[^a-z]*mo+r|no[^a-z]*one|k[^a-z]*y[^a-z]*s(?![a-z])|(?<![a-z])s[^a-z]+h(?![a-z])|this[^a-z]+is[^a-z]+it(?![a-"
    r"z])|for[^a-z]+good|(?:basically|literally)[^a-z]+a[^a-z]+how|to[^a-z]+have[^a-z]+my|too[^a-z]+much"
)
_WORD = re.compile(r"[a-z]+")
_LONG = 5


def _forms(base: str) -> set[str]:
    forms = {base, base + "s", base + "es", base + "ed", base + "d", base + "ing", base + "in", base + "ings"}
    if base.endswith("e"):
        forms |= {base[:-1] + "ing", base[:-1] + "in"}
    if len(base) >= 3 and base[-1] in "tpgnmb" and base[-2] in "aeiou" and base[-3] not in "aeiou":
        forms |= {base + base[-1] + "ing", base + base[-1] + "ed", base + base[-1] + "in"}  # cut: cutting
    if base.endswith("y"):
        forms |= {base[:-1] + "ies", base[:-1] + "ied"}
    return forms


CUE_WORDS = frozenset(form for base in _BASES.split() for form in _forms(base))


def any_cue(texts) -> bool:
    """Whether any of the readings of a text has a word without which the detector can find nothing."""
    for text in texts:
        words = set(_WORD.findall(text))
        if not words.isdisjoint(CUE_WORDS):
            return True
        if any(mark in text for mark in _MARKS) or _PHRASES.search(text):
            return True
        if any(len(word) >= _LONG and _INSIDE.search(word) for word in words):
            return True
    return False
