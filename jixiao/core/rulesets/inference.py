"""When a rule set is inferred for a form that names no template it lists: the marks, as data.

A rule set's ``[inferred]`` table names what on a form shows that the rule set governs it: a
level-1 group (``level1_any``), a whole set of level-1 groups (``level1_all``) or a funds row
(``sources_any``), optionally only for some kinds of form. Any one mark is enough. Rule sets
are tried by ``rank`` (lowest first): a province's marks before the national tree's.
"""

from dataclasses import dataclass

KINDS = ("target", "self_evaluation")
INFERENCE_KEYS = ("rank", "kinds", "level1_all", "level1_any", "sources_any")


class InferenceError(ValueError):
    """An ``[inferred]`` table that cannot be used; the message names the key."""


@dataclass(frozen=True, slots=True)
class Inference:
    """The marks that make a rule set the inferred one for a form."""

    rank: int
    kinds: tuple[str, ...] = ()  # empty: any kind
    level1_all: tuple[str, ...] = ()  # every one of these level-1 groups is printed
    level1_any: tuple[str, ...] = ()  # one of these level-1 groups is printed
    sources_any: tuple[str, ...] = ()  # one of these funds rows (其中 rows) is printed


def _texts(data: dict, key: str, where: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not (isinstance(value, list) and all(isinstance(v, str) and v for v in value)):
        raise InferenceError(f"{where}.{key}: 应为文本列表 / must be a list of texts")
    return tuple(value)


def inference_from_dict(data: dict, where: str) -> Inference:
    """Build and validate an ``[inferred]`` table."""
    unknown = sorted(set(data) - set(INFERENCE_KEYS))
    if unknown:
        raise InferenceError(f"{where}: 未知的键 unknown key(s) {', '.join(unknown)}")
    rank = data.get("rank")
    if not isinstance(rank, int) or isinstance(rank, bool):
        raise InferenceError(f"{where}.rank: 应为整数 / must be a whole number")
    inference = Inference(
        rank=rank,
        kinds=_texts(data, "kinds", where),
        level1_all=_texts(data, "level1_all", where),
        level1_any=_texts(data, "level1_any", where),
        sources_any=_texts(data, "sources_any", where),
    )
    if any(kind not in KINDS for kind in inference.kinds):
        raise InferenceError(f"{where}.kinds: 只可为 / only {', '.join(KINDS)}")
    if not (inference.level1_all or inference.level1_any or inference.sources_any):
        raise InferenceError(f"{where}: 至少需要一种特征 / needs at least one mark")
    return inference
