"""Benchmark: ``build.py deploy`` to a local S3 server (SeaweedFS) against ``aws s3 sync``, in one run.

    python bench/deploy.py [--articles 20000] [--no-peer]

Writes the corpus (bench/corpus.py) less its newest issue under bench/work/, builds it, starts SeaweedFS on
127.0.0.1 (the test suite's server, tests/servers.py) and deploys the site once. Then it measures:

- an unchanged deploy, with the build before it and without (``--no-build``): seconds and files sent;
- the newest issue added: the build, then the deploy, and whether the files sent are exactly the files that
  build wrote or deleted.

The peer is ``aws s3 sync --delete`` (awscli from PyPI, installed into bench/work/deploy-peer/ the first
time) into a second bucket, for the unchanged deploy and the one after the new issue.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import venv
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from corpus import ARTICLES_PER_ISSUE, REPOSITORY, article_file, corpus, issue_yaml, write_epaper_site
from servers import ACCESS_KEY, SECRET_KEY, seaweedfs

WORK = REPOSITORY / "bench" / "work"
PEER = WORK / "deploy-peer"
AWSCLI = "awscli==1.46.2"
BUILD = [sys.executable, str(REPOSITORY / "build.py")]


def run(command: list[str], cwd: Path, environment: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=environment, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def files_state(folder: Path) -> dict[str, tuple[int, int]]:
    """(inode, mtime) of every file: what a build rewrote changes one of them."""
    state = {}
    for path in folder.rglob("*"):
        if path.is_file():
            stat = path.stat()
            state[path.relative_to(folder).as_posix()] = (stat.st_ino, stat.st_mtime_ns)
    return state


def sent(changes: Path) -> tuple[set[str], set[str]]:
    document = json.loads(changes.read_text(encoding="utf-8"))
    return set(document["uploaded"]), set(document["deleted"])


def add_newest_issue(site: Path, articles: int) -> None:
    """Write the articles of the last issue of the full corpus, which the site was written without."""
    for article in list(corpus(articles))[articles - ARTICLES_PER_ISSUE :]:
        folder = site / "content" / article.date.strftime("%Y/%m/%d")
        if not (folder / "issue.yaml").exists():
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "issue.yaml").write_text(issue_yaml(article.date, 1 + article.number // ARTICLES_PER_ISSUE))
        (folder / f"{article.page:02d}-{article.slug}.md").write_text(article_file(article), encoding="utf-8")


def install_peer() -> Path:
    aws = PEER / "bin" / "aws"
    if not aws.exists():
        venv.create(PEER, with_pip=True)
        subprocess.run([str(PEER / "bin" / "pip"), "install", "--quiet", AWSCLI], check=True)
    return aws


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--no-peer", action="store_true", help="skip aws s3 sync")
    options = parser.parse_args()
    site = WORK / f"deploy-{options.articles}"
    print(f"writing {options.articles - ARTICLES_PER_ISSUE} articles into {site}", flush=True)
    write_epaper_site(site, options.articles - ARTICLES_PER_ISSUE)
    environment = os.environ | {
        "AWS_ACCESS_KEY_ID": ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
    }
    server_folder = WORK / "deploy-seaweedfs"
    if server_folder.exists():
        subprocess.run(["rm", "-rf", str(server_folder)], check=True)
    server_folder.mkdir(parents=True)
    aws = None if options.no_peer else install_peer()
    results: list[tuple[str, str, str]] = []
    with seaweedfs(server_folder) as server:
        client = server.client()
        for bucket in ("ours", "peer"):
            client.create_bucket(Bucket=bucket)
        changes = WORK / "deploy-changes.json"
        ours = [*BUILD, "deploy", "s3://ours/epaper", "--endpoint-url", server.endpoint, "-q"]
        ours += ["--changes", str(changes)]
        peer = [str(aws), "s3", "sync", "--delete", "--only-show-errors", "--endpoint-url", server.endpoint]
        peer += [str(site / "_site"), "s3://peer/epaper"]

        seconds = run(ours, site, environment)
        uploaded, _ = sent(changes)
        files = len(files_state(site / "_site"))
        results.append(("first deploy (build + upload)", f"{seconds:.1f} s", f"{len(uploaded)} of {files} files"))
        if aws:
            results.append(("  aws s3 sync, first", f"{run(peer, site, environment):.1f} s", ""))

        seconds = run(ours, site, environment)
        uploaded, deleted = sent(changes)
        results.append(("unchanged deploy (with no-op build)", f"{seconds:.2f} s", f"{len(uploaded)} uploaded"))
        seconds = run([*ours, "--no-build"], site, environment)
        uploaded, deleted = sent(changes)
        results.append(("unchanged deploy --no-build", f"{seconds:.2f} s", f"{len(uploaded)} uploaded"))
        if aws:
            results.append(("  aws s3 sync, unchanged", f"{run(peer, site, environment):.2f} s", ""))

        add_newest_issue(site, options.articles)
        before = files_state(site / "_site")
        seconds = run([*BUILD, "build", "-q"], site, environment)
        after = files_state(site / "_site")
        rewritten = {path for path, state in after.items() if before.get(path) != state}
        removed = set(before) - set(after)
        results.append(("build after a new issue", f"{seconds:.2f} s", f"{len(rewritten)} written"))
        seconds = run([*ours, "--no-build"], site, environment)
        uploaded, deleted = sent(changes)
        base = "https://example.org/"
        expected = {_url(base, path) for path in rewritten}
        same = "= the files the build wrote" if uploaded == expected else f"≠ build: {sorted(uploaded ^ expected)[:5]}"
        gone = {_url(base, path) for path in removed} == deleted
        results.append(("deploy after a new issue --no-build", f"{seconds:.2f} s", f"{len(uploaded)} uploaded {same}"))
        results.append(("  deleted", "", f"{len(deleted)} {'= the files the build removed' if gone else '≠ build'}"))
        if aws:
            results.append(("  aws s3 sync, after the new issue", f"{run(peer, site, environment):.2f} s", ""))
    width = max(len(name) for name, _, _ in results)
    print(f"\n{options.articles} articles, {files} files; SeaweedFS on 127.0.0.1 (machine shared: see RESULTS)")
    for name, seconds_text, note in results:
        print(f"{name:<{width}}  {seconds_text:>8}  {note}")
    return 0


def _url(base: str, path: str) -> str:
    return base + (path[: -len("index.html")] if path == "index.html" or path.endswith("/index.html") else path)


if __name__ == "__main__":
    sys.exit(main())
