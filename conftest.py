# Repository-root pytest configuration: the corpus plugin collects corpus/**/*.js files.
pytest_plugins = ["jsthreads.pytest_corpus"]
