"""Learned layers over the rules (no ORM): a speaker ranker and a quote accept/reject
classifier, trained from reviewed articles by `training.train`."""

from .model import LearnedModel, ModelError

__all__ = ["LearnedModel", "ModelError"]
