"""What the community's pages share in answering a write."""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode


def crisis_redirect(next_url: str):
    """The writer may be at risk: help first, privately; what they wrote is kept and waits for a moderator."""
    return redirect(f"{reverse('resources:crisis_response')}?{urlencode({'next': next_url})}")
