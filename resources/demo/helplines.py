"""Demo helplines and emergency numbers: real, well-known national crisis lines, each with its source.

Numbers and hours are those the services publish on their own sites (linked as `source_url`); most are 24/7, a few
keep evening or daytime hours, so "open now" visibly changes through the day. Each run creates only what is
missing. Before any real use, staff should check every entry against its source again (Hearten's admin action
"Mark as verified today" records that).
"""

from django.db import transaction

from ..models import Helpline, Organisation, VerificationState, utc_today
from ..services import helplines as services
from ..services import organisations as organisation_services

EU_112 = "https://digital-strategy.ec.europa.eu/en/policies/112"

EMERGENCY_NUMBERS = [
    ("US", "911", "", "https://www.911.gov/"),
    ("CA", "911", "", "https://crtc.gc.ca/eng/phone/911/"),
    (
        "GB",
        "999",
        "112 works too.",
        "https://www.nhs.uk/nhs-services/urgent-and-emergency-care-services/when-to-call-999/",
    ),
    ("IE", "112", "999 works too.", EU_112),
    ("AU", "000", "112 also works from mobile phones.", "https://www.triplezero.gov.au/"),
    ("NZ", "111", "", "https://www.police.govt.nz/"),
    ("DE", "112", "110 for the police.", EU_112),
    ("FR", "112", "15 for medical emergencies (SAMU).", EU_112),
    ("NL", "112", "", EU_112),
    ("IN", "112", "", "https://112.gov.in/"),
    ("ES", "112", "", EU_112),
]

# slug: (name, website, country, description)
ORGANISATIONS = {
    "samaritans": (
        "Samaritans",
        "https://www.samaritans.org/",
        "GB",
        "Listening, day or night, for anyone struggling to cope.",
    ),
    "988-lifeline": (
        "988 Suicide & Crisis Lifeline",
        "https://988lifeline.org/",
        "US",
        "The US national network of crisis centres.",
    ),
    "the-trevor-project": (
        "The Trevor Project",
        "https://www.thetrevorproject.org/",
        "US",
        "Crisis support for LGBTQ+ young people.",
    ),
    "crisis-text-line": ("Crisis Text Line", "https://www.crisistextline.org/", "US", "Free, 24/7 support by text."),
    "shout-85258": (
        "Shout 85258 (Mental Health Innovations)",
        "https://giveusashout.org/",
        "GB",
        "The UK's free, confidential 24/7 text service.",
    ),
    "nspcc-childline": (
        "Childline (NSPCC)",
        "https://www.childline.org.uk/",
        "GB",
        "Counselling for children and young people under 19.",
    ),
    "calm-zone": (
        "Campaign Against Living Miserably (CALM)",
        "https://www.thecalmzone.net/",
        "GB",
        "Suicide prevention, with a helpline every evening.",
    ),
    "text-50808": ("50808", "https://text50808.ie/", "IE", "Ireland's free 24/7 text service."),
    "pieta": ("Pieta", "https://www.pieta.ie/", "IE", "Support for people in suicidal distress or who self-harm."),
    "988-canada": ("9-8-8: Suicide Crisis Helpline", "https://988.ca/", "CA", "Canada's national suicide crisis line."),
    "kids-help-phone": (
        "Kids Help Phone",
        "https://kidshelpphone.ca/",
        "CA",
        "Support for young people in Canada, any time.",
    ),
    "lifeline-australia": (
        "Lifeline Australia",
        "https://www.lifeline.org.au/",
        "AU",
        "Crisis support and suicide prevention.",
    ),
    "yourtown": (
        "yourtown (Kids Helpline)",
        "https://kidshelpline.com.au/",
        "AU",
        "Counselling for young people aged 5 to 25.",
    ),
    "qlife": ("QLife", "https://qlife.org.au/", "AU", "LGBTIQ+ peer support, every afternoon and evening."),
    "whakarongorau": ("Whakarongorau Aotearoa", "https://1737.org.nz/", "NZ", "Need to talk? Free call or text 1737."),
    "youthline-nz": (
        "Youthline",
        "https://www.youthline.co.nz/",
        "NZ",
        "Support for young people in Aotearoa New Zealand.",
    ),
    "telefonseelsorge": (
        "TelefonSeelsorge",
        "https://www.telefonseelsorge.de/",
        "DE",
        "Anonym, kostenlos, rund um die Uhr.",
    ),
    "nummer-gegen-kummer": (
        "Nummer gegen Kummer",
        "https://www.nummergegenkummer.de/",
        "DE",
        "Beratung für Kinder, Jugendliche und Eltern.",
    ),
    "3114": ("3114, numéro national de prévention du suicide", "https://3114.fr/", "FR", "Écoute et soutien, 24h/24."),
    "113-zelfmoordpreventie": (
        "113 Zelfmoordpreventie",
        "https://www.113.nl/",
        "NL",
        "Praat over zelfmoordgedachten, anoniem.",
    ),
    "kindertelefoon": (
        "De Kindertelefoon",
        "https://www.kindertelefoon.nl/",
        "NL",
        "Voor kinderen en jongeren van 8 tot 18 jaar.",
    ),
    "tele-manas": (
        "Tele-MANAS",
        "https://telemanas.mohfw.gov.in/",
        "IN",
        "India's national tele mental health programme.",
    ),
    "linea-024": (
        "Línea 024 (Ministerio de Sanidad)",
        "https://www.sanidad.gob.es/linea024/",
        "ES",
        "Atención a la conducta suicida.",
    ),
    "fundacion-anar": ("Fundación ANAR", "https://www.anar.org/", "ES", "Ayuda a niños, niñas y adolescentes."),
}

