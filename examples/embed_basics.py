"""Running JavaScript from Python: eval, calls, globals, proxies and conversions.

Run: python examples/embed_basics.py
"""
import jsthreads

with jsthreads.Runtime() as rt:
    rt.eval("""
        function summarize(orders) {
            const total = orders.reduce((sum, o) => sum + o.qty * o.price, 0);
            return {count: orders.length, total, biggest: orders.map(o => o.item).sort()[0]};
        }
    """)
    orders = [{"item": "tea", "qty": 2, "price": 3.5}, {"item": "cake", "qty": 1, "price": 4}]
    summary = rt.call("summarize", orders)            # a live JSObject
    print("summary:", summary.to_py())
    print("total via attribute:", summary.total)
    rt.globals["rate"] = 1.2
    print("with tax:", rt.eval("summarize([{item: 'x', qty: 1, price: 10}]).total * rate"))
