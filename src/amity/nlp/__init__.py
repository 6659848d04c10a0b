"""The one place that owns spaCy: model loading (once), our patterns, batched parsing."""
from amity.nlp.pipeline import NLP, load_nlp, model_name

__all__ = ["NLP", "load_nlp", "model_name"]
