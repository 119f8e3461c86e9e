"""Helpline pages: a helpline's own page, and the publisher pages to add and edit helplines."""

urlpatterns = []
