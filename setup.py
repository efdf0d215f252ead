# cffi's build hook still needs setup.py: the project metadata lives in pyproject.toml. The CPython
# extension jsthreads._fastcall (csrc/pyext) is described by jsthreads/_build.py, loaded by path
# as cffi loads it (the package itself is not importable before it is built).
import importlib.util

from setuptools import Extension, setup

_spec = importlib.util.spec_from_file_location("_jst_build", "jsthreads/_build.py")
_build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_build)

setup(cffi_modules=["jsthreads/_build.py:ffibuilder"],
      ext_modules=[Extension(**_build.fastcall_extension())])
