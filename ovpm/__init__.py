"""Roadmap Hub of the Organization of World Heritage Cities (OWHC / OVPM / OCPM)."""
