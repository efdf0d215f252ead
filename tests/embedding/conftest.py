"""Fixtures for the embedding API tests: `rt` is a fresh --threads Runtime, closed afterwards;
`any_rt` runs the test under both modes."""
import pytest

import jsthreads


@pytest.fixture
def rt():
    runtime = jsthreads.Runtime()
    yield runtime
    runtime.close()


@pytest.fixture(params=["threads", "gil"])
def any_rt(request):
    runtime = jsthreads.Runtime(mode=request.param)
    yield runtime
    runtime.close()
