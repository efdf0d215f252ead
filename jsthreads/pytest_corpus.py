"""pytest plugin for the corpus: every `.js` file below a folder named `corpus` (helpers excepted,
see corpus.is_helper) becomes one item per mode, `corpus/language/foo.js::gil` and `::threads`,
that runs the file through the jsthreads CLI with corpus.run_one and fails with its diff.

Directives are honoured as the corpus runner does (skip, modes, repeat, timeout); judging and
reporting live in corpus.py so that the CLI and pytest never disagree. Items hold only paths and
plain data, so pytest-xdist workers collect and run them like any other test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jsthreads import corpus

CORPUS_DIR_NAME = "corpus"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("corpus", "jsthreads corpus tests")
    group.addoption("--corpus-mode", choices=("gil", "threads", "both"), default="both",
                    help="run corpus tests under this mode only (default: both)")
    group.addoption("--corpus-race", type=int, default=None, metavar="SEED",
                    help=f"run corpus tests under the race amplifier ({corpus.RACE_ENV}=SEED+repeat)")
    group.addoption("--corpus-repeat", type=int, default=None, metavar="N",
                    help="run every corpus test N times, overriding `// @repeat` (with --corpus-race: "
                         "seeds SEED..SEED+N-1)")
    group.addoption("--corpus-timeout", type=float, default=corpus.DEFAULT_TIMEOUT, metavar="S",
                    help="per-run timeout unless a test sets `// @timeout`")
    group.addoption("--corpus-engine-arg", action="append", default=[], metavar="ARG",
                    help="extra engine option for every corpus run (repeatable)")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "corpus: a corpus .js program run through the jsthreads CLI")


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix == ".js" and is_corpus_test(file_path):
        return CorpusFile.from_parent(parent, path=file_path)
    return None


def is_corpus_test(path: Path) -> bool:
    """A .js file with a `corpus` folder among its ancestors that is not a helper below it."""
    for ancestor in path.parents:
        if ancestor.name == CORPUS_DIR_NAME:
            return not corpus.is_helper(path, ancestor)
    return False


class CorpusFile(pytest.File):
    def collect(self):
        test = corpus.load_test(self.path, name=self._relative_name())
        option = self.config.getoption("corpus_mode")
        selected = corpus.MODES if option == "both" else (option,)
        for mode in test.directives.modes:
            if mode not in selected:
                continue
            item = CorpusItem.from_parent(self, name=mode, test=test, mode=mode)
            item.add_marker(pytest.mark.corpus)
            if test.directives.skip and not test.directives.error:
                item.add_marker(pytest.mark.skip(reason=test.directives.skip))
            yield item

    def _relative_name(self) -> str:
        try:
            return self.path.relative_to(self.config.rootpath).as_posix()
        except ValueError:
            return self.path.as_posix()


class CorpusFailure(Exception):
    def __init__(self, result: corpus.Result):
        super().__init__(result.message)
        self.result = result


class CorpusItem(pytest.Item):
    def __init__(self, *, test: corpus.CorpusTest, mode: str, **kwargs):
        super().__init__(**kwargs)
        self.test = test
        self.mode = mode

    def runtest(self) -> None:
        config = self.config
        race = config.getoption("corpus_race")
        for index in range(self._repeats()):
            result = corpus.run_one(self.test, self.mode, timeout=config.getoption("corpus_timeout"),
                                    race_seed=corpus.race_seed_for(race, index), repeat=index,
                                    engine_args=config.getoption("corpus_engine_arg"))
            if not result.ok:
                raise CorpusFailure(result)

    def _repeats(self) -> int:
        repeat = self.config.getoption("corpus_repeat")
        return max(1, repeat) if repeat is not None else self.test.directives.repeat

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, CorpusFailure):
            result = excinfo.value.result
            text = corpus.describe_failure(result)
            if self._repeats() > 1:
                seed = "" if result.race_seed is None else f", race seed {result.race_seed}"
                text += f"\n(failed on repeat {result.repeat + 1} of {self._repeats()}{seed})"
            return text
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self):
        return self.path, 0, f"{self.test.name} [{self.mode}]"
