#!/usr/bin/env bash
# ThreadSanitizer run of the C core (DESIGN §6 step 5). Builds the core with -fsanitize=thread into
# a private directory (like tools/devbuild.sh; never into the shared tree), then runs
#   1. the heap/safepoint C tests that use threads (tests/core/heap_test.c, built with TSAN), and
#   2. the threads corpus (corpus/threads/, both modes) through `jsthreads corpus`.
# Python is not TSAN-built, so the engine runs as `python -m jsthreads` with libtsan LD_PRELOADed:
# only the C core is instrumented, and libtsan intercepts pthreads and malloc for the whole process.
# Reports go to files (TSAN's log_path), so test output stays comparable with the .expected files;
# every report is printed at the end, and the script exits 1 if there is any.
# Benign reports are suppressed in tools/tsan-suppressions.txt, each with its justification.
#
# Usage: tools/tsan.sh DIR [jsthreads corpus options, e.g. -k lock --repeat 3]
#   TSAN_CORPUS="corpus/threads other/dir"  corpus folders to run (default corpus/threads)
#   TSAN_SKIP_C=1                           skip the C tests
#   TSAN_SKIP_CORPUS=1                      skip the corpus (C tests only)
set -euo pipefail
dir=$(realpath -m "${1:?usage: tools/tsan.sh DIR [corpus options]}")
shift
root=$(cd "$(dirname "$0")/.." && pwd)
py=${PYTHON:-/work/venv/bin/python}
libtsan=$(gcc -print-file-name=libtsan.so)
suppressions="$root/tools/tsan-suppressions.txt"
reports="$dir/reports"
mkdir -p "$dir"
rm -rf "$reports"
mkdir -p "$reports"
# history_size: deeper per-thread history so both stacks of a race are reported.
options="suppressions=$suppressions log_path=$reports/tsan exitcode=0 halt_on_error=0 history_size=4 second_deadlock_stack=1"

echo "== building the core with -fsanitize=thread into $dir/build"
# The compiler's -Wtsan notes (e.g. "atomic_thread_fence is not supported") go to a log: TSAN does
# not model standalone fences, so a fence-based ordering may show up as a report to judge.
if ! JSTHREADS_TSAN=1 PYTHON="$py" "$root/tools/devbuild.sh" "$dir/build" >"$dir/build.log" 2>&1; then
    grep -E "error" "$dir/build.log" | head -20
    echo "build failed: $dir/build.log"
    exit 2
fi
grep -o "warning: .*" "$dir/build.log" | sort | uniq -c | sed 's/^/   /' || true

# The engine command the corpus runner starts (JSTHREADS_ENGINE_CMD); `run FILE --mode` follows.
cat > "$dir/engine" <<SH
#!/usr/bin/env bash
export LD_PRELOAD="$libtsan"
export TSAN_OPTIONS="$options"
export JSTHREADS_BUILD_DIR="$dir/build"
export PYTHONPATH="$root\${PYTHONPATH:+:\$PYTHONPATH}"
exec "$py" -m jsthreads "\$@"
SH
chmod +x "$dir/engine"

if [ -z "${TSAN_SKIP_C:-}" ]; then
    echo "== heap/safepoint C tests under TSAN"
    gcc -std=gnu11 -O1 -g -fsanitize=thread -pthread -Wall -Wextra -I "$root/csrc" -I "$root/tests/core" \
        "$root"/csrc/{heap,safepoint,celltypes,string,atom}.c \
        "$root"/tests/core/{heap_test,string_test,stubs_heap}.c -o "$dir/heap_test"
    for test in threads_stop_the_world threads_gc_stress threads_race_mode back_to_back_stops threads_churn gil_threads_churn \
                gil_stop_the_world gil_race_mode gil_one_runner gil_spin_wait gil_blocked_waits_release atoms_unique; do
        printf '   %-28s ' "$test"
        TSAN_OPTIONS="$options" "$dir/heap_test" "$test" || echo "FAILED"
    done
fi

status=0
if [ -z "${TSAN_SKIP_CORPUS:-}" ]; then
    echo "== threads corpus under TSAN (both modes)"
    read -r -a folders <<< "${TSAN_CORPUS:-corpus/threads}"
    (cd "$root" && JSTHREADS_ENGINE_CMD="$dir/engine" PYTHONPATH="$root" "$py" -m jsthreads corpus "${folders[@]}" \
        --mode both --timeout 300 --jobs 2 "$@") || status=$?
fi

shopt -s nullglob
logs=("$reports"/tsan*)
if [ ${#logs[@]} -gt 0 ]; then
    echo "== ${#logs[@]} process(es) reported; each distinct report as kind: top frame of both accesses"
    # One line per report: its kind and the innermost frame of the two racing accesses, with
    # paths made relative to csrc/, counted over all processes.
    awk -v csrc="$root/csrc/" '
        function flush() { if (line) print line; line = "" }
        /WARNING: ThreadSanitizer:/ { flush(); sub(/ \(pid=.*/, ""); sub(/.*ThreadSanitizer: /, ""); line = $0; frames = 0; next }
        /^    #0 / && frames < 2 { sub(/^    #0 /, ""); sub(/ \(.*$/, ""); gsub(csrc, ""); line = line " | " $0; frames++ }
        /^SUMMARY/ { flush() }
        END { flush() }' "${logs[@]}" | sort | uniq -c | sort -rn | head -40
    echo "full reports: $reports"
    exit 1
fi
echo "== no ThreadSanitizer reports (corpus exit status $status)"
exit "$status"
