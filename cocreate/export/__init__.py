"""Exporters without Qt: the PDF service blueprint, CSV tables and the JSON session format."""
