"""Main article text and metadata from a page; everything cut is listed with its kind."""
from amity.clean.core import Cleaned, NotAnArticle, NotEnglish, clean_page

__all__ = ["Cleaned", "NotAnArticle", "NotEnglish", "clean_page"]
