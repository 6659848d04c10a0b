"""Who takes part in an article: dictionary actors (time-aware roles), new actors, coreference."""
from amity.actors.resolve import find_actors
from amity.actors.table import ActorMention, ActorTable

__all__ = ["ActorMention", "ActorTable", "find_actors"]
