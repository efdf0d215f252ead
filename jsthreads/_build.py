"""cffi builder for the C core (jsthreads._core).

Owns the build: generates csrc/gen/opcodes.h from jsthreads/bytecode.py, feeds csrc/api.h to
ffi.cdef, and compiles every C file under csrc/ (but csrc/pyext) with -O2 -Wall -Wextra; and
describes the CPython extension jsthreads._fastcall (fastcall_extension) built next to it. Must not import the
jsthreads package (it does not exist as a built package yet): bytecode.py is loaded by path.
"""
import importlib.util
import os
import re
from pathlib import Path

from cffi import FFI

ROOT = Path(__file__).resolve().parent.parent
CSRC = ROOT / "csrc"
GEN = CSRC / "gen"


def _load_bytecode_module():
    spec = importlib.util.spec_from_file_location("_jst_bytecode", ROOT / "jsthreads" / "bytecode.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def generate_headers():
    GEN.mkdir(exist_ok=True)
    text = _load_bytecode_module().generate_c_header()
    target = GEN / "opcodes.h"
    # Rewrite only on change so that make-like tools do not rebuild needlessly.
    if not target.exists() or target.read_text() != text:
        target.write_text(text)


def api_cdef():
    """api.h without preprocessor lines; the Python callbacks become extern "Python+C"."""
    text = (CSRC / "api.h").read_text()
    text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    # The callbacks the engine makes into Python: compiling eval source, and host objects.
    return re.sub(r"^int (jst_py_compile|jst_py_host)\b", r'extern "Python+C" int \1', text, flags=re.M)


def c_sources():
    # csrc/pyext is the CPython extension (fastcall_extension), built as a module of its own.
    return sorted(str(p.relative_to(ROOT)) for p in CSRC.rglob("*.c") if not {"gen", "pyext"} & set(p.parts))


def fastcall_extension(absolute=False):
    """setuptools.Extension keywords for jsthreads._fastcall, the CPython extension that makes
    the common Python <-> JS calls without cffi (csrc/pyext/fastcall.c). It includes only
    api.h / api_table.h and links against nothing of the core: it calls through the table the
    cffi module hands it at import. setup.py and tools/devbuild.sh both build it from this."""
    base = ROOT if absolute else Path(".")
    return dict(name="jsthreads._fastcall", sources=[str(base / "csrc" / "pyext" / "fastcall.c")],
                include_dirs=[str(base / "csrc")],
                extra_compile_args=["-std=gnu11", "-O2", "-Wall", "-Wextra", "-Wno-unused-parameter",
                                    "-Wno-missing-field-initializers", "-fno-strict-aliasing"])


COMPILE_ARGS = ["-std=gnu11", "-O2", "-Wall", "-Wextra", "-Wno-unused-parameter", "-mcx16",
                "-fno-strict-aliasing", "-pthread"]
if os.environ.get("JSTHREADS_DEBUG"):
    COMPILE_ARGS = [a if a != "-O2" else "-O0" for a in COMPILE_ARGS] + ["-g", "-DJST_DEBUG=1"]
if os.environ.get("JSTHREADS_TSAN"):
    COMPILE_ARGS += ["-fsanitize=thread", "-g"]

generate_headers()
ffibuilder = FFI()
ffibuilder.cdef(api_cdef())
ffibuilder.set_source(
    "jsthreads._core",
    '#include "api.h"',
    sources=c_sources(),
    include_dirs=[str(CSRC), str(GEN)],
    extra_compile_args=COMPILE_ARGS,
    extra_link_args=["-pthread"] + (["-fsanitize=thread"] if os.environ.get("JSTHREADS_TSAN") else []),
    libraries=["m"],
)

if __name__ == "__main__":
    ffibuilder.compile(verbose=False)