ALWAYS = "24/7"

# (slug, organisation, name, country, time zone, source, topics, audiences, languages, position, channels)
# channels: (kind, contact, label, hours in the CSV syntax: "24/7" or "Daily 17:00-00:00+1")
HELPLINES = [
    ("988-lifeline-us", "988-lifeline", "988 Suicide & Crisis Lifeline", "US", "America/New_York",
     "https://988lifeline.org/", ["suicide-prevention", "crisis"], ["everyone"], ["en", "es"], 10,
     [("phone", "988", "", ALWAYS), ("sms", "988", "Text 988", ALWAYS),
      ("webchat", "https://988lifeline.org/chat/", "Chat with 988", ALWAYS)]),
    ("trevor-project-us", "the-trevor-project", "The Trevor Project", "US", "America/New_York",
     "https://www.thetrevorproject.org/get-help/", ["lgbtq-wellbeing", "suicide-prevention"], ["lgbtq", "young-people"],
     ["en"], 20,
     [("phone", "1-866-488-7386", "", ALWAYS), ("sms", "678678", "Text START to 678-678", ALWAYS),
      ("webchat", "https://www.thetrevorproject.org/get-help/", "Chat with TrevorChat", ALWAYS)]),
    ("crisis-text-line-us", "crisis-text-line", "Crisis Text Line", "US", "America/New_York",
     "https://www.crisistextline.org/", ["crisis"], ["everyone"], ["en", "es"], 30,
     [("sms", "741741", "Text HOME to 741741", ALWAYS)]),
    ("samaritans-gb", "samaritans", "Samaritans", "GB", "Europe/London",
     "https://www.samaritans.org/how-we-can-help/contact-samaritan/", ["suicide-prevention", "crisis", "loneliness"],
     ["everyone"], ["en"], 10,
     [("phone", "116 123", "", ALWAYS), ("email", "jo@samaritans.org", "Replies can take a few days", ALWAYS)]),
    ("samaritans-welsh-language-line", "samaritans", "Samaritans Welsh Language Line (Llinell Gymraeg)", "GB",
     "Europe/London", "https://www.samaritans.org/how-we-can-help/contact-samaritan/", ["suicide-prevention", "crisis"],
     ["everyone"], ["cy"], 15,
     [("phone", "0808 164 0123", "In Welsh", "Daily 19:00-23:00")]),
    ("shout-gb", "shout-85258", "Shout", "GB", "Europe/London", "https://giveusashout.org/",
     ["crisis", "anxiety", "self-harm"], ["everyone", "young-people"], ["en"], 20,
     [("sms", "85258", "Text SHOUT to 85258", ALWAYS)]),
    ("childline-gb", "nspcc-childline", "Childline", "GB", "Europe/London", "https://www.childline.org.uk/",
     ["crisis", "bullying", "abuse", "family"], ["young-people"], ["en"], 30,
     [("phone", "0800 1111", "For anyone under 19", ALWAYS)]),
    ("calm-gb", "calm-zone", "CALM helpline", "GB", "Europe/London", "https://www.thecalmzone.net/",
     ["suicide-prevention", "depression"], ["men", "everyone"], ["en"], 40,
     [("phone", "0800 58 58 58", "", "Daily 17:00-00:00+1"),
      ("webchat", "https://www.thecalmzone.net/get-support", "Chat with CALM", "Daily 17:00-00:00+1")]),
    ("samaritans-ie", "samaritans", "Samaritans Ireland", "IE", "Europe/Dublin", "https://www.samaritans.org/ireland/",
     ["suicide-prevention", "crisis", "loneliness"], ["everyone"], ["en", "ga"], 10,
     [("phone", "116 123", "", ALWAYS), ("email", "jo@samaritans.ie", "Replies can take a few days", ALWAYS)]),
    ("text-50808-ie", "text-50808", "50808", "IE", "Europe/Dublin", "https://text50808.ie/",
     ["crisis", "anxiety"], ["everyone", "young-people"], ["en"], 20,
     [("sms", "50808", "Text HELLO to 50808", ALWAYS)]),
    ("pieta-ie", "pieta", "Pieta", "IE", "Europe/Dublin", "https://www.pieta.ie/",
     ["suicide-prevention", "self-harm"], ["everyone"], ["en"], 30,
     [("phone", "1800 247 247", "", ALWAYS), ("sms", "51444", "Text HELP to 51444", ALWAYS)]),
    ("988-ca", "988-canada", "9-8-8: Suicide Crisis Helpline", "CA", "America/Toronto", "https://988.ca/",
     ["suicide-prevention", "crisis"], ["everyone"], ["en", "fr"], 10,
     [("phone", "988", "", ALWAYS), ("sms", "988", "Text 988", ALWAYS)]),
    ("kids-help-phone-ca", "kids-help-phone", "Kids Help Phone", "CA", "America/Toronto", "https://kidshelpphone.ca/",
     ["crisis", "anxiety", "bullying"], ["young-people"], ["en", "fr"], 20,
     [("phone", "1-800-668-6868", "", ALWAYS), ("sms", "686868", "Text CONNECT to 686868", ALWAYS)]),
    ("lifeline-au", "lifeline-australia", "Lifeline", "AU", "Australia/Sydney", "https://www.lifeline.org.au/",
     ["suicide-prevention", "crisis"], ["everyone"], ["en"], 10,
     [("phone", "13 11 14", "", ALWAYS), ("sms", "0477 13 11 14", "Text 0477 13 11 14", ALWAYS),
      ("webchat", "https://www.lifeline.org.au/crisis-chat/", "Lifeline Crisis Chat", ALWAYS)]),
    ("kids-helpline-au", "yourtown", "Kids Helpline", "AU", "Australia/Sydney", "https://kidshelpline.com.au/",
     ["crisis", "family", "bullying"], ["young-people"], ["en"], 20,
     [("phone", "1800 55 1800", "For ages 5 to 25", ALWAYS)]),
    ("qlife-au", "qlife", "QLife", "AU", "Australia/Sydney", "https://qlife.org.au/",
     ["lgbtq-wellbeing"], ["lgbtq"], ["en"], 30,
     [("phone", "1800 184 527", "3 p.m. to midnight local time in every state", "Daily 15:00-00:00+1"),
      ("webchat", "https://qlife.org.au/", "QLife webchat", "Daily 15:00-00:00+1")]),
    ("need-to-talk-1737-nz", "whakarongorau", "Need to talk? 1737", "NZ", "Pacific/Auckland", "https://1737.org.nz/",
     ["crisis", "anxiety", "depression"], ["everyone"], ["en"], 10,
     [("phone", "1737", "", ALWAYS), ("sms", "1737", "Text 1737", ALWAYS)]),
    ("youthline-nz", "youthline-nz", "Youthline", "NZ", "Pacific/Auckland", "https://www.youthline.co.nz/",
     ["crisis"], ["young-people"], ["en"], 20,
     [("phone", "0800 376 633", "", ALWAYS), ("sms", "234", "Free text 234", ALWAYS)]),
    ("telefonseelsorge-de", "telefonseelsorge", "TelefonSeelsorge", "DE", "Europe/Berlin",
     "https://www.telefonseelsorge.de/", ["crisis", "suicide-prevention", "loneliness"], ["everyone"], ["de"], 10,
     [("phone", "0800 111 0 111", "", ALWAYS), ("phone", "0800 111 0 222", "", ALWAYS),
      ("phone", "116 123", "", ALWAYS)]),
    ("nummer-gegen-kummer-de", "nummer-gegen-kummer", "Nummer gegen Kummer: Kinder- und Jugendtelefon", "DE",
     "Europe/Berlin", "https://www.nummergegenkummer.de/", ["family", "bullying"], ["young-people"], ["de"], 20,
     [("phone", "116 111", "", "Mon-Sat 14:00-20:00")]),
    ("3114-fr", "3114", "3114, numéro national de prévention du suicide", "FR", "Europe/Paris", "https://3114.fr/",
     ["suicide-prevention", "crisis"], ["everyone"], ["fr"], 10,
     [("phone", "3114", "", ALWAYS)]),
    ("113-zelfmoordpreventie-nl", "113-zelfmoordpreventie", "113 Zelfmoordpreventie", "NL", "Europe/Amsterdam",
     "https://www.113.nl/", ["suicide-prevention"], ["everyone"], ["nl"], 10,
     [("phone", "113", "", ALWAYS), ("phone", "0800-0113", "Free", ALWAYS),
      ("webchat", "https://www.113.nl/", "Chat with 113", ALWAYS)]),
    ("kindertelefoon-nl", "kindertelefoon", "De Kindertelefoon", "NL", "Europe/Amsterdam",
     "https://www.kindertelefoon.nl/", ["family", "bullying", "friendship"], ["young-people"], ["nl"], 20,
     [("phone", "0800-0432", "", "Daily 11:00-21:00"),
      ("webchat", "https://www.kindertelefoon.nl/", "Chat", "Daily 11:00-21:00")]),
    ("tele-manas-in", "tele-manas", "Tele-MANAS", "IN", "Asia/Kolkata", "https://telemanas.mohfw.gov.in/",
     ["crisis", "anxiety", "depression"], ["everyone"], ["en", "hi"], 10,
     [("phone", "14416", "", ALWAYS), ("phone", "1-800-891-4416", "", ALWAYS)]),
    ("linea-024-es", "linea-024", "Línea 024", "ES", "Europe/Madrid", "https://www.sanidad.gob.es/linea024/",
     ["suicide-prevention", "crisis"], ["everyone"], ["es"], 10,
     [("phone", "024", "", ALWAYS)]),
    ("fundacion-anar-es", "fundacion-anar", "Fundación ANAR", "ES", "Europe/Madrid", "https://www.anar.org/",
     ["crisis", "bullying", "abuse"], ["young-people"], ["es"], 20,
     [("phone", "900 20 20 10", "", ALWAYS)]),
]  # fmt: skip


