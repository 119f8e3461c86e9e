"""The writer's own self-harm, attempts or suicidal thoughts named, bereavement by suicide, and recovery."""

import re

from ...text import Normalised
from ..phrasing import phrases, readings
from .context import DENIED, sentence_of

# The writer's own self-harm, attempt or suicidal thoughts named (past or present).
_OWN_MENTION = phrases(
    r"(?:i|ive|id|im|i was|i have|i had|i used to|i started|i stopped|i quit) {w4}(?:self~harm[a-z]*|sh|shd|"
    r"cut(?! (?:my|the|a|an|it|out|off|down|back|up|class|school|ties|corners|through|in|them|him|her|ties)(?![a-z]))|"
    r"cut(?:ting)? my~self|cut(?:ting)? my (?:wrists?|arms?|legs?|thighs?|skin)|"
    r"cutting(?! (?:my|the|a|an|it|out|off|down|back|up|class|school|ties|corners)(?![a-z]))|"
    r"hurt my~self|hurting my~self|burn[a-z]* my~self|attempted|suicidal|wanted to die|wanted to kill my~self|"
    r"unaliv[a-z]*|overdosed|relapsed|tried to (?:kill my~self|end (?:it|my life|things|it all)|die|take my "
    r"(?:own )?life|unalive my~self))",
    r"(?:my|i|ive|im|i was|i had|i used to) {w4}(?:self~harm|sh|suicidal|suicide attempt|"
    r"(?:sh|self~harm|cutting) scars|unaliv[a-z]*|relapsed|urges? to (?:sh|cut|self~harm|hurt my~self))",
    r"(?:tried|attempted|wanted|trying) to (?:kill my~self|end (?:it|my life|things|it all)|die|"
    r"take my (?:own )?life|unalive my~self)",
    r"(?:self~harm[a-z]*|cut|cutting|attempted|overdosed|relapsed|was suicidal|felt suicidal) (?:like|as) i "
    r"(?:did|do|have|used to|was)|(?:like|as) i (?:did|used to|once did) (?:self~harm|cut|sh)",
    r"(?:dont|no longer|stopped|quit) (?:hide|hiding|covering|cover) (?:up )?my (?:arms|wrists|scars|thighs|legs|"
    r"marks)|(?:wear|wore|wearing) (?:short sleeves|a t~shirt|t~shirts|shorts|a swimsuit) (?:[a-z0-9]+[^a-z0-9]+){0,8}"
    r"(?:scars|marks)",
    r"my (?:self~harm|sh|suicide attempt|attempts?|suicidal (?:thoughts|feelings|ideation|phase|days|crisis|"
    r"episode|period)|self~harm scars|scars from (?:self~harm|sh|cutting)|cutting|relapse|overdose|last attempt|"
    r"first attempt|suicide note|goodbye note|goodbye letter)",
    r"(?:clean|free) (?:from|of) (?:self~harm|sh|cutting)",
    r"(?:kms|unaliving|sh|suicidal|suicide) (?:thoughts|urges)",
    r"(?:my|i have|i had|ive had|i get|i got|i still get|i still have) {w2}(?:suicidal|self~harm|sh) "
    r"(?:thoughts|urges|feelings|ideation)",
    r"my (?:old |faded |white |silver |healed )?scars(?! (?:from|after) (?:surgery|my operation|an operation|"
    r"the operation|acne|chicken~pox|the accident|my c section|piercing))",
    r"sin (?:autolesion[a-z]*|cortarme|hacerme dano)|sans (?:me scarifier|automutilation|scarification)|ohne (?:mich "
    r"zu )?ritzen|ritzfrei|sem (?:me cortar|automutilacao|autolesao)|senza (?:tagliarmi|autolesionismo)",
    r"(?:self~harm|sh|cutting|suicide|attempt) (?:free|clean|survivor)",
    r"(?:survived|survivor of|after|since) (?:a|my|an) (?:suicide attempt|attempt|overdose|od)",
    r"(?:used to|i once|back then i|i always) (?:think|thought|feel|felt|believe|believed) {w6}(?:better off without "
    r"me|(?:a|the) burden|no point (?:in )?living|want(?:ed)? to die|kill(?:ing)? my~self|end(?:ing)? (?:it|my "
    r"life)|suicid[a-z]*|not (?:being|be) (?:here|alive))",
    r"(?:scars|marks) (?:from|of) (?:when i|self~harm|sh|cutting|my)",
    r"(?:used to|use to) (?:self~harm|sh|cut|hurt my~self|burn my~self|want to die|want to kill my~self|think about (?"
    r":killing|ending|unaliving|dying|suicide|death)|be (?:really |so |very |extremely |severely )?suicidal|have suici"
    r"dal)",
    r"(?:havent|have not|haven t|didnt|did not) (?:cut|self~harmed|sh|hurt my~self|relapsed|attempted|burned "
    r"my~self)(?: (?:in|for|since|once))",
    r"(?:years|months|weeks) of (?:cutting|self~harm[a-z]*|sh|hurting my~self|burning my~self)|(?:day|week|month) "
    r"[0-9]+ (?:without|of no|free (?:of|from)|clean (?:of|from)) (?:self~harm[a-z]*|sh|cutting|hurting my~self)|"
    r"(?:[0-9]+|a|one|two|three|four|five|six|seven|eight|nine|ten|twelve) (?:days?|weeks?|months?|years?|yrs?) (?:of )"
    r"?"
    r"(?:no|zero|0) (?:self~harm[a-z]*|sh|cutting|relapses?)(?! (?:because|cause|but i want))|"
    r"(?:days?|weeks?|months?|years?) (?:since|without) (?:i (?:last )?)?(?:cutting|cut|self~harm[a-z]*|sh|hurt "
    r"my~self|hurting my~self|an attempt|my (?:last )?attempt|relapsing|a relapse)",
    r"(?:help|helped|helping|helps) me (?:to )?(?:stop|quit|give up) (?:self~harm[a-z]*|sh|cutting|hurting my~self|"
    r"burning my~self)|(?:i|ive) (?:stopped|quit) (?:self~harm[a-z]*|sh|cutting|hurting my~self|burning my~self)",
    r"(?:suicidal|self~harm|sh|suicide attempt|cutting|attempt) (?:[a-z0-9]+[^a-z0-9]+){0,8}(?:im|i am) (?:the )?(?:li"
    r"ving )?proof",
    r"(?:hospital|psych ward|psychiatric ward|psychiatric unit|inpatient|a&e|icu|er) (?:after|for|because of) "
    r"(?:my|an|the) "
    r"(?:attempt|overdose|self~harm|sh)|(?:had|got) my stomach pumped",
    r"(?:had|got|felt) (?:an |a )?(?:strong |really strong |bad |huge )?urges? to (?:cut|sh|self~harm|hurt my~self)",
    r"(?:wrote|written|had written) (?:a|my) (?:goodbye|suicide) (?:note|letter)|i (?:had|made) a plan "
    r"(?:to (?:die|end|kill|take my|jump|overdose|od|hang|unalive|go through)|and)",
    r"(?:me (?:autolesionaba|cortaba|lastimaba)|intente (?:suicidarme|matarme|quitarme la vida)|mi intento de "
    r"suicidio|sobrevivi a (?:un|mi) intento)",
    r"(?:je me (?:scarifiais|mutilais|coupais)|(?:ne|n) me (?:scarifie|mutile|coupe) plus|j~ai fait une (?:tentative d"
    r"e suicide|ts)|ma tentative de suicide|"
    r"j~ai (?:essaye|tente) de me (?:tuer|suicider))",
    r"(?:ich habe mich (?:fruher |damals )?(?:geritzt|selbst verletzt)|mein suizidversuch|nach meinem suizidversuch|"
    r"ich wollte (?:mich umbringen|sterben))",
    r"(?:eu me cortava|tentei me matar|minha tentativa de suicidio|tentei suicidio|me automutilava)",
    r"(?:mi tagliavo|ho tentato il suicidio|ho provato a (?:uccidermi|togliermi la vita)|il mio tentativo di "
    r"suicidio|non mi taglio da)",
)
BEREAVED = phrases(
    r"(?:lost|lose|losing) (?:my|our|a) {w2}to suicide",
    r"(?:died|death|dying) by suicide|(?:died|death) (?:from|of) suicide|suicided",
    r"(?:took|taken) (?:his|her|their) (?:own )?life",
    r"killed (?:himself|herself|themselves|themself)",
    r"(?:died|killed) (?:after|by|from) (?:jumping|hanging|an overdose|overdosing|drowning|stepping)",
    r"suicide (?:loss|bereavement|survivors? of loss)",
    r"(?:ended|ending) (?:his|her|their) (?:own )?life",
)
RECOVERY = phrases(
    r"recover(?:y|ing|ed)",
    r"(?:enjoying|enjoy|love|loving|starting to like|learning to like) (?:life|my life|things again|being alive)",
    r"(?:[0-9]+|one|two|three|four|five|six|seven|eight|nine|ten|a|an|twelve|eighteen|hundred) (?:days?|weeks?|"
    r"months?|years?) (?:clean|free|sober|sh free|self~harm free|without|since|in|on|of)",
    r"(?:clean|free|sober) (?:for|since)|day [0-9]+|streak|milestone",
    r"(?:getting|got|feeling|feel|doing|feels|is|are|has been|have been|s) (?:so much |much |a lot |a bit |way )?"
    r"better",
    r"(?:days?|weeks?|months?|years?) sober|sobriety|on the other side|in a (?:good|better) place|im okay now",
    r"things (?:got|get|are getting) better|it gets better|first time in (?:months|years|ages)|for the first time",
    r"(?:better|stronger|happier|calmer) (?:now|than|these days|every day)",
    r"(?:healing|healed|survivor|survived|still here|made it through|proud of (?:my~self|me|how far)|"
    r"out the other side|light at the end|coming out of)",
    r"(?:therapy|my therapist|meds|medication|counselling|counseling|cbt|dbt|emdr|support group|my psychiatrist|"
    r"antidepressants) (?:really |actually |has |have |is |are )?(?:helped|help|helps|is helping|saved|works|"
    r"working|changed)",
    r"(?:beat|beating|overcame|overcome|overcoming|managing|manage) my",
    r"(?:i|ive) (?:learned|learnt) (?:to|how to) (?:cope|live|manage|deal|sit with)",
    r"(?:good|better) days|coping (?:skills|strategies|box|plan)|safety plan|relapse (?:isnt|is not|doesnt mean)",
    r"helped|helps|finally|proud|works for me|changed everything|feel like my~self|tiny steps|small steps|"
    r"small wins?|tiny wins?|one day at a time|gone from|learning to|back (?:at|to) (?:school|college|uni|work)|"
    r"mieux|enfin|besser|mejor|meglio|melhor|orgullos[ao]|fier|fiere|stolz|orgoglios[ao]",
    r"used to|caught it early|can see the light|i know the signs|rare now|not fully out|no shame",
)
OWN_STRUGGLE = phrases(
    r"my (?:depression|anxiety|ocd|ptsd|panic attacks?|drinking|addiction|bipolar|adhd|mental health|"
    r"mental illness|dark days|trauma|grief|insomnia|social anxiety|burnout|breakdown|bpd|psychosis|"
    r"diagnosis|intrusive thoughts|dark thoughts|low mood|moods?)",
    r"(?:from|with|of|through) (?:depression|anxiety|ocd|ptsd|panic attacks|addiction|alcoholism|burnout|psychosis)",
    r"depression|depressive|depressed|panic attacks?|ocd|ptsd|bipolar|bpd|anxiety|sober|sobriety|antidepressants|"
    r"therapy|therapist|cbt|dbt|emdr|counselling|counseling|counsellor|mental health|dark days|dark place|bad place|"
    r"rock bottom|grief|diagnosis|diagnosed|flashbacks|depresion|depressao|depressione|depressionen|ansiedad|"
    r"anxiete|ansiedade|ansia|psy|psicologo|psicologa|psychologue|terapia|therapie|therapeut[a-z]*|"
    r"episode|breakdown|burnout|psychiatrist|psych ward|hospital stay|meds|medication",
    r"(?:struggled|struggling|battled|battling|diagnosed|dealt|dealing|lived|living) with {w2}(?:depression|"
    r"anxiety|ocd|ptsd|panic|addiction|alcohol|bipolar|self~harm|suicidal|my mental health)",
    r"(?:i|ive|i was|i had|i have) {w2}(?:depressed|depression|anxious|anxiety|ocd|ptsd|panic attacks|"
    r"addicted|drinking)",
)
# "i would never hurt myself", "im not suicidal": a denial, not a mention of one's own self-harm.
_NEGATED_HARM = re.compile(
    r"(?<![a-z])(?:not|never|wont|wouldnt|dont|do not|isnt)[^a-z0-9]+(?:(?:ever|even|really|be|going to|gonna)"
    r"[^a-z0-9]+)?(?:hurt|cut|self[^a-z0-9]*harm|kill|suicidal|attempt|burn|want to die|sh)(?![a-z])"
)
# Eating disorders have their own detector and labels; their recovery is not this detector's "recovery".
EATING_DISORDER = phrases(
    r"eating disorder|ed recovery|my ed|anorexia|anorexic|bulimia|bulimic|binge eating|arfid|ana|mia|"
    r"meal plan|fear foods?|dietitian|magersucht|anorexie|anorexia nervosa"
)


def own_mention(normalised: Normalised):
    for variant in readings(normalised):
        for match in _OWN_MENTION.finditer(variant):
            if not _NEGATED_HARM.search(match.group()) and not DENIED.search(sentence_of(variant, *match.span())):
                return match
    return None
