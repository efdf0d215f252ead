"""Time limits, interrupts and heap limits.

Run: python examples/embed_limits.py
"""
import threading

import jsthreads

with jsthreads.Runtime(time_limit=0.2) as rt:
    try:
        rt.eval("while (true) {}")
    except jsthreads.JSTimeoutError as error:
        print("time limit:", error.message)
    print("still usable:", rt.eval("'yes'"))

with jsthreads.Runtime() as rt:
    threading.Timer(0.1, rt.interrupt).start()
    try:
        rt.eval("for (;;) {}")
    except jsthreads.JSInterruptedError as error:
        print("interrupted:", error.message)

with jsthreads.Runtime(heap_limit=64 * 1024 * 1024) as rt:
    try:
        rt.eval("(() => { const hoard = []; for (;;) hoard.push({data: [1, 2, 3]}) })()")
    except jsthreads.JSMemoryError as error:
        print("heap limit:", error.name, error.message)
    print("after the limit:", rt.eval("[1, 2, 3].map(x => x * 2)").to_py())
