"""Eating disorders: promotion (thinspo, pro-ana, goal weights, fasting and purging tips) and recovery talk.

Promotion is held for a moderator; recovery talk goes behind a content warning. Ordinary talk of food,
exercise or weight lost through illness is neither.
"""

from ..decision import Label
from ..text import Normalised
from .phrasing import first, label, phrases

_PROMOTION = phrases(
    r"(?:thin|bone|mean|fit|sweet|deathsp)~spo|thinspiration|bonespiration|meanspiration",
    r"pro~(?:ana|mia|ed)|ana (?:coach|buddy|buddies|tips|diet|rules)|mia (?:tips|buddy)|edtwt|ed twt",
    r"ugw|(?:ugw|gw|cw|lw|hw) ?[0-9]{2,3}(?:lbs?|kg)?|(?:ultimate )?goal weight|lowest weight",
    r"(?:under|below|less than|only|max|maximum) [0-9]{2,4} ?(?:cal|cals|calories|kcal)(?: a| per)? ?(?:day)?",
    r"[0-9]{2,4} ?(?:cal|cals|kcal) (?:max|limit)|stayed under [0-9]{2,4}",
    r"(?:fasting|fast|starving|starve) (?:tips|for [0-9]+ (?:days|hours)|challenge|streak|until)",
    r"(?:tips|ways|how) to (?:fast|starve|purge|throw up|make (?:my|your)~self (?:throw up|sick)|not eat|"
    r"stop eating|skip meals|suppress (?:my |your )?appetite|hide not eating|hide that (?:i|you) (?:dont|don t) eat)",
    r"(?:skip|skipping|skipped) (?:all )?(?:meals|breakfast|lunch|dinner) {w5}(?:lose|drop|shed|thin|weight|fat|"
    r"skinny|kg|kgs|lbs|pounds)",
    # a promise of fast weight loss: "you'll drop 5kg in a week"
    r"(?:drop|lose|shed) [0-9]+ ?(?:kg|kgs|lbs|pounds|stone) (?:in|by) (?:a|one|two|[0-9]+) (?:week|weeks|days)",
    r"(?:purge|purging|throw up|throwing up) {w3}(?:after|every) (?:eating|meal|meals|dinner)",
    r"(?:thigh gap|collar~bones? showing|hip bones?|bones showing|ribs showing) {w3}(?:goal|goals|want|need|perfect)",
    r"(?:want|need|wish) {w3}(?:thigh gap|visible ribs|bones to show|to be skinny|to be thinner)",
    r"(?:water|chew and spit|laxative|diet pills) {w2}(?:fast|trick|tips|to lose)",
    r"(?:nothing tastes as good as skinny|skinny feels|hunger is|empty is|starving is) [a-z]+",
    r"(?:skinny|thin|bones|bony|thigh gap|collarbones?|hip bones?|flat stomach) {w2}(?:goals|inspo|motivation)",
    r"how to (?:lose|drop) [0-9]+ ?(?:kg|kgs|lbs|pounds|stone) (?:in|by) (?:a|one|two|[0-9]+) (?:week|weeks|days)",
    r"(?:calorie|cal|kcal) (?:limit|restriction)|restrict(?:ing)? (?:to|under|below) [0-9]+",
    r"(?:ana|mia) (?:buddies|sisters|family|coach)|starve (?:my|your)~self|purging tips|body check(?:ing|s)?",
    r"(?:fat|ugly|disgusting|gross) {w3}(?:until|unless) (?:i|you|u) (?:lose|starve|stop eating|are|weigh)",
    r"(?:make|makes) (?:you|me|u) (?:throw up|purge|sick after)|laxatives? (?:to|for|after)",
    r"(?:hide|hiding) (?:it|not eating|food|my weight) from (?:my |your )?(?:parents|mum|mom|family|doctor)",
    # By phenomenon. Hunger to be silenced: "tricks to stop feeling hungry", "how do u ignore hunger pangs".
    r"(?:tips?|tricks?|hacks?|ways?|how) (?:for|to|do (?:you|u|i|people)|can (?:i|you|u)) {w1}(?:not feel(?:ing)? hungr"
    r"y|"
    r"stop (?:feeling )?hungry|ignore (?:the )?hunger|suppress (?:hunger|(?:my |your )?appetite)|curb (?:hunger|"
    r"(?:my |your )?appetite)|kill (?:hunger|(?:my |your )?appetite)|fast longer|go longer without (?:food|eating))",
    # a calorie count as a rule one fails: "more than 800 cals and you've failed"
    r"(?:more|over|above|past) (?:than )?[0-9]{2,4} ?(?:cal|cals|calories|kcal)s? {w4}(?:fail|failed|failure|weak|"
    r"disgusting|gross|pathetic|punish|dont deserve)",
    r"(?:0|zero|no) ?(?:cal|cals|calorie|kcal) (?:day|days|challenge|week|streak)",
    # skipping meals as the way, or as a contest
    r"(?:skipping|skip|not eating|starving|fasting|restricting) {w2}(?:is|are|was) (?:the )?(?:only|best|quickest|"
    r"easiest|fastest) way to (?:get|lose|be|drop|become)",
    r"(?:skip (?:a|the) meal|no food|no eating|fasting|starving|starve|skip breakfast|skip lunch|skip dinner) "
    r"(?:[a-z]+ )?(?:challenge|competition|contest|streak)|(?:whoever|who ever) (?:skips|eats (?:the )?least|fasts|star"
    r"ves)",
    # hunger and starving as virtue: "hunger pangs are just weakness leaving", "you need discipline, not dinner"
    r"(?:hunger|hunger pangs|being hungry|an empty stomach|starving|the hunger|(?:ur |your |my )?(?:stomach|tummy) "
    r"(?:growling|rumbling)) (?:is|are) (?:just )?(?:my body|your body|weakness|a good sign|progress|discipline|success"
    r"|"
    r"winning|beautiful|proof|my reward)",
    r"(?:dont|do not) need (?:dinner|lunch|breakfast|food|to eat|that snack){w2}(?:you|u|i) need (?:discipline|"
    r"willpower|self control)",
    r"(?:ana|mia|ed) (?:is|isnt|is not) (?:not )?(?:an? (?:disease|illness|disorder)|a lifestyle|a choice)",
    r"if (?:you|u) can pinch it",
    # purging and laxatives for weight
    r"(?:laxatives?|lax|diuretics?|water pills|diet pills|purging|throwing up) {w3}(?:before|for|to) (?:the |my |a )?"
    r"(?:weigh~in|"
    r"weighing|lose|drop|weight|kg|lbs|pounds|the scale|get thin|be thin)",
    # restriction hidden from family: "fast without ur parents noticing", "dejar de comer sin que se den cuenta"
    r"(?:fast|fasting|starve|starving|skip (?:meals|dinner|lunch|breakfast)|skipping (?:meals|dinner|lunch|breakfast)|"
    r"not eat|not eating|restrict|restricting) {w4}without (?:your|ur|my|their|anyone|people) {w1}(?:noticing|knowing|"
    r"finding out|realising|realizing|seeing)",
    r"(?:dejar de comer|no comer|ayunar) sin que|arreter de manger sans que|aufhoren zu essen ohne dass",
)
_RECOVERY = phrases(
    r"(?:ed|eating disorder|anorexia|bulimia|binge eating|arfid|ana) "
    r"(?:recovery|recovering|free|treatment|clinic|unit)",
    r"recover(?:y|ing|ed) (?:from|in|after) {w2}"
    r"(?:anorexia|bulimia|binge eating|eating disorder|ed|arfid|orthorexia)",
    r"(?:my|with|beat|beating) (?:anorexia|bulimia|eating disorder|ed|binge eating|arfid|orthorexia)",
    r"(?:recovery|recovering) {w4}(?:food|foods|meal|meals|eat|ate|eating|weight|body)",
    r"(?:inpatient|treatment|therapy) for (?:my )?(?:anorexia|bulimia|ed|eating disorder|binge eating)",
    r"(?:challenged|challenging|beat|ate) (?:a |my )?fear food|intuitive eating|body neutrality",
    r"(?:gained|gaining) (?:the )?weight {w3}(?:recovery|proud|healthy|needed)",
    r"fear foods?|meal plan|my dietitian|my dietician|weight restoration|weight restored|refeeding",
    r"(?:ate|eating|finished|had) (?:a |my |the )?(?:full |whole )?(?:meal|dinner|lunch|breakfast|snack|pizza|"
    r"cake|dessert) {w3}(?:without|no) (?:guilt|panic|counting|compensating|purging)",
    r"(?:stopped|quit|no longer) (?:counting calories|purging|restricting|bingeing)",
)


