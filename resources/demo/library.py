"""Demo organisations and resources across topics and kinds.

The organisations are invented (their sites use the reserved .example domain) and every text was written
for this demo. Nothing here is a real service or a helpline number: the Get help page has the real ones.
Everything is created through the services, as a publisher would, and only what is missing is created.
"""

import datetime

from ..models import Organisation, Resource, utc_today
from ..services import library as library_services
from ..services import organisations as organisation_services

ORGANISATIONS = {
    "calm": {
        "name": "Calm Harbour",
        "description": (
            "Calm Harbour is a youth mental-health charity. We make free, plain-language guides, toolkits and "
            "short videos with young people aged 12 to 25, and train schools to talk about mental health well."
        ),
        "website": "https://calmharbour.example/",
        "email": "hello@calmharbour.example",
        "country": "AU",
        "registration_number": "ABN 00 000 000 001",
    },
    "opendoor": {
        "name": "Open Door Youth Trust",
        "description": (
            "Open Door runs drop-in wellbeing hubs and online groups for young people across the UK and Ireland, "
            "with a focus on LGBTQ+ young people and young carers."
        ),
        "website": "https://opendoor-youth.example/",
        "email": "info@opendoor-youth.example",
        "country": "GB",
        "registration_number": "Charity 0000001",
    },
    "northern": {
        "name": "Northern Lights Wellbeing Collective",
        "description": (
            "A collective of counsellors, peer workers and researchers in Canada sharing practical, evidence-based "
            "self-help in English and French."
        ),
        "website": "https://northernlights.example/",
        "email": "team@northernlights.example",
        "country": "CA",
        "registration_number": "BN 000000001 RR0001",
    },
    "puentes": {
        "name": "Puentes Salud Mental",
        "description": (
            "Puentes acerca la salud mental a jóvenes y familias hispanohablantes, con guías breves y talleres "
            "gratuitos en España y América Latina."
        ),
        "website": "https://puentes.example/",
        "email": "hola@puentes.example",
        "country": "ES",
        "registration_number": "G-00000001",
    },
}

