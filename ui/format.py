"""Numbers and dates the way the reader writes them: 1 234,56 € and 15/03/2024 in French.

The functions live in words/format.py (Babel, no Streamlit) so the files the command line writes
share them.
"""

from words.format import NBSP, NNBSP, day, money, number, percent, signed_percent

__all__ = ["NBSP", "NNBSP", "day", "money", "number", "percent", "signed_percent"]