# Fasting, laxatives or hunger for a religious or medical reason, or a clinician's advice: not promotion.
_CARE_OR_FAITH = phrases(
    r"ramadan|iftar|suhoor|lent|yom kippur|fast(?:ing)? for (?:religious|a blood test|my blood test|surgery|an? "
    r"operation|a procedure|a scan)|blood tests?|colonoscopy|endoscopy|surgery|operation|procedure|anaesthetic|"
    r"anesthetic|(?:my|the) (?:doctor|gp|nurse|dietitian|dietician|consultant) (?:said|says|told|advised|recommended)|"
    r"prescribed|constipat[a-z]*|ibs|food poisoning|stomach bug|tummy bug|norovirus",
)

# Talk about one's own eating disorder together with getting better.
_ED_TOPIC = phrases(
    r"anorexi[a-z]*|bulimi[a-z]*|binge eating|eating disorder|my ed|ed (?:told|voice|brain|thoughts)|magersucht|"
    r"essstorung|anorexie|trastorno (?:alimentario|de la conducta alimentaria)|sick enough",
    r"(?:count|counting|counted) (?:every )?calories?|weigh(?:ed|ing)? my~self|(?:the|my) scales?|"
    r"meals? and snacks|periods? came back|body image",
)
_GETTING_BETTER = phrases(
    r"recovery|recovering|therapy|therapie|therapist|helped|proud|any~more|used to|came back|threw|get help|"
    r"healthy|choosing|ohne angst|zero times|easier|real and",
)


class EatingDisorder:
    name = "eating_disorder"

    def detect(self, normalised: Normalised, kind: str) -> list[Label]:
        promotion = first(_PROMOTION, normalised)
        if promotion is not None and first(_CARE_OR_FAITH, normalised) is not None:
            promotion = None  # fasting for ramadan or a blood test, laxatives before a colonoscopy, a doctor's advice
        recovery = first(_RECOVERY, normalised)
        if promotion is not None and recovery is None:
            return [label("eating_disorder_promotion", self.name, normalised, promotion)]
        if recovery is None and promotion is None:
            topic = first(_ED_TOPIC, normalised)
            if topic is not None and first(_GETTING_BETTER, normalised) is not None:
                recovery = topic
        if recovery is not None:
            return [label("eating_disorder_recovery", self.name, normalised, recovery)]
        return []
