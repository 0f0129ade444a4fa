"""Whole journeys and accessibility checks in real Chromium (Playwright), against live_server."""
