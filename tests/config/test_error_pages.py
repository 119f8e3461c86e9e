"""Error pages keep the way to help: a missing page or a refusal still shows "Get help now" and "Quick exit"."""

import pytest
from django.template.loader import render_to_string

pytestmark = pytest.mark.django_db


def test_a_missing_page_keeps_help_and_quick_exit(client):
    response = client.get("/stories/999999/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "There&#x27;s nothing here" in html or "There's nothing here" in html
    assert 'href="/help/"' in html and "data-quick-exit" in html


def test_the_server_error_page_needs_nothing_but_still_points_to_help():
    html = render_to_string("500.html")  # rendered without a request, as Django does after a crash
    assert 'href="/help/"' in html and "data-quick-exit" in html
