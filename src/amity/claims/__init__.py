"""Claims about actors, who makes them, and who disputes or supports them."""
from amity.claims.ledger import find_claims

__all__ = ["find_claims"]
