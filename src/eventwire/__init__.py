"""eventwire: political event data from French and English news, with evidence."""

__version__ = "0.1.0"
