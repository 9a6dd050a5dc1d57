"""Fitting, storing and reading the intent classifier (`core.search.intent`).

It is fitted with scikit-learn's `LogisticRegression` (multinomial, L2, lbfgs): a solver
with its convergence checks is what that library does well, so it is not written here.
`vectors.py` fits it whenever the vectors are refreshed and what it is fitted on changed,
and stores it beside them; start-up only reads it.

Fitting is bounded: beyond MAX_UNITS units there is no classifier (the search goes on
without it). Its time grows with units × training texts: about 10 s for the 272 units and
5 420 texts of today's content on two cores.
"""

from __future__ import annotations

import io
import logging
import time
import warnings
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from agendabot.content.loading import write_atomically
from agendabot.core.search import SearchIndex
from agendabot.core.search.dense import DenseIndex
from agendabot.core.search.intent import IntentModel, training_key, training_rows

log = logging.getLogger(__name__)

# Regularisation of the fit: the one setting measured (docs/search.md, "intent classifier").
INTENT_C = 10.0
# Every answer weighs the same in the fit, however many phrasings it has: a new document
# without phrasings has one text per answer, and the unweighted fit would learn that its
# answers are rarely asked for (a prior of 1 in 20 against an answer of nr. 451).
SETTING = f"multinomial logistic regression C={INTENT_C}, classes balanced"
MAX_UNITS = 2_000  # above: no classifier (its fit would take minutes at every ingest)
MAX_ITER = 300


def current_key(index: SearchIndex, dense: DenseIndex) -> str:
    return training_key(index, dense, SETTING)


def fittable(index: SearchIndex, dense: DenseIndex, max_units: int = MAX_UNITS) -> bool:
    """Whether there is a classifier to fit: two units or more, at most `max_units`, and a
    vector for every text."""
    return 2 <= len(index.units) <= max_units and not dense.missing


def current_intent(path: Path, index: SearchIndex, dense: DenseIndex) -> IntentModel | None:
    """The stored classifier when it was fitted on exactly these units and texts."""
    stored = read_intent(path)
    return stored if stored is not None and stored.key == current_key(index, dense) else None


def fit_intent(
    index: SearchIndex, dense: DenseIndex, *, progress: bool = True, max_units: int = MAX_UNITS
) -> IntentModel | None:
    """The classifier for these units and vectors; None when there are fewer than two
    units, more than `max_units`, or a text without a vector."""
    if not fittable(index, dense, max_units):
        return None
    from sklearn.linear_model import LogisticRegression

    x, y = training_rows(index, dense)
    with (
        _status(f"Intentiemodel leren: {len(index.units)} antwoorden, {len(x)} vragen", progress),
        warnings.catch_warnings(),
    ):
        # one text per answer is the rule for documents without phrasings, not a mistake
        warnings.simplefilter("ignore", UserWarning)
        fitted = LogisticRegression(C=INTENT_C, max_iter=MAX_ITER, class_weight="balanced").fit(
            x, y
        )
    if int(np.max(fitted.n_iter_)) >= MAX_ITER:
        log.warning("the intent classifier's fit stopped at %d iterations", MAX_ITER)
    classes = np.asarray(fitted.classes_, dtype=np.int64)
    coef = np.asarray(fitted.coef_, dtype=np.float32)
    intercept = np.asarray(fitted.intercept_, dtype=np.float32)
    weights = np.zeros((len(index.units), x.shape[1]), dtype=np.float32)
    bias = np.full(len(index.units), -30.0, dtype=np.float32)  # a unit without a training row
    if len(classes) == 2:  # the binary fit: one row, for the second class against the first
        bias[classes] = (0.0, intercept[0])
        weights[classes[1]] = coef[0]
    else:
        weights[classes] = coef
        bias[classes] = intercept
    return IntentModel(weights=weights, bias=bias, key=current_key(index, dense))


@contextmanager
def _status(description: str, progress: bool) -> Iterator[None]:
    """A spinner with the time elapsed (the solver reports no steps to count)."""
    if not progress:
        yield
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, transient=True, console=Console(stderr=True)) as bar:
        bar.add_task(description, total=None)
        yield


def write_intent(path: Path, model: IntentModel) -> None:
    buffer = io.BytesIO()
    np.savez(buffer, key=np.array(model.key), weights=model.weights, bias=model.bias)
    write_atomically(path, buffer.getvalue())


def read_intent(path: Path) -> IntentModel | None:
    """The stored classifier (None when absent or unreadable)."""
    if not path.exists():
        return None
    try:
        with np.load(path, allow_pickle=False) as data:
            key = str(data["key"])
            weights = np.asarray(data["weights"], dtype=np.float32)
            bias = np.asarray(data["bias"], dtype=np.float32)
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as exc:
        log.warning("intent classifier unreadable (%s): %s", path.name, type(exc).__name__)
        return None
    if weights.ndim != 2 or bias.shape != (weights.shape[0],):
        log.warning("intent classifier malformed: %s", path.name)
        return None
    return IntentModel(weights=weights, bias=bias, key=key)


def refit_intent(
    index: SearchIndex,
    dense: DenseIndex,
    path: Path,
    *,
    progress: bool = True,
    max_units: int = MAX_UNITS,
) -> str:
    """Fit and store the classifier unless the stored one is current; what happened, in
    the words `agendabot content vectors` prints."""
    if current_intent(path, index, dense) is not None:
        return "ongewijzigd"
    started = time.perf_counter()
    model = fit_intent(index, dense, progress=progress, max_units=max_units)
    if model is None:
        path.unlink(missing_ok=True)
        return f"geen (meer dan {max_units} antwoorden)" if len(index.units) > max_units else "geen"
    write_intent(path, model)
    return f"opnieuw geleerd in {time.perf_counter() - started:.0f} s"
