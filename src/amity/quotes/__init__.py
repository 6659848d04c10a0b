"""Direct, indirect and mixed quotations with their speakers and channels."""
from amity.quotes.finder import Report, find_quotes, find_reports

__all__ = ["Report", "find_quotes", "find_reports"]
