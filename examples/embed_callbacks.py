"""Python functions and objects used from JS, including from JS threads running in parallel.

Run: python examples/embed_callbacks.py
"""
import threading

import jsthreads

with jsthreads.Runtime() as rt:
    lock = threading.Lock()
    log = []

    @rt.expose
    def record(thread, value):
        with lock:
            log.append((thread, value))
        return value * value

    class Inventory:
        def __init__(self):
            self.items = {"apples": 3}

        def take(self, name):
            self.items[name] -= 1
            return self.items[name]

    rt.globals["inventory"] = Inventory()
    print("left:", rt.eval("inventory.take('apples')"))
    squares = rt.eval("""
        const threads = [1, 2, 3].map(t => new Thread(() => record(t, t * 10)));
        threads.map(t => t.join())
    """).to_py()
    print("squares from 3 JS threads:", squares, "calls:", len(log))
    try:
        rt.eval("inventory.take('pears')")
    except jsthreads.JSError as error:
        print("uncaught Python error came back as", error.name, "caused by", repr(error.__cause__))
