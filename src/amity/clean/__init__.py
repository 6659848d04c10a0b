"""Main article text and metadata from a page; everything cut is listed with its kind."""
from amity.clean.core import Cleaned, NotAnArticle, NotEnglish, clean_page
from amity.clean.text import clean_text

__all__ = ["Cleaned", "NotAnArticle", "NotEnglish", "clean_page", "clean_text"]
