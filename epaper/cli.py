"""The command line: parse arguments, call one function, turn the project's errors into ``path:line: message``."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__
from .config import SiteConfig, load_config
from .errors import SiteError, display_path
from .importer.options import add_arguments as import_arguments
from .pipeline import BuildOptions, build_site

log = logging.getLogger("epaper")


def main(argv: Sequence[str] | None = None) -> int:
    arguments = with_command(list(sys.argv[1:] if argv is None else argv))
    options = make_parser(only=_named_command(arguments)).parse_args(arguments)
    configure_logging(options.verbose - options.quiet)
    previous_handler = signal.signal(signal.SIGTERM, _interrupt)
    try:
        config = load_config(Path(options.config))
        return int(options.handler(options, config))
    except SiteError as error:
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # a bug in this tool: short message unless --debug
        if options.debug:
            raise
        print(f"internal error: {type(error).__name__}: {error} (run with --debug for details)", file=sys.stderr)
        return 2
    finally:
        signal.signal(signal.SIGTERM, previous_handler)


def with_command(arguments: list[str]) -> list[str]:
    """Put ``build`` first when no command is named: `build.py`, `build.py -q` and `build.py --out x` build."""
    index = _command_index(arguments)
    if index is None or (index < len(arguments) and arguments[index] in COMMANDS):
        return arguments
    return ["build", *arguments]


def _command_index(arguments: list[str]) -> int | None:
    """Where the command's name is or would be in ``arguments``; None when they ask for help or the version."""
    index = 0
    while index < len(arguments) and arguments[index].startswith("-"):
        if arguments[index] in ("-h", "--help", "--version"):
            return None
        index += 2 if arguments[index] == "--config" else 1
    return index


def _named_command(arguments: list[str]) -> str | None:
    index = _command_index(arguments)
    return arguments[index] if index is not None and index < len(arguments) else None


def _interrupt(signum: int, frame: object) -> None:
    """SIGTERM unwinds like Ctrl-C, so a build removes its unfinished output on the way out."""
    raise KeyboardInterrupt


def configure_logging(verbosity: int) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    log.handlers[:] = [handler]
    log.propagate = False
    log.setLevel(logging.WARNING if verbosity < 0 else logging.INFO if verbosity == 0 else logging.DEBUG)


def with_build_overrides(options: argparse.Namespace, config: SiteConfig) -> SiteConfig:
    """Apply ``--out`` and ``--base-url`` to the settings from site.yaml."""
    overrides: dict[str, object] = {}
    if options.out:
        overrides["output_dir"] = Path(options.out).resolve()
    if options.base_url:
        overrides["base_url"] = options.base_url
    return config.with_overrides(**overrides) if overrides else config


def run_build(options: argparse.Namespace, config: SiteConfig) -> int:
    config = with_build_overrides(options, config)
    report = build_site(config, BuildOptions(include_drafts=options.drafts, strict=options.strict))
    changed = f"{report.written} files written ({report.bytes / 1e6:.1f} MB)" if report.written else "no file changed"
    log.info(
        "built %d articles into %d pages and %d files in %s in %.2fs: %s",
        report.articles,
        report.pages,
        report.files,
        display_path(config.output_dir),
        report.seconds,
        changed,
    )
    return 0


def run_check(options: argparse.Namespace, config: SiteConfig) -> int:
    from .checks.run import check_site, summary  # BeautifulSoup and feedparser load only for this command

    if not options.no_build:
        run_build(options, config)
    results = check_site(with_build_overrides(options, config), validate_html=not options.skip_html_validation)
    print(summary(results))
    problems = sum(len(findings.problems) for findings in results)
    print(f"check: {problems} problem(s)" if problems else "check: everything is fine")
    return 1 if problems else 0


def run_deploy(options: argparse.Namespace, config: SiteConfig) -> int:
    from .deploy.command import run  # boto3 loads only for this command

    if not options.no_build:
        run_build(options, config)
    return run(options, with_build_overrides(options, config))


def run_import(options: argparse.Namespace, config: SiteConfig) -> int:
    from .importer.command import run  # pypinyin and pdfplumber load only for this command

    return run(options, config)


def run_serve(options: argparse.Namespace, config: SiteConfig) -> int:
    from .serve import serve  # livereload and tornado load only for this command

    return serve(
        config,
        host=options.host,
        port=options.port,
        open_browser=options.open,
        config_file=Path(options.config),
        drafts=options.drafts,
    )


def _common_options(defaults: bool) -> argparse.ArgumentParser:
    """Options every command takes, before or after its name; after it they only override what was given."""
    common = argparse.ArgumentParser(add_help=False)

    def default(value: object) -> object:
        return value if defaults else argparse.SUPPRESS

    common.add_argument("--config", default=default("site.yaml"), help="the site's settings file (default: site.yaml)")
    common.add_argument("-q", "--quiet", action="count", default=default(0), help="print only warnings and errors")
    common.add_argument("-v", "--verbose", action="count", default=default(0), help="print more detail")
    common.add_argument("--debug", action="store_true", default=default(False), help="show a traceback on errors")
    return common


def make_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line; with ``only``, only that command takes its arguments (a build imports no deploy code)."""
    parser = argparse.ArgumentParser(
        prog="build.py",
        description="Publish a newspaper's digital edition (数字报) from content/ as a static site.",
        epilog="Without a command, build.py builds the site.",
        parents=[_common_options(defaults=True)],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    after_command = _common_options(defaults=False)
    for name, (summary, handler, add_arguments) in COMMANDS.items():
        sub = commands.add_parser(name, parents=[after_command], help=summary, description=summary)
        if only is None or only == name:
            add_arguments(sub)
        sub.set_defaults(handler=handler)
    return parser


def _build_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", metavar="DIR", help="output folder (default: output_dir of site.yaml)")
    parser.add_argument("--base-url", metavar="URL", help="public URL of the site, may include a sub-path")
    _drafts_argument(parser)
    parser.add_argument("--strict", action="store_true", help="treat warnings (such as unknown topics) as errors")


def _drafts_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--drafts", action="store_true", help="include articles marked draft: true")


def _check_arguments(parser: argparse.ArgumentParser) -> None:
    _build_arguments(parser)
    parser.add_argument("--no-build", action="store_true", help="check the existing output instead of building first")
    parser.add_argument("--skip-html-validation", action="store_true", help="do not run the Nu HTML Checker")


def _deploy_arguments(parser: argparse.ArgumentParser) -> None:
    from .deploy.command import add_arguments

    _build_arguments(parser)
    parser.add_argument("--no-build", action="store_true", help="deploy the existing output instead of building first")
    add_arguments(parser)


def _serve_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1; 0.0.0.0 for a phone)"
    )
    parser.add_argument(
        "--port", type=int, default=8000, help="port to listen on, or the next free one (default: 8000; 0: any)"
    )
    parser.add_argument("--open", action="store_true", help="open the site in a browser")
    _drafts_argument(parser)


Handler = Callable[[argparse.Namespace, SiteConfig], int]
COMMANDS: dict[str, tuple[str, Handler, Callable[[argparse.ArgumentParser], None]]] = {
    "build": ("build the static site into the output folder", run_build, _build_arguments),
    "import": ("turn the raw text of printed pages into article files", run_import, import_arguments),
    "check": ("build, then check links, anchors, feeds, sitemap and HTML validity", run_check, _check_arguments),
    "serve": ("preview the site with live reload while you edit", run_serve, _serve_arguments),
    "deploy": ("build, then publish what changed to object storage, a folder or rsync", run_deploy, _deploy_arguments),
}
