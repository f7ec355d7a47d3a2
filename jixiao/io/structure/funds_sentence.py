"""A funds sentence: ``项目资金：500万元``, ``年度预算 300 万元，其中财政拨款 260 万元，其他资金 40 万元。``.

Notices and 绩效目标公开 pages print the funds as a sentence, not a table: each amount after a
funds label of the vocabulary (the block's, a total's, a funds column's or a source's).
"""

import re
from typing import TYPE_CHECKING

from jixiao.io.document import Block, Ledger
from jixiao.io.structure.funds import FundsReading, amount_field, put_amount
from jixiao.io.text import amount
from jixiao.io.vocabulary import Vocabulary, normalise

if TYPE_CHECKING:
    from jixiao.io.structure.reader import Draft

_FUNDS = re.compile(r"([^\d，。；,;：:]*?)[：:\s]*(\d[\d,]*(?:\.\d+)?)\s*(万元|元)")
_SEPARATORS = re.compile(r"[\s，。；,;：:、]*")


def read_funds_sentence(block: Block, vocab: Vocabulary, ledger: Ledger, draft: "Draft") -> bool:
    """Read a funds sentence into the draft's funds; whether ``block`` is one.

    Each amount follows a funds label of the vocabulary (the block's, a total's, a budget
    column's or a source's). Only a line that is nothing else is read; an amount right after
    the block's label (项目资金：500万元) is the budget.
    """
    line = "".join(t for _, t in block.filled)
    if "元" not in line:
        return False
    pairs = list(_FUNDS.finditer(line))
    lead = line[: pairs[0].start()] if pairs else ""
    if not pairs or (lead and vocab.field("funds", lead) != "block"):
        return False
    if not _only_pairs(line, pairs):
        return False
    read = []
    for n, pair in enumerate(pairs):
        label = normalise(pair[1]).removeprefix("其中")
        kind = _funds_label(label, vocab) if label or n else "total"
        if kind is None:
            return False
        read.append((kind, label or lead, amount(pair[2]), pair[3]))
    reading = draft.funds or FundsReading()
    for kind, label, value, unit in read:
        reading.currency = reading.currency or unit
        put_amount(reading, kind, label, value)
    draft.funds = reading
    ledger.take(block)
    return True


def _only_pairs(line: str, pairs: list[re.Match]) -> bool:
    """Whether nothing but separators stands between and after the label-amount pairs."""
    ends = [p.end() for p in pairs]
    starts = [p.start() for p in pairs[1:]] + [len(line)]
    return all(_SEPARATORS.fullmatch(line[e:s]) for e, s in zip(ends, starts, strict=True))


def _funds_label(label: str, vocab: Vocabulary) -> str | None:
    """The funds field of a label (``amount_field``); the block's label (项目资金) the total's.

    项目总投资 → total_budget; 项目资金, 年度预算 → total (the budget); 财政拨款 → sources.
    """
    if found := amount_field(label, vocab):
        return found
    return "total" if vocab.field("funds", label) == "block" else None
