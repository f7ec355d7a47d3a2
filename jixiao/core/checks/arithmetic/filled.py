"""Whether a self-evaluation was filled in at all: shared by the checks that read its scores."""

from jixiao.core.model import Form
from jixiao.core.values import parse_value


def is_unfilled(form: Form) -> bool:
    """A self-evaluation with indicators but no actual, no score and no total printed."""
    if not form.is_self_evaluation or not form.indicators or form.total_score is not None:
        return False
    return all(
        i.score is None and parse_value(i.actual, i.name).is_missing for i in form.indicators
    )
