#!/usr/bin/env bash
# Builds the C core into a private directory (never into the shared tree), so several engineers
# can build at once. Usage: tools/devbuild.sh DIR  ->  DIR/run FILE.js | DIR/run -e CODE
# Then JSTHREADS_BUILD_DIR=DIR selects that build for `python -m jsthreads` and pytest.
set -euo pipefail
dir=$(realpath -m "${1:?usage: tools/devbuild.sh DIR}")
root=$(cd "$(dirname "$0")/.." && pwd)
py=${PYTHON:-/work/venv/bin/python}
mkdir -p "$dir"
cd "$root"
"$py" - "$dir" <<'PY'
import sys, os, importlib.util
spec = importlib.util.spec_from_file_location("_jst_build", "jsthreads/_build.py")
m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
# Compile with absolute paths so that the temp dir can live anywhere.
m.ffibuilder._assigned_source = (m.ffibuilder._assigned_source[0], m.ffibuilder._assigned_source[1],
    m.ffibuilder._assigned_source[2], dict(m.ffibuilder._assigned_source[3],
    sources=[os.path.abspath(s) for s in m.ffibuilder._assigned_source[3]["sources"]]))
m.ffibuilder.compile(tmpdir=sys.argv[1], verbose=False)
# The CPython extension jsthreads._fastcall, next to the cffi module (runtime.py finds it there).
import logging
from setuptools import Distribution, Extension
logging.getLogger("setuptools").setLevel(logging.WARNING)
dist = Distribution({"ext_modules": [Extension(**m.fastcall_extension(absolute=True))]})
dist.verbose = 0
build = dist.get_command_obj("build_ext")
build.build_lib = sys.argv[1]
build.build_temp = os.path.join(sys.argv[1], "fastcall.tmp")
build.ensure_finalized()
build.run()
PY
cat > "$dir/run" <<SH
#!/usr/bin/env bash
JSTHREADS_BUILD_DIR="$dir" PYTHONPATH="$root\${PYTHONPATH:+:\$PYTHONPATH}" exec "$py" -m jsthreads run "\$@"
SH
chmod +x "$dir/run"
echo "built into $dir"
