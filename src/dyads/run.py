"""Running a corpus into the store: read → dedup → process in batches → write, resumably."""

from __future__ import annotations

import multiprocessing
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from dyads.clean.dedup import NearDuplicateIndex, content_hash, signature
from dyads.pipeline import Pipeline, process_batch
from dyads.read import ReadOptions, read_inputs
from dyads.records import Document, Reject, Result
from dyads.settings import Settings
from dyads.store import Store


@dataclass
class RunSummary:
    read: int = 0  # documents read from the inputs
    stored: int = 0  # new documents stored
    duplicates: int = 0  # exact duplicates of a stored document (source recorded)
    near_duplicates: int = 0  # stored, marked near_duplicate_of
    already_stored: int = 0  # same document already in the store (a rerun)
    words: int = 0
    sentences: int = 0
    events: int = 0
    goals: int = 0
    rejected_documents: int = 0  # documents read but then skipped (language, conflict, too short)
    rejected: Counter = field(default_factory=Counter)  # reason → count, for inputs and documents
    reject_samples: list[Reject] = field(default_factory=list)
    synthesis: dict = field(default_factory=dict)  # what cross-article synthesis built at the end

    @property
    def rejects(self) -> int:
        return sum(self.rejected.values())

    def exit_code(self) -> int:
        """0 everything read, 3 some inputs rejected, 1 nothing could be read."""
        if self.read - self.rejected_documents == 0 and (self.rejects or not self.read):
            return 1
        return 3 if self.rejects else 0


Progress = Callable[[RunSummary], None]


def run(paths: Iterable[str], store: Store, settings: Settings, progress: Progress | None = None) -> RunSummary:
    summary = RunSummary()
    index = NearDuplicateIndex()
    index.add_all(store.signatures())
    seen: dict[str, str] = {}  # content hash → doc id, for documents of this run
    pending: list[Document] = []
    rejects: list[Reject] = []
    sources: list[tuple[str, str, str | None, str | None]] = []

    def note_reject(reject: Reject) -> None:
        summary.rejected[reject.reason] += 1
        if len(summary.reject_samples) < 50:
            summary.reject_samples.append(reject)
        rejects.append(reject)

    def write(results: list[Result]) -> None:
        stored = []
        for result in results:
            if result.reject is not None:
                summary.rejected_documents += 1
                note_reject(result.reject)
                continue
            hashvalues = signature(result.document.text)
            near = index.match(hashvalues)
            index.add(result.document.doc_id, hashvalues)
            summary.near_duplicates += near is not None
            stored.append((result, near, hashvalues.tobytes()))
            summary.stored += 1
            summary.words += result.word_count
            summary.sentences += len(result.sentences)
            summary.events += len(result.events)
            summary.goals += len(result.goals)
        for result, _, _ in stored:
            d = result.document
            sources.append((d.doc_id, d.origin or d.doc_id, d.url, d.source))
        store.write_batch(stored, sources, rejects)
        sources.clear()
        rejects.clear()
        if progress:
            progress(summary)

    def batches() -> Iterator[list[Document]]:
        for item in read_inputs(paths, ReadOptions(max_bytes=settings.max_bytes)):
            if isinstance(item, Reject):
                note_reject(item)
                continue
            summary.read += 1
            document = item
            digest = content_hash(document.text)
            existing = seen.get(digest) or store.doc_by_hash(digest)
            if existing is not None:
                if existing == document.doc_id:
                    summary.already_stored += 1
                else:
                    summary.duplicates += 1
                sources.append((existing, document.origin or document.doc_id, document.url, document.source))
                continue
            if store.has_document(document.doc_id):
                summary.rejected_documents += 1
                note_reject(Reject(document.origin or document.doc_id, "id:conflict",
                                   f"id {document.doc_id!r} is already stored with a different text"))
                continue
            seen[digest] = document.doc_id
            pending.append(document)
            if len(pending) >= settings.batch_size:
                yield pending[:]
                pending.clear()
            elif progress and summary.read % 50 == 0:
                progress(summary)
        if pending:
            yield pending[:]
            pending.clear()

    for results in _process(batches(), settings):
        write(results)
    if sources or rejects:
        store.write_batch([], sources, rejects)
    if summary.stored:
        from dyads.synthesis import synthesize

        summary.synthesis = synthesize(store, method=settings.goal_clustering)
    if progress:
        progress(summary)
    return summary


def _process(batches: Iterator[list[Document]], settings: Settings) -> Iterator[list[Result]]:
    if settings.processes <= 1:
        pipeline = Pipeline(settings)
        for batch in batches:
            yield process_batch(pipeline, batch)
        return
    context = multiprocessing.get_context("spawn")
    with context.Pool(settings.processes, initializer=_init_worker, initargs=(settings,)) as pool:
        in_flight: deque = deque()
        for batch in batches:
            in_flight.append(pool.apply_async(_work, (batch,)))
            if len(in_flight) >= 2 * settings.processes:
                yield in_flight.popleft().get()
        while in_flight:
            yield in_flight.popleft().get()


_worker_pipeline: Pipeline | None = None


def _init_worker(settings: Settings) -> None:
    global _worker_pipeline  # one loaded model per worker process is the point of the pool
    _worker_pipeline = Pipeline(settings)


def _work(batch: list[Document]) -> list[Result]:
    assert _worker_pipeline is not None
    return process_batch(_worker_pipeline, batch)


def extract(paths: Iterable[str], settings: Settings, rejects: list[Reject] | None = None,
            summary: RunSummary | None = None) -> Iterator[Result]:
    """The stateless twin of `run`: results as they come, no store, no deduplication."""
    summary = summary if summary is not None else RunSummary()

    def documents() -> Iterator[list[Document]]:
        batch: list[Document] = []
        for item in read_inputs(paths, ReadOptions(max_bytes=settings.max_bytes)):
            if isinstance(item, Reject):
                summary.rejected[item.reason] += 1
                if rejects is not None:
                    rejects.append(item)
                continue
            summary.read += 1
            batch.append(item)
            if len(batch) >= settings.batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    for results in _process(documents(), settings):
        for result in results:
            if result.reject is not None:
                summary.rejected_documents += 1
                summary.rejected[result.reject.reason] += 1
                if rejects is not None:
                    rejects.append(result.reject)
                continue
            summary.stored += 1
            summary.words += result.word_count
            summary.events += len(result.events)
            summary.goals += len(result.goals)
            yield result
