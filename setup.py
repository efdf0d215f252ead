# cffi's build hook still needs setup.py: the project metadata lives in pyproject.toml.
from setuptools import setup

setup(cffi_modules=["jsthreads/_build.py:ffibuilder"])
