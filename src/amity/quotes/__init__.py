"""Direct, indirect and mixed quotations with their speakers and channels."""
from amity.quotes.finder import find_quotes

__all__ = ["find_quotes"]
