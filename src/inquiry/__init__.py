"""Inquiry: the information system of a commission of inquiry."""

__version__ = "0.1.0"
