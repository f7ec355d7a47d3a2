"""Whether a self-evaluation was filled in at all: shared by the checks that read its scores."""

from jixiao.core.scoring import is_unfilled

__all__ = ["is_unfilled"]