# (organisation, kind, title, summary, body, link path or "", topics, audiences, languages, countries, tags, extra)
# extra: {"reviewed_days_ago": n} puts the last review in the past; {"draft": True} leaves it unpublished.
# Kind "helpline" promises a number or a service to contact (a teenager expects one to call): writing *about*
# helplines is an "article".
RESOURCES = [
    (
        "calm",
        "article",
        "What anxiety feels like, and why it happens",
        "Racing heart, tight chest, a mind that won't stop: a plain guide to what anxiety is doing in your body.",
        """Anxiety is your body's alarm system. It evolved to keep you safe, and sometimes it goes off when there
is no real danger.

## What you might notice

- a fast heartbeat or tight chest
- feeling sick, shaky or hot
- thoughts that jump to the worst outcome
- wanting to avoid places or people

## Why it happens

When your brain senses a threat, it releases adrenaline so you can react quickly. That is useful when you
need to jump out of the way of a bike. It is less useful before a test or a party, but the feeling is the same.

## What helps

Slow breathing tells your body the danger has passed. Try breathing in for four counts and out for six, for
a few minutes. Talking to someone you trust, moving your body and getting enough sleep all turn the alarm down.

If anxiety is stopping you from doing things you care about, a GP or school counsellor can help.""",
        "guides/anxiety-explained",
        ["anxiety"],
        ["young-people", "students"],
        ["en"],
        ["AU", "NZ"],
        ["worry", "adrenaline"],
        {},
    ),
    (
        "calm",
        "toolkit",
        "Panic attack first-aid card",
        "A printable card with five steps to ride out a panic attack, for your wallet or phone lock screen.",
        """A panic attack is frightening, but it cannot hurt you and it always passes, usually within ten minutes.

1. **Name it.** Say to yourself: "This is panic. It will pass."
2. **Breathe out slowly.** Longer out-breaths than in-breaths calm your body.
3. **Ground yourself.** Find five things you can see, four you can touch, three you can hear.
4. **Stay where you are** if it is safe. Leaving can teach your brain the place was dangerous.
5. **Be kind to yourself afterwards.** Rest, drink water, tell someone.

Print the card, or save the image to your phone so it is there when you need it.""",
        "toolkits/panic-card",
        ["panic", "anxiety"],
        ["young-people", "everyone"],
        ["en"],
        ["WW"],
        ["grounding", "breathing"],
        {},
    ),
    (
        "calm",
        "video",
        "Four-minute breathing with Mia",
        "A gentle guided breathing video you can follow along with, before school or when it all feels too much.",
        "Mia, one of our youth ambassadors, guides you through box breathing: in for four, hold for four, out for "
        "four, hold for four. Captions are on by default.",
        "videos/breathing-with-mia",
        ["stress", "mindfulness", "anxiety"],
        ["young-people"],
        ["en"],
        ["WW"],
        ["breathing", "guided"],
        {},
    ),
    (
        "calm",
        "article",
        "When sadness doesn't lift: noticing depression",
        "Everyone feels low sometimes. Here is how to tell when it might be depression, and what you can do.",
        """Feeling sad after something hard happens is normal. Depression is different: it lasts for weeks, and it
can make everyday things feel heavy or pointless.

## Signs to look out for

- feeling low, empty or numb most days for two weeks or more
- losing interest in things you used to enjoy
- sleeping much more or much less than usual
- finding it hard to concentrate
- feeling worthless or guilty

## What you can do

Tell someone. It might be a friend, a family member, a teacher or a doctor. Depression is common and it
is treatable, with talking therapies, support, and sometimes medication.

Small things help too: getting outside in daylight, keeping a simple routine, and doing one small thing you
used to like, even if you don't feel like it yet.

If you ever have thoughts of ending your life, please [get help now](/help/). You deserve support today.""",
        "guides/noticing-depression",
        ["depression"],
        ["young-people", "students", "parents-carers"],
        ["en"],
        ["AU", "NZ", "GB"],
        ["low mood"],
        {},
    ),
    (
        "calm",
        "app",
        "Harbour: a mood diary for teens",
        "Our free mood-tracking app: two taps a day, private by default, with tips matched to how you feel.",
        """Harbour lets you log your mood in seconds and spot patterns over weeks. Nothing is shared unless you
choose to export it, for example to show a counsellor.

- No account needed
- Works offline
- Daily reminder you can switch off
- Tips written with young people""",
        "apps/harbour",
        ["depression", "self-care"],
        ["young-people"],
        ["en"],
        ["AU", "NZ"],
        ["mood tracker", "journaling"],
        {"reviewed_days_ago": 520},
    ),
    (
        "calm",
        "toolkit",
        "Sleep reset: a one-week plan",
        "Seven small changes, one per day, to help you fall asleep more easily and wake up less tired.",
        """Good sleep makes everything else easier. This plan adds one habit per day so it doesn't feel like a lot.

| Day | Change |
|---|---|
| 1 | Same wake-up time, even at the weekend |
| 2 | Phone out of reach 30 minutes before bed |
| 3 | Daylight within an hour of waking |
| 4 | No caffeine after lunch |
| 5 | A wind-down routine: shower, read, stretch |
| 6 | Bed only for sleep, not scrolling |
| 7 | If you can't sleep after 20 minutes, get up and do something calm |

Keep what works, drop what doesn't.""",
        "toolkits/sleep-reset",
        ["sleep", "self-care"],
        ["young-people", "students"],
        ["en"],
        ["WW"],
        ["routine", "insomnia"],
        {},
    ),
    (
        "calm",
        "article",
        "Exam stress: keeping your head when it all piles up",
        "Practical ways to plan revision, handle the night-before nerves, and keep one bad exam in perspective.",
        """Some stress before exams helps you focus. Too much makes it hard to think.

**Plan in small pieces.** Break each subject into topics and give each a 30-minute slot. Ticking them off
is a quiet confidence boost.

**Protect sleep.** An extra hour of sleep does more for your memory than an extra hour of late revision.

**Move.** A ten-minute walk between sessions clears your head.

**Keep perspective.** One exam is one exam. There are nearly always other routes to where you want to go.

Talk to a teacher if you are falling behind; they would rather know early.""",
        "guides/exam-stress",
        ["stress", "school-work"],
        ["students", "young-people", "teachers"],
        ["en"],
        ["AU", "NZ", "GB", "IE"],
        ["exams", "revision"],
        {},
    ),
    (
        "calm",
        "service",
        "Calm Harbour school workshops",
        "Free 45-minute workshops for classes aged 12 to 16 on stress, friendships and asking for help.",
        "Our facilitators visit schools across New South Wales and Victoria, and run the same workshop online "
        "anywhere in Australia. Teachers get a short follow-up lesson plan.",
        "schools",
        ["school-work", "stress", "friendship"],
        ["teachers", "young-people"],
        ["en"],
        ["AU"],
        ["workshop", "schools"],
        {},
    ),
    (
        "calm",
        "article",
        "Supporting a friend who is struggling",
        "What to say, what not to say, and how to look after yourself when a friend opens up to you.",
        """If a friend tells you they are not okay, the most important thing is that they told someone.

## Things that help

- Listen more than you talk. You don't have to fix it.
- Say things like "Thank you for telling me" and "That sounds really hard."
- Ask what would help right now.
- Encourage them to talk to an adult they trust, and offer to go with them.

## If you're worried about their safety

If your friend says they might hurt themselves or end their life, tell a trusted adult straight away, even if
they asked you to keep it secret. Their safety matters more than the secret. The [Get help page](/help/)
lists people you can call together.

## Look after yourself too

Supporting someone is a lot. It is okay to need support yourself.""",
        "guides/supporting-a-friend",
        ["friendship", "suicide-prevention"],
        ["young-people"],
        ["en"],
        ["WW"],
        ["peer support"],
        {},
    ),
    (
        "calm",
        "toolkit",
        "My safety plan (worksheet)",
        "A simple worksheet to fill in when you feel okay, so you have a plan ready for when things get hard.",
        """A safety plan is a list you write for yourself, to use when difficult feelings get strong.

It has six parts:

1. Warning signs that a hard time might be starting
2. Things I can do on my own to feel a little calmer
3. People and places that help take my mind off things
4. People I can ask for help
5. Professionals and helplines I can contact, day or night
6. Making my space safer

Fill it in with someone you trust if you can, and keep a photo on your phone.""",
        "toolkits/safety-plan",
        ["suicide-prevention", "self-harm"],
        ["young-people", "parents-carers", "professionals"],
        ["en"],
        ["WW"],
        ["safety plan", "worksheet"],
        {},
    ),
    (
        "calm",
        "article",
        "Talking to a helpline: what to expect",
        "Nervous about calling or texting a helpline? What happens, what they will ask, and that you can hang up.",
        """Lots of people feel nervous before contacting a helpline for the first time. Here is what usually happens.

- Someone answers and asks how they can help. You can start with "I don't really know what to say."
- You don't have to give your name.
- They won't judge you or tell you what to do. They listen, and help you think about next steps.
- You can end the call or chat at any time.

Texting or web chat can feel easier if talking out loud is hard. You will find the numbers for your country,
and which ones are open right now, on the [Get help page](/help/).""",
        "",
        ["crisis", "suicide-prevention"],
        ["young-people", "everyone"],
        ["en"],
        ["WW"],
        ["helplines", "first call"],
        {},
    ),
    (
        "calm",
        "article",
        "Body image and social media",
        "Filters, edited photos and endless comparison: how feeds affect how we see ourselves, and what to change.",
        """Most of the bodies you see online have been posed, lit, filtered or edited. Comparing yourself to them is
comparing your everyday to someone else's best take.

Try this for a week:

- Unfollow or mute accounts that leave you feeling worse about yourself.
- Follow people who look like you and people who talk about things other than appearance.
- Notice how you feel after scrolling, and set a time limit if it's often bad.

Your body does a lot for you. It is allowed to just be a body.""",
        "guides/body-image-online",
        ["body-image", "online-life"],
        ["young-people"],
        ["en"],
        ["WW"],
        ["social media", "filters"],
        {},
    ),
    (
        "calm",
        "article",
        "Draft: talking to your parents about therapy",
        "Not ready yet: tips for starting a conversation with a parent or carer about seeing a counsellor.",
        "Work in progress.",
        "",
        ["family"],
        ["young-people"],
        ["en"],
        ["AU"],
        [],
        {"draft": True},
    ),
    (
        "opendoor",
        "article",
        "Coming out at your own pace",
        "There is no deadline and no right way. Ideas for thinking about who, when and how, and staying safe.",
        """Coming out is personal, and it is not one moment: many people come out again and again, to different
people, over years.

## Questions to ask yourself

- Who do I feel safest with?
- Is there someone who might be a good first person to tell?
- Do I have somewhere to go and someone to talk to if it doesn't go well?

## You don't owe anyone

You don't have to come out to be valid. Your identity is yours whether or not anyone else knows about it.

Our online groups are a place to talk it through with other LGBTQ+ young people.""",
        "guides/coming-out",
        ["lgbtq-wellbeing", "identity"],
        ["lgbtq", "young-people"],
        ["en"],
        ["GB", "IE"],
        ["coming out", "LGBTQ+"],
        {},
    ),
    (
        "opendoor",
        "service",
        "Open Door online groups for LGBTQ+ young people",
        "Weekly moderated video and text groups for LGBTQ+ people aged 14 to 21, free, with trained facilitators.",
        "Groups run on Tuesday and Thursday evenings. Cameras are optional and you can join with text only. "
        "Every group has two trained facilitators and clear ground rules.",
        "groups",
        ["lgbtq-wellbeing", "loneliness"],
        ["lgbtq", "young-people"],
        ["en"],
        ["GB", "IE"],
        ["peer support", "groups"],
        {},
    ),
    (
        "opendoor",
        "article",
        "Being a young carer and looking after yourself",
        "If you help look after someone at home, your own wellbeing counts too. Where to find time and support.",
        """Young carers do an enormous amount, often without anyone noticing.

- You are allowed to have time for yourself, your friends and your schoolwork.
- Tell your school. Many schools have a young carers lead who can help with deadlines.
- Local young carers services run breaks, trips and groups where everyone understands.

It's normal to feel love, frustration, worry and tiredness all at once.""",
        "guides/young-carers",
        ["family", "stress"],
        ["young-people", "teachers"],
        ["en"],
        ["GB"],
        ["young carers"],
        {},
    ),
    (
        "opendoor",
        "video",
        "Cyberbullying: what to do next",
        "A short animated guide: save the evidence, block and report, and tell someone you trust.",
        """Being bullied online can follow you everywhere. This three-minute animation walks through what to do:

1. Don't reply, even though you might want to.
2. Screenshot or save messages, with dates.
3. Block the person and report them on the platform.
4. Tell an adult you trust: school can act even when it happens outside school.""",
        "videos/cyberbullying",
        ["bullying", "online-life"],
        ["young-people", "parents-carers"],
        ["en"],
        ["GB", "IE"],
        ["online safety", "reporting"],
        {},
    ),
    (
        "opendoor",
        "toolkit",
        "Loneliness toolkit: small steps to connect",
        "Ideas for when you feel alone in a crowd or truly isolated, from tiny daily contact to finding your people.",
        """Loneliness is a signal, like hunger: it tells us we need connection. It is common, and it can change.

- **Tiny contact counts.** A message, a chat with the person at the shop.
- **Do, don't just meet.** Clubs, volunteering and classes make conversation easier.
- **Online can help** if it leads to real conversations, not just scrolling.
- **Be patient.** Friendships take time and repeated contact to grow.""",
        "toolkits/loneliness",
        ["loneliness", "friendship"],
        ["young-people", "students", "everyone"],
        ["en", "cy"],
        ["GB"],
        ["connection", "friends"],
        {},
    ),
    (
        "opendoor",
        "article",
        "Self-harm: understanding it and finding support",
        "Why some people hurt themselves, how to look after a wound safely, and how to start talking about it.",
        """Self-harm is when someone hurts themselves on purpose, often as a way of coping with overwhelming feelings.
It is more common than many people think, and people who self-harm deserve kindness, not judgement.

## Getting support

- Talking to a GP, school nurse or counsellor is a good first step. They have heard it before.
- If a wound is deep or won't stop bleeding, get medical help straight away.
- Some people find it helps to delay: wait ten minutes and do something else with their hands.

## If you're supporting someone

Stay calm, listen, and avoid ultimatums. Ask how you can help them stay safe.

If you feel you might not be safe right now, please [get help now](/help/).""",
        "guides/self-harm",
        ["self-harm"],
        ["young-people", "parents-carers", "teachers"],
        ["en"],
        ["GB", "IE"],
        ["coping"],
        {},
    ),
    (
        "opendoor",
        "article",
        "Grief when you're young",
        "Losing someone can turn everything upside down. What grief can feel like and what might help you through.",
        """There is no right way to grieve. You might feel sad, angry, guilty, numb, or even relieved, sometimes all in
one day. Grief often comes in waves.

- Keep some routines; they give the day a shape.
- Find a way to remember them: a box of things, a playlist, a place you visit.
- Let people at school know, so they can make allowances.
- Talk about the person. Saying their name can help.

If grief feels stuck or overwhelming months later, a bereavement service can help.""",
        "guides/grief",
        ["grief"],
        ["young-people", "parents-carers"],
        ["en", "ga"],
        ["IE", "GB"],
        ["bereavement", "loss"],
        {},
    ),
    (
        "opendoor",
        "service",
        "Drop-in wellbeing hubs",
        "Walk-in spaces in Manchester, Leeds and Belfast: talk to a youth worker, no appointment needed.",
        "Open Monday to Saturday afternoons. Free tea, a quiet room, and someone to talk to. You don't need a "
        "referral and you don't need to be in crisis to come in.",
        "hubs",
        ["self-care", "loneliness", "stress"],
        ["young-people"],
        ["en"],
        ["GB"],
        ["drop-in", "youth work"],
        {},
    ),
    (
        "opendoor",
        "article",
        "Dealing with anger without hurting anyone",
        "Anger is a normal feeling. Ways to notice it building and let it out safely.",
        """Anger often sits on top of other feelings: hurt, fear, embarrassment, unfairness.

**Notice the early signs.** Clenched jaw, hot face, fast breathing.

**Create space.** Walk away for ten minutes, and say you'll come back.

**Use your body.** Running, punching a pillow, or squeezing ice can release the energy.

**Talk when calm.** "I felt angry when..." is easier to hear than blame.""",
        "guides/anger",
        ["anger"],
        ["young-people", "men"],
        ["en"],
        ["GB", "IE"],
        ["temper"],
        {"reviewed_days_ago": 430},
    ),
    (
        "opendoor",
        "toolkit",
        "Neurodivergent and stressed at school: a planner",
        "A visual weekly planner and sensory checklist, made with autistic and ADHD young people.",
        "Includes a weekly planner, a sensory-needs checklist to share with teachers, and a template for asking "
        "for reasonable adjustments.",
        "toolkits/neurodivergent-planner",
        ["neurodiversity", "school-work"],
        ["young-people", "disabled-people", "teachers"],
        ["en"],
        ["GB", "IE"],
        ["ADHD", "autism"],
        {},
    ),
    (
        "opendoor",
        "article",
        "Talking about mental health at home: a guide for parents",
        "How to start a conversation with your teenager, what to do if they shut down, and when to seek help.",
        """Many parents worry they will say the wrong thing. Showing you are willing to talk matters more than
finding perfect words.

- Talk side by side: in the car, on a walk, cooking together.
- Ask open questions and accept short answers.
- Share your own feelings sometimes, so it feels normal.
- Notice changes in sleep, eating, friends or school, and mention them gently.

Contact your GP if changes last more than a couple of weeks, or sooner if you're worried about safety.""",
        "parents/talking-at-home",
        ["family", "depression", "anxiety"],
        ["parents-carers"],
        ["en"],
        ["GB", "IE"],
        ["parenting", "conversations"],
        {},
    ),
    (
        "northern",
        "article",
        "Understanding OCD: more than being tidy",
        "Intrusive thoughts, rituals and the loop that keeps them going, and the therapy that breaks it.",
        """Obsessive-compulsive disorder is not about liking things neat. It is a cycle:

1. An **intrusive thought** that feels alarming
2. **Anxiety** that spikes
3. A **compulsion** (checking, washing, counting, seeking reassurance) that brings brief relief
4. The relief teaches the brain the compulsion was needed, and the loop repeats

Having an unwanted thought does not mean you want it or will act on it. A therapy called exposure and
response prevention (ERP) helps many people break the loop.""",
        "guides/ocd",
        ["ocd", "anxiety"],
        ["young-people", "everyone"],
        ["en", "fr"],
        ["CA"],
        ["intrusive thoughts", "ERP"],
        {},
    ),
    (
        "northern",
        "article",
        "Comprendre l'anxiété chez les jeunes",
        "Un guide simple pour les parents : reconnaître l'anxiété, en parler et savoir quand demander de l'aide.",
        """L'anxiété fait partie de la vie, mais quand elle empêche un jeune d'aller à l'école, de voir ses amis ou de
dormir, il est temps d'en parler.

- Écoutez sans minimiser : « Je vois que c'est difficile pour toi. »
- Évitez de tout faire à sa place ; encouragez de petits pas.
- Parlez-en au médecin de famille si cela dure plusieurs semaines.""",
        "fr/anxiete",
        ["anxiety", "family"],
        ["parents-carers"],
        ["fr"],
        ["CA", "FR"],
        ["parents"],
        {},
    ),
    (
        "northern",
        "video",
        "Mindful minute: a body scan for busy days",
        "A one-minute guided body scan you can do at your desk, on the bus, or before a hard conversation.",
        "A short audio-led video with calming visuals and full captions, from our counsellors.",
        "videos/body-scan",
        ["mindfulness", "stress"],
        ["everyone", "students"],
        ["en", "fr"],
        ["WW"],
        ["body scan", "guided"],
        {},
    ),
    (
        "northern",
        "toolkit",
        "Thought record worksheet",
        "A CBT worksheet to catch a difficult thought, check the evidence and find a more balanced view.",
        """Our thoughts are not always facts. A thought record helps you slow down and look at them.

| Situation | Thought | Feeling (0-100) | For | Against | Balanced thought |
|---|---|---|---|---|---|
| No reply from a friend | "They're angry" | Worry 80 | They reply fast | They're busy this week | "They're busy" |

Use it a few times a week. It gets easier with practice.""",
        "toolkits/thought-record",
        ["depression", "anxiety", "self-care"],
        ["young-people", "students", "professionals"],
        ["en", "fr"],
        ["WW"],
        ["CBT", "worksheet"],
        {},
    ),
    (
        "northern",
        "article",
        "Alcohol, cannabis and your mood",
        "Honest information about how substances affect anxiety, sleep and low mood, without the lecture.",
        """Many people use alcohol or cannabis to relax or fit in. It can help in the moment and make things harder
later.

- **Alcohol** is a depressant: the next day, anxiety and low mood often rise ("hangxiety").
- **Cannabis** can increase anxiety and paranoia for some people, especially strong strains and young users.
- **Sleep** after either is lighter and less restful.

If you want to cut down, try setting drink-free or smoke-free days, and notice how you feel. A doctor or a
youth substance-use service can help, confidentially.""",
        "guides/substances-and-mood",
        ["substance-use", "anxiety", "sleep"],
        ["young-people", "students"],
        ["en"],
        ["CA", "US"],
        ["alcohol", "cannabis"],
        {},
    ),
    (
        "northern",
        "service",
        "Campus peer support circles",
        "Student-led support circles at partner universities, trained and supervised by our counsellors.",
        "Circles meet weekly during term. They are not therapy; they are a space to be heard by people who "
        "get it. Facilitators can help you find professional support if you need it.",
        "campus",
        ["school-work", "loneliness"],
        ["students"],
        ["en", "fr"],
        ["CA"],
        ["university", "peer support"],
        {},
    ),
    (
        "northern",
        "article",
        "After something frightening: trauma reactions",
        "Nightmares, jumpiness or feeling numb after a scary event are common. How to cope and when to get help.",
        """After a frightening or distressing event, it is common to have strong reactions for a few weeks:

- replaying what happened, or nightmares
- being on edge, startling easily
- avoiding reminders
- feeling numb or far away

For many people these ease with time, rest and support. If they last more than a month or get worse,
trauma-focused therapies such as TF-CBT and EMDR help a lot. Be patient with yourself.""",
        "guides/trauma-reactions",
        ["trauma"],
        ["young-people", "everyone"],
        ["en"],
        ["CA", "US"],
        ["PTSD"],
        {},
    ),
    (
        "northern",
        "article",
        "Noticing early signs of psychosis",
        "Hearing or seeing things others don't, or unusual beliefs: early help works best. A guide for families.",
        """Psychosis affects how a person experiences reality. It often starts gradually in the late teens or
twenties, and early support makes a real difference.

Early signs can include withdrawing from friends, suspiciousness, trouble concentrating, and changes in
sleep. Later there may be hearing voices or strongly held unusual beliefs.

Many regions have early psychosis intervention services you can contact directly, without a referral.""",
        "guides/early-psychosis",
        ["psychosis"],
        ["parents-carers", "young-people"],
        ["en"],
        ["CA"],
        ["early intervention"],
        {},
    ),
    (
        "northern",
        "app",
        "Steady: grounding exercises app",
        "An app of short grounding and breathing exercises for panic and overwhelm, usable without internet.",
        "Steady has 20 exercises under two minutes, a panic button that starts the most helpful one straight away, "
        "and no ads or tracking.",
        "apps/steady",
        ["panic", "anxiety"],
        ["everyone"],
        ["en", "fr"],
        ["WW"],
        ["grounding", "offline"],
        {},
    ),
    (
        "northern",
        "article",
        "Men and mental health: it's okay to talk",
        "Why many men wait to ask for help, the signs that might look like anger or tiredness, and where to start.",
        """Men are less likely to talk about how they feel, and more likely to wait until things are serious.

Depression in men can look like irritability, working all the time, drinking more, or pulling away.

Starting is the hardest part. Some men find it easier to talk while doing something: fishing, a game, a
drive. A doctor's appointment about sleep or stress is also a fine way in.""",
        "guides/men",
        ["depression", "stress"],
        ["men"],
        ["en"],
        ["CA", "US", "GB", "AU"],
        ["men's health"],
        {},
    ),
    (
        "northern",
        "article",
        "Abuse in relationships: recognising the signs",
        "Control, jealousy, threats or pressure are not love. Signs of an unhealthy relationship and how to get help.",
        """Abuse is not only physical. It can be someone checking your phone, deciding who you see, putting you down,
or pressuring you into things.

Signs to notice:

- You feel scared of how they will react.
- They isolate you from friends or family.
- They make you feel it is your fault.

If you are in danger, call your emergency number. You can talk to a domestic abuse service confidentially,
even if you're not sure it's "bad enough".""",
        "guides/relationship-abuse",
        ["abuse", "relationships"],
        ["young-people", "women", "lgbtq"],
        ["en"],
        ["CA", "US"],
        ["healthy relationships"],
        {},
    ),
    (
        "puentes",
        "article",
        "Ansiedad: qué es y cómo calmarla",
        "Una guía breve para entender la ansiedad y probar técnicas sencillas de respiración y enraizamiento.",
        """La ansiedad es la alarma del cuerpo. A veces suena aunque no haya peligro real.

**Prueba esto:**

- Respira contando: inhala en cuatro tiempos, exhala en seis.
- Nombra cinco cosas que ves, cuatro que puedes tocar y tres que oyes.
- Habla con alguien de confianza.

Si la ansiedad te impide hacer tu vida normal, pide ayuda a tu médico o al orientador de tu centro.""",
        "guias/ansiedad",
        ["anxiety"],
        ["young-people"],
        ["es"],
        ["ES", "MX"],
        ["respiración"],
        {},
    ),
    (
        "puentes",
        "article",
        "Cómo hablar de salud mental en familia",
        "Consejos para madres, padres y cuidadores que quieren abrir la conversación con sus hijos adolescentes.",
        """No hace falta tener las palabras perfectas. Lo importante es mostrar que estás disponible.

- Busca momentos tranquilos: un paseo, la cocina, el coche.
- Haz preguntas abiertas y escucha sin juzgar.
- Si notas cambios que duran semanas, consulta con un profesional.""",
        "guias/familia",
        ["family", "depression"],
        ["parents-carers"],
        ["es"],
        ["ES", "MX", "US"],
        ["familias"],
        {},
    ),
    (
        "puentes",
        "toolkit",
        "Cuaderno de autocuidado",
        "Un cuaderno imprimible con ideas de autocuidado, registro del ánimo y una lista de personas de apoyo.",
        "Incluye un registro semanal del estado de ánimo, una rueda de autocuidado y un espacio para anotar a "
        "quién puedes acudir cuando lo necesites.",
        "recursos/cuaderno",
        ["self-care", "depression"],
        ["young-people", "students"],
        ["es"],
        ["ES", "MX"],
        ["autocuidado", "imprimible"],
        {},
    ),
    (
        "puentes",
        "video",
        "Acoso escolar: no estás solo",
        "Un vídeo con testimonios de jóvenes que vivieron el acoso y qué les ayudó a salir adelante.",
        "Cinco jóvenes cuentan su experiencia y lo que les ayudó: contarlo, no responder a las provocaciones y "
        "encontrar un grupo donde sentirse bien. Con subtítulos.",
        "videos/acoso",
        ["bullying"],
        ["young-people", "teachers"],
        ["es"],
        ["ES", "MX"],
        ["acoso", "testimonios"],
        {},
    ),
    (
        "puentes",
        "article",
        "Trastornos de la conducta alimentaria: señales de alerta",
        "Cómo reconocer a tiempo un posible trastorno alimentario y dónde pedir ayuda, para familias y jóvenes.",
        """Los trastornos de la conducta alimentaria son problemas de salud serios, y se pueden tratar.

Señales de alerta:

- preocupación constante por la comida, el peso o la figura
- saltarse comidas o comer a escondidas
- ejercicio excesivo
- cambios de humor en torno a las comidas

Cuanto antes se pide ayuda, mejor. Habla con tu médico de cabecera.""",
        "guias/tca",
        ["eating-disorders", "body-image"],
        ["parents-carers", "young-people"],
        ["es"],
        ["ES", "MX"],
        ["TCA"],
        {},
    ),
    (
        "puentes",
        "service",
        "Talleres gratuitos para jóvenes",
        "Talleres en línea de seis semanas sobre emociones, estrés y relaciones, para jóvenes de 15 a 22 años.",
        "Grupos reducidos, con dos facilitadores formados. Inscripción gratuita en nuestra web.",
        "talleres",
        ["stress", "relationships", "self-care"],
        ["young-people", "students"],
        ["es"],
        ["ES", "MX"],
        ["talleres", "grupos"],
        {},
    ),
    (
        "calm",
        "article",
        "Eating disorders: a first guide for families",
        "Early signs of an eating disorder, how to bring it up gently, and why early help matters so much.",
        """Eating disorders are serious mental-health conditions, not choices or phases, and people recover.

## Early signs

- new rules about food, or cutting out whole food groups
- eating alone or hiding food
- a lot of exercise, even when unwell
- strong distress about weight or shape

## Bringing it up

Choose a calm time. Talk about what you have noticed and how you feel, not about weight or appearance.
Expect denial at first; keep the door open.

Book an appointment with your GP. The sooner treatment starts, the better recovery tends to go.""",
        "parents/eating-disorders",
        ["eating-disorders"],
        ["parents-carers"],
        ["en"],
        ["AU", "NZ", "GB"],
        ["families"],
        {},
    ),
    (
        "calm",
        "article",
        "Digital wellbeing: a healthier relationship with your phone",
        "You don't have to quit. Small settings and habits that make scrolling feel better, not worse.",
        """Phones connect us, and they are designed to keep us scrolling. A few tweaks help:

- Turn off non-essential notifications.
- Move social apps off the home screen.
- Use grayscale mode in the evening.
- Charge your phone outside the bedroom.

Notice which apps leave you feeling better and which leave you drained, and spend time accordingly.""",
        "guides/digital-wellbeing",
        ["online-life", "sleep"],
        ["young-people", "students"],
        ["en"],
        ["WW"],
        ["screen time", "notifications"],
        {},
    ),
    (
        "opendoor",
        "article",
        "Self-compassion for people who are hard on themselves",
        "Talking to yourself the way you'd talk to a friend: why it works and how to practise it.",
        """Many of us have an inner critic that is far harsher than we would ever be to someone else.

Try this when you make a mistake:

1. Notice: "This is a hard moment."
2. Remember: "Everyone gets things wrong sometimes."
3. Ask: "What would I say to a friend right now?" Then say it to yourself.

Self-compassion isn't letting yourself off the hook. People who are kinder to themselves actually bounce
back and try again more easily.""",
        "guides/self-compassion",
        ["self-care", "depression"],
        ["everyone", "young-people"],
        ["en", "cy"],
        ["GB", "WW"],
        ["inner critic", "kindness"],
        {},
    ),
    (
        "northern",
        "toolkit",
        "Worry time: a worksheet for overthinkers",
        "Postpone your worries to a set 15-minute slot each day. A simple technique with a printable sheet.",
        """Worry time helps when worries crowd your whole day.

1. Pick a 15-minute slot, not close to bedtime.
2. When a worry pops up, write it down and tell yourself: "Not now, at worry time."
3. At worry time, go through the list. Can you act on it? Plan one step. Can't you? Let it go for today.

Many people find that by worry time, half of the list no longer feels important.""",
        "toolkits/worry-time",
        ["anxiety", "stress"],
        ["young-people", "students", "everyone"],
        ["en", "fr"],
        ["WW"],
        ["overthinking", "worksheet"],
        {},
    ),
    (
        "calm",
        "video",
        "How to ask for help (when it feels impossible)",
        "Young people share the words they used to ask for help for the first time, and what happened next.",
        "Six young people talk about the text they sent, the teacher they stayed behind to see, or the note they "
        "left for a parent. A reminder that you don't have to find perfect words. Captions on.",
        "videos/asking-for-help",
        ["feelings", "suicide-prevention"],
        ["young-people"],
        ["en"],
        ["WW"],
        ["asking for help", "stories"],
        {},
    ),
    (
        "opendoor",
        "article",
        "Worried about someone right now?",
        "If someone you know might be in danger, here is what to do in the next few minutes, and who to call.",
        """If someone's life is in immediate danger, call your emergency number now.

If they are not in immediate danger but you are worried:

- Ask them directly if they are thinking about suicide. Asking does not put the idea in their head.
- Stay with them, or make sure someone else is with them.
- Contact a helpline together. The [Get help page](/help/) shows which lines are open now in your country.""",
        "",
        ["suicide-prevention", "crisis"],
        ["everyone", "parents-carers", "young-people"],
        ["en"],
        ["WW"],
        ["crisis", "helping someone"],
        {},
    ),
    (
        "puentes",
        "article",
        "Dormir mejor: guía rápida",
        "Hábitos sencillos para dormir mejor y despertar con más energía, pensados para estudiantes.",
        """Dormir bien ayuda a todo lo demás.

- Levántate a la misma hora todos los días.
- Deja el móvil fuera del alcance media hora antes de dormir.
- Busca la luz del día por la mañana.
- Evita la cafeína por la tarde.""",
        "guias/sueno",
        ["sleep"],
        ["students", "young-people"],
        ["es"],
        ["ES", "MX"],
        ["sueño", "hábitos"],
        {},
    ),
]


