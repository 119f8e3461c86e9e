"""`python manage.py moderation_eval [FILE]`: measure screening against a labelled JSON-lines set.

Prints per-label precision, recall and F1, the confusion matrix of expected against actual action, the
false-refusal rate (hold or reject) on supportive, recovery and ordinary talk, crisis recall, and
throughput over the set repeated to at least MIN_TEXTS texts. The default set is the project's own.
"""

import time
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from moderation.decision import Action
from moderation.services import screen

from .screen import read_case

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "evaluation" / "cases.jsonl"
MIN_TEXTS = 2000
# Talk that must not be held or refused: people's own recovery, support for others, everyday posts.
NOT_TO_REFUSE = ("recovery", "awareness", "benign", "ordinary", "ed-recovery")
REFUSALS = (Action.HOLD, Action.REJECT)


def evaluate(cases: list[dict]) -> dict:
    """Screen every case and count what a report needs; pure, so tests can check the figures."""
    expected_labels, actual_labels, true_positive = Counter(), Counter(), Counter()
    confusion: Counter = Counter()
    refused = considered = crisis_found = crisis_expected = 0
    misses = []
    for case in cases:
        decision = screen(text=case["text"], kind=case["kind"], author=case.get("author") or "member")
        expected, actual = set(case["expected_labels"]), set(decision.label_names)
        expected_labels.update(expected)
        actual_labels.update(actual)
        true_positive.update(expected & actual)
        confusion[(case["expected_action"], decision.action)] += 1
        if case.get("category") in NOT_TO_REFUSE:
            considered += 1
            refused += decision.action in REFUSALS
        if case["expected_crisis"]:
            crisis_expected += 1
            crisis_found += decision.crisis
        if decision.action != case["expected_action"] or expected != actual:
            misses.append((case.get("id", "?"), case["expected_action"], decision.action, sorted(actual)))
    labels = {}
    for name in sorted(set(expected_labels) | set(actual_labels)):
        tp = true_positive[name]
        precision = tp / actual_labels[name] if actual_labels[name] else 0.0
        recall = tp / expected_labels[name] if expected_labels[name] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        labels[name] = {
            "support": expected_labels[name],
            "predicted": actual_labels[name],
            "precision": precision,
            "recall": recall,
            "f1": f1,
        }
    action_agreement = sum(n for (e, a), n in confusion.items() if e == a) / len(cases) if cases else 0.0
    return {
        "cases": len(cases),
        "labels": labels,
        "confusion": confusion,
        "false_refusal_rate": refused / considered if considered else 0.0,
        "false_refusal_cases": considered,
        "crisis_recall": crisis_found / crisis_expected if crisis_expected else 0.0,
        "action_agreement": action_agreement,
        "misses": misses,
    }


def throughput(cases: list[dict], minimum: int = MIN_TEXTS) -> tuple[int, float]:
    """Texts screened per second over the set repeated to at least `minimum` texts."""
    repeats = -(-minimum // len(cases)) if cases else 0
    texts = [(c["text"], c["kind"], c.get("author") or "member") for c in cases] * repeats
    start = time.perf_counter()
    for text, kind, author in texts:
        screen(text=text, kind=kind, author=author)
    elapsed = time.perf_counter() - start
    return len(texts), (len(texts) / elapsed if elapsed else 0.0)


class Command(BaseCommand):
    help = "Measure screening against a labelled JSON-lines set (default: moderation/evaluation/cases.jsonl)."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(DEFAULT_FILE))
        parser.add_argument("--misses", action="store_true", help="list the cases screening got wrong")

    def handle(self, *args, file, misses, **options):
        cases, bad = [], []
        try:
            handle = open(file, "rb")  # noqa: SIM115 (closed below; bytes so each line decodes on its own)
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from None
        with handle:
            for number, raw in enumerate(handle, start=1):
                if not raw.strip():
                    continue
                try:
                    case = read_case(raw.rstrip(b"\r\n"))
                    if case.get("expected_action") not in Action.ALL or not isinstance(
                        case.get("expected_labels"), list
                    ):
                        raise ValueError("expected_action or expected_labels is missing or invalid")
                    case["expected_crisis"] = bool(case.get("expected_crisis"))
                    cases.append(case)
                except ValueError as error:
                    bad.append(f"line {number}: {error}")
        if not cases:
            raise CommandError("No usable cases in " + str(file))
        report = evaluate(cases)
        count, rate = throughput(cases)
        self._print(report, count, rate, misses)
        for line in bad:
            self.stderr.write(line)
        if bad:
            raise CommandError(f"{len(bad)} line(s) of {file} could not be read")

    def _print(self, report, count, rate, misses):
        w = self.stdout.write
        w(f"Cases: {report['cases']}")
        w("")
        w(f"{'label':<28}{'support':>8}{'predicted':>10}{'precision':>11}{'recall':>8}{'F1':>7}")
        for name, row in report["labels"].items():
            w(
                f"{name:<28}{row['support']:>8}{row['predicted']:>10}{row['precision']:>11.3f}"
                f"{row['recall']:>8.3f}{row['f1']:>7.3f}"
            )
        w("")
        w("Confusion matrix (rows: expected action, columns: actual action)")
        w(f"{'':<10}" + "".join(f"{a:>9}" for a in Action.ALL))
        for expected in Action.ALL:
            w(f"{expected:<10}" + "".join(f"{report['confusion'][(expected, a)]:>9}" for a in Action.ALL))
        w("")
        w(f"Action agreement: {report['action_agreement']:.3f}")
        w(
            f"False-refusal rate (hold or reject) on {', '.join(NOT_TO_REFUSE)}: "
            f"{report['false_refusal_rate']:.3f} of {report['false_refusal_cases']} cases"
        )
        w(f"Crisis recall: {report['crisis_recall']:.3f}")
        w(f"Throughput: {rate:,.0f} texts/second ({count} texts, one process)")
        if misses:
            w("")
            for case_id, expected, actual, labels in report["misses"]:
                w(f"{case_id}: expected {expected}, got {actual} {labels}")
