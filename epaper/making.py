"""Make and publish the site from checked inputs: the build's named, timed steps after the check.

Load the content (unchanged issue folders from their records, changed articles parsed again), link the
model, index it for search, plan every output, make those whose key, file or recorded reads of the model
changed (see plan.py), and publish: a whole new tree swapped in, or only the changed files moved in.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from .build_report import BuildReport, StepTimer
from .cache import BuildCache
from .config import SiteConfig
from .dependencies import CurrentValues
from .errors import Problem, SiteError
from .fingerprint import OutputKeys
from .inputs import BuildInputs, BuildOptions
from .linking import link_edition, unlink_edition
from .load import load_content
from .make import make_outputs
from .model import Edition
from .output_records import Publication
from .parallel import worker_count
from .plan import LastBuild, SitePlan, plan_site
from .publish import DISCARD_FOLDER, DuplicateOutput, StagedSite
from .render import make_environment
from .search import SearchFile, stage_search_files, start_search

log = logging.getLogger("epaper")
Searched = TypeVar("Searched")


def make_site(
    config: SiteConfig,
    options: BuildOptions,
    cache: BuildCache,
    inputs: BuildInputs,
    report: BuildReport,
    step: StepTimer,
    save: bool,
) -> BuildReport:
    workers = worker_count(options.workers)
    index = cache.index
    with step("load content"):
        loaded = load_content(
            config, cache, inputs.scan, include_drafts=options.include_drafts, strict=options.strict, workers=workers
        )
        report.warnings = loaded.warnings
        for warning in loaded.warnings:
            log.warning("warning: %s", warning)
    edition = loaded.edition
    with step("link"):
        link_edition(edition)
        values = CurrentValues(edition, config.per_page, inputs.templates)
        changed = values.changed(index.tokens, index.issue_records if index.site == inputs.site else None)
        last = LastBuild(index.outputs, index.groups, inputs.untouched, index.tokens, index.tokens.numbers(changed))
    searching = None
    if config.search:  # before the plan: a large index runs beside the model only, a small one beside the pages
        with step("search index"):
            searching = _searching(lambda: start_search(config.root, edition, workers))
    with StagedSite(config.output_dir, cache.folder / DISCARD_FOLDER) as staged:
        with step("plan"):
            plan = _plan(config, edition, staged, inputs, last, cache)
        with step("write pages"):
            made = make_outputs(plan.outdated, staged, workers, index.tokens)
        searched: dict[str, SearchFile] = {}
        if searching is not None:
            with step("search wait"):
                searched = _searching(searching)
        restaged = stage_search_files(searched, index.outputs, inputs.untouched, staged, everything=not inputs.trusted)
        publication = Publication(index.outputs, plan, made, searched, restaged)
        if not inputs.trusted:
            with step("stage unchanged"):
                publication.stage_unchanged(staged)
            with step("publish"):
                cache.mark_publishing()
                records = publication.swap_in(staged)
        else:
            with step("publish"):
                cache.mark_publishing()
                records = publication.move_in(staged)
    index.output_dir = str(config.output_dir)
    index.outputs = records
    index.groups = plan.recorded_groups(records)
    values.store(index.tokens, changed)
    if index.tokens.grown():
        index.tokens.keep_only(  # a group's made_read is its records' numbers: held by them
            [*(record.read for record in records.values()), *(group.read for group in index.groups.values())]
        )
    index.inputs_key = inputs.key
    index.site = inputs.site
    index.warnings = list(loaded.warnings)
    index.issue_records = loaded.issue_records
    index.counts = (edition.article_count, plan.pages)
    if save:
        with step("save cache"):
            cache.save()
    else:
        cache.unsaved = True
    unlink_edition(edition)
    report.articles, report.pages = index.counts
    report.files = len(records)
    report.made = [output.path for output in plan.outdated]
    report.written = len(publication.changed)
    report.bytes = sum(result.size for result in publication.changed)
    report.searched = bool(restaged)
    return report


def _plan(
    config: SiteConfig, edition: Edition, staged: StagedSite, inputs: BuildInputs, last: LastBuild, cache: BuildCache
) -> SitePlan:
    environment = make_environment(config, inputs.versions)
    keys = OutputKeys(inputs.site)
    try:
        return plan_site(config, edition, staged, environment, keys, last, cache, list(inputs.versions))
    except DuplicateOutput as error:
        raise SiteError([Problem(str(config.content_dir.name), None, str(error))]) from None


def _searching(call: Callable[[], Searched]) -> Searched:
    """``call()``, a step of the search index (see the search package), with Pagefind's failure a site error."""
    from .search.service import PagefindFailed  # with Pagefind's own modules: only a build with search needs them

    try:
        return call()
    except PagefindFailed as error:
        raise SiteError([Problem("pagefind", None, str(error))]) from None
