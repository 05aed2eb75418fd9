"""Translated strings, one module per area of the app."""