def _organisation(slug: str, *, staff) -> Organisation:
    name, website, country, description = ORGANISATIONS[slug]
    organisation, _created = Organisation.objects.get_or_create(
        slug=slug, defaults={"name": name, "website": website, "country": country, "description": description}
    )
    if organisation.verification != VerificationState.VERIFIED:
        organisation = organisation_services.verify_organisation(actor=staff, organisation=organisation)
    return organisation


def _channels(channels) -> list[dict]:
    result = []
    for kind, contact, label, hours in channels:
        always_open, rows = services.parse_hours(hours)
        result.append({"kind": kind, "value": contact, "label": label, "always_open": always_open, "hours": rows})
    return result


def seed(*, staff) -> int:
    """Create what is missing; return how many helplines were created."""
    for country, number, note, source in EMERGENCY_NUMBERS:
        services.set_emergency_number(actor=staff, country=country, number=number, note=note, source_url=source)
    organisations = {slug: _organisation(slug, staff=staff) for slug in ORGANISATIONS}
    existing = set(Helpline.objects.filter(slug__in=[row[0] for row in HELPLINES]).values_list("slug", flat=True))
    created = 0
    today = utc_today()
    for slug, org, name, country, zone, source, topics, audiences, languages, position, channels in HELPLINES:
        if slug in existing:
            continue
        with transaction.atomic():
            helpline = services.create_helpline(
                actor=staff,
                organisation=organisations[org],
                data={
                    "slug": slug,
                    "name": name,
                    "country": country,
                    "time_zone": zone,
                    "website": organisations[org].website,
                    "source_url": source,
                    "description": organisations[org].description,
                    "topics": topics,
                    "audiences": audiences,
                    "languages": languages,
                    "position": position,
                },
                channels=_channels(channels),
                publish=True,
            )
            services.verify_helpline(actor=staff, helpline=helpline, verified_on=today)
        created += 1
    return created
