"""What any app may show about help. Until the resource library lands, a short, sourced list of crisis lines."""

from django.utils.translation import gettext_lazy as _

# Well-known national crisis lines, each with the official page it was taken from.
# Replaced by verified library entries (with per-channel hours) once the resource library exists.
CRISIS_LINES = [
    {
        "country": "US",
        "country_name": _("United States"),
        "name": "988 Suicide & Crisis Lifeline",
        "contact": _("Call or text 988"),
        "tel": "988",
        "hours": _("24/7"),
        "source": "https://988lifeline.org/",
    },
    {
        "country": "US",
        "country_name": _("United States"),
        "name": "The Trevor Project (LGBTQ+ young people)",
        "contact": _("Call 1-866-488-7386"),
        "tel": "+18664887386",
        "hours": _("24/7"),
        "source": "https://www.thetrevorproject.org/",
    },
    {
        "country": "CA",
        "country_name": _("Canada"),
        "name": "9-8-8 Suicide Crisis Helpline",
        "contact": _("Call or text 988"),
        "tel": "988",
        "hours": _("24/7"),
        "source": "https://988.ca/",
    },
    {
        "country": "GB",
        "country_name": _("United Kingdom"),
        "name": "Samaritans",
        "contact": _("Call 116 123"),
        "tel": "116123",
        "hours": _("24/7"),
        "source": "https://www.samaritans.org/",
    },
    {
        "country": "GB",
        "country_name": _("United Kingdom"),
        "name": "Shout",
        "contact": _("Text SHOUT to 85258"),
        "tel": "",
        "hours": _("24/7"),
        "source": "https://giveusashout.org/",
    },
    {
        "country": "IE",
        "country_name": _("Ireland"),
        "name": "Samaritans Ireland",
        "contact": _("Call 116 123"),
        "tel": "116123",
        "hours": _("24/7"),
        "source": "https://www.samaritans.org/ireland/",
    },
    {
        "country": "AU",
        "country_name": _("Australia"),
        "name": "Lifeline Australia",
        "contact": _("Call 13 11 14"),
        "tel": "131114",
        "hours": _("24/7"),
        "source": "https://www.lifeline.org.au/",
    },
    {
        "country": "AU",
        "country_name": _("Australia"),
        "name": "Kids Helpline (ages 5 to 25)",
        "contact": _("Call 1800 55 1800"),
        "tel": "1800551800",
        "hours": _("24/7"),
        "source": "https://kidshelpline.com.au/",
    },
    {
        "country": "NZ",
        "country_name": _("New Zealand"),
        "name": "Need to talk? 1737",
        "contact": _("Call or text 1737"),
        "tel": "1737",
        "hours": _("24/7"),
        "source": "https://1737.org.nz/",
    },
    {
        "country": "DE",
        "country_name": _("Germany"),
        "name": "TelefonSeelsorge",
        "contact": _("Call 0800 111 0 111 or 0800 111 0 222"),
        "tel": "08001110111",
        "hours": _("24/7"),
        "source": "https://www.telefonseelsorge.de/",
    },
    {
        "country": "FR",
        "country_name": _("France"),
        "name": "3114, numéro national de prévention du suicide",
        "contact": _("Call 3114"),
        "tel": "3114",
        "hours": _("24/7"),
        "source": "https://3114.fr/",
    },
    {
        "country": "NL",
        "country_name": _("Netherlands"),
        "name": "113 Zelfmoordpreventie",
        "contact": _("Call 113 or 0800 0113"),
        "tel": "113",
        "hours": _("24/7"),
        "source": "https://www.113.nl/",
    },
    {
        "country": "IN",
        "country_name": _("India"),
        "name": "Tele-MANAS",
        "contact": _("Call 14416"),
        "tel": "14416",
        "hours": _("24/7"),
        "source": "https://telemanas.mohfw.gov.in/",
    },
]

DIRECTORY = {
    "name": "Find A Helpline",
    "note": _("Free, confidential helplines in over 130 countries."),
    "source": "https://findahelpline.com/",
}


def crisis_lines_for(*, country: str = "") -> dict:
    """The crisis lines, the viewer's country first (when known)."""
    local = [line for line in CRISIS_LINES if country and line["country"] == country]
    others = [line for line in CRISIS_LINES if line not in local]
    countries = sorted({(line["country"], str(line["country_name"])) for line in CRISIS_LINES}, key=lambda c: c[1])
    return {
        "local_lines": local,
        "other_lines": others,
        "directory": DIRECTORY,
        "country": country if local else "",
        "countries": countries,
    }
