"""PLOVER events between actors, with the claim layer (`asserted_by`) kept apart from fact."""
from amity.events.coder import code_events

__all__ = ["code_events"]