def _organisation(key: str, *, staff, publisher) -> Organisation:
    details = ORGANISATIONS[key]
    organisation = Organisation.objects.filter(name=details["name"]).first()
    if organisation is None:
        if key == "calm":
            # The demo publisher registers their organisation like anyone would, and becomes its admin.
            organisation = organisation_services.register_organisation(actor=publisher, **details)
        else:
            organisation = organisation_services.register_organisation(actor=staff, creator_joins=False, **details)
    if not organisation.is_verified:
        organisation = organisation_services.verify_organisation(actor=staff, organisation=organisation)
    return organisation


def seed(*, staff, publisher) -> int:
    """Create what is missing; return how many resources were created."""
    organisations = {key: _organisation(key, staff=staff, publisher=publisher) for key in ORGANISATIONS}
    created = 0
    today = utc_today()
    for key, kind, title, summary, body, link, topics, audiences, languages, countries, tags, extra in RESOURCES:
        organisation = organisations[key]
        if Resource.objects.filter(organisation=organisation, title=title).exists():
            continue
        actor = publisher if key == "calm" else staff
        fields = {
            "kind": kind,
            "title": title,
            "summary": summary,
            "body": body,
            "external_url": f"{organisation.website}{link}" if link else "",
            "topics": topics,
            "audiences": audiences,
            "languages": languages,
            "countries": countries,
            "tags": tags,
        }
        if "reviewed_days_ago" in extra:
            fields["reviewed_on"] = today - datetime.timedelta(days=extra["reviewed_days_ago"])
            fields["review_interval_days"] = 365
        library_services.create_resource(
            actor=actor, organisation=organisation, publish=not extra.get("draft"), **fields
        )
        created += 1
    return created
