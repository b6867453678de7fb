"""The benchmark's synthetic archive (bench/corpus.py) for tests: bench/ is no package, so it is loaded by path."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

from tools.local_site import REPOSITORY


def load_bench_corpus() -> ModuleType:
    spec = importlib.util.spec_from_file_location("synthetic_corpus", REPOSITORY / "bench" / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while they are made
    spec.loader.exec_module(module)
    return module
