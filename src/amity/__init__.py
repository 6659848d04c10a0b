"""amity: news about world politics in, evidence-backed events, quotes and claims out."""
__version__ = "0.1.0"
