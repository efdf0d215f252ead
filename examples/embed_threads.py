"""Two Python threads running CPU-bound JS in one runtime, in parallel (the GIL is released).

Run: python examples/embed_threads.py
"""
import resource
import threading
import time

import jsthreads

SOURCE = "(n) => { let s = 0; for (let i = 0; i < n; i++) s = (s + i * i) % 1000003; return s }"
N = 2_000_000

with jsthreads.Runtime() as rt:
    work = rt.eval(SOURCE)
    work(1000)   # warm up
    start = time.perf_counter()
    work(N)
    work(N)
    serial = time.perf_counter() - start
    start = time.perf_counter()
    cpu_start = resource.getrusage(resource.RUSAGE_SELF).ru_utime
    threads = [threading.Thread(target=work, args=(N,)) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    parallel = time.perf_counter() - start
    cpu = resource.getrusage(resource.RUSAGE_SELF).ru_utime - cpu_start
    print("two calls one after the other: %.2f s; in two Python threads: %.2f s; speedup %.2fx"
          % (serial, parallel, serial / parallel))
    # CPU seconds per wall second while both ran: 2.0 means both cores were busy at once (on a
    # shared machine the wall-clock speedup also depends on what else runs).
    print("CPU use during the parallel part: %.2f cores" % (cpu / parallel))
