"""Async generators, for-await and async iteration (specs/interpreter.md INT-16, INT-17;
specs/bytecode.md BC-19): the request queue, abrupt requests, yield* over async and sync
iterables, for-await closing, early errors, and the one-owner-thread rule under --threads."""
import pytest

MODES = [(), ("--gil",)]


def run_ok(run_js, source, *flags):
    code, out, err = run_js(source, "main.js", *flags)
    assert code == 0, err
    return out.splitlines()


@pytest.mark.parametrize("flags", MODES)
def test_requests_queue_and_settle_in_order(run_js, flags):
    # Five next() calls are queued before the body runs; each settles with its own step, the
    # value sent by the second call arrives at the first yield, and `return` awaits its operand.
    lines = run_ok(run_js, r"""
const log = [];
async function* g() {
  const a = yield 1;
  log.push('a=' + a);
  const b = yield await Promise.resolve(2);
  log.push('b=' + b);
  return Promise.resolve('ret');
}
const it = g();
const ps = ['x', 'y', 'z', 'w'].map(v => it.next(v));
log.push('queued');
Promise.all(ps).then(rs => console.log(JSON.stringify(rs), log.join(',')));
""", *flags)
    assert lines == ['[{"value":1,"done":false},{"value":2,"done":false},{"value":"ret","done":true},'
                     '{"done":true}] queued,a=y,b=z']


def test_return_and_throw_requests(run_js):
    lines = run_ok(run_js, r"""
async function* g() { try { yield 1; yield 2; } finally { console.log('cleanup'); } }
(async () => {
  let it = g();
  console.log(JSON.stringify(await it.return('early')), JSON.stringify(await it.next()));
  it = g();
  await it.throw(new Error('boom')).catch(e => console.log('rejected', e.message));
  it = g();
  await it.next();
  console.log(JSON.stringify(await it.return(Promise.resolve('awaited'))));
  it = g();
  await it.next();
  await it.return(Promise.reject(new Error('rej'))).catch(e => console.log('caught', e.message));
  const p = Object.getPrototypeOf(g.prototype).next.call({});
  await p.catch(e => console.log(e instanceof TypeError));
})();
""")
    assert lines == ['{"value":"early","done":true} {"done":true}', 'rejected boom', 'cleanup', '{"value":"awaited","done":true}', 'cleanup', 'caught rej', 'true']


def test_yield_star_async_and_sync(run_js):
    lines = run_ok(run_js, r"""
const calls = [];
const inner = {
  [Symbol.asyncIterator]() { return this; },
  i: 0,
  next(v) { calls.push('next:' + v); return Promise.resolve({ value: this.i++, done: this.i > 2 }); },
};
async function* g() {
  const r = yield* inner;
  calls.push('r=' + r);
  yield* [Promise.resolve('unwrapped'), 'b'];
}
(async () => {
  const out = [];
  for await (const v of g()) out.push(v);
  console.log(JSON.stringify(out), calls.join(','));
  // A throw() into a yield* whose inner iterator has no throw method closes it first.
  async function* t() { yield* { [Symbol.asyncIterator]() { return { next() { return { value: 1, done: false }; },
                                                                          return() { calls.push('closed'); return {}; } }; } }; }
  const it = t();
  await it.next();
  await it.throw(new Error('x')).catch(e => console.log(e.constructor.name, calls.pop()));
})();
""")
    assert lines == ['[0,1,"unwrapped","b"] next:undefined,next:undefined,next:undefined,r=2',
                     'TypeError closed']


def test_for_await_closes_iterators(run_js):
    lines = run_ok(run_js, r"""
const log = [];
function source(name) {
  return { [Symbol.asyncIterator]() {
    let i = 0;
    return { next() { return Promise.resolve({ value: name + i, done: i++ >= 5 }); },
             return() { log.push(name + ':return'); return Promise.resolve({}); } };
  } };
}
(async () => {
  for await (const x of source('a')) { if (x === 'a1') break; }
  try { for await (const x of source('b')) throw new Error('body'); } catch (e) { log.push(e.message); }
  const bad = { [Symbol.asyncIterator]() { return { next() { return 5; } }; } };
  try { for await (const x of bad) {} } catch (e) { log.push(e.constructor.name); }
  // A throw completion wins over return()'s own error.
  const failing = { [Symbol.asyncIterator]() { return { next() { return { value: 1, done: false }; },
                                                        return() { throw new Error('from return'); } }; } };
  try { for await (const x of failing) throw new Error('original'); } catch (e) { log.push(e.message); }
  // ... but on break, return()'s error is thrown.
  try { for await (const x of failing) break; } catch (e) { log.push(e.message); }
  for await (const [a, b = 'd'] of [[1], Promise.resolve([2, 3])]) log.push(a + b);
  console.log(log.join(','));
})();
""")
    assert lines == ['a:return,b:return,body,TypeError,original,from return,1d,5']


def test_async_generator_return_closes_for_await(run_js):
    # return() on an async generator suspended inside for-await closes the inner iterator and
    # runs finally blocks on the way out.
    lines = run_ok(run_js, r"""
const log = [];
const src = { [Symbol.asyncIterator]() { return { next() { return { value: 'v', done: false }; },
                                                  return() { log.push('inner closed'); return {}; } }; } };
async function* g() { try { for await (const x of src) yield x; } finally { log.push('finally'); } }
(async () => {
  const it = g();
  console.log(JSON.stringify(await it.next()));
  console.log(JSON.stringify(await it.return('done')), log.join(','));
})();
""")
    assert lines == ['{"value":"v","done":false}', '{"value":"done","done":true} inner closed,finally']


@pytest.mark.parametrize("source, message", [
    ("for await (const x of []) ;", "SyntaxError"),
    ("function f() { for await (const x of []) ; }", "SyntaxError"),
    ("async function* g(yield) {}", "SyntaxError"),
    ("async function* g() { var await; }", "SyntaxError"),
    ("async function* g(x = await 1) {}", "SyntaxError"),
    ("async function* g() { yield => 1; }", "SyntaxError"),
    ("class C { async *constructor() {} }", "SyntaxError"),
    ("async function f() { for await (var x = 1 of []) ; }", "SyntaxError"),
])
def test_early_errors(run_js, source, message):
    code, out, err = run_js(source)
    assert code != 0
    assert message in err


@pytest.mark.parametrize("flags", MODES)
def test_other_thread_resumes_in_queue_order(run_js, flags):
    # Any thread may resume an async generator: its requests join the one queue, the body runs
    # on the thread that claimed it, and each request settles for its caller [INT-16].
    lines = run_ok(run_js, r"""
async function* g() { const a = yield 1; yield a + ':' + (await Promise.resolve(2)); }
const it = g();
const t = new Thread(() => {
  let out = 'none';
  it.next().then(r => { out = JSON.stringify(r); }, e => { out = e.constructor.name; });
  return new Promise(r => setTimeout(() => r(out), 10));
});
(async () => {
  console.log(await t.join());
  console.log(JSON.stringify(await it.next('x')), JSON.stringify(await it.next()));
})();
""", *flags)
    assert lines == ['{"value":1,"done":false}', '{"value":"x:2","done":false} {"done":true}']


@pytest.mark.parametrize("flags", MODES)
def test_many_threads_each_iterating_their_own(run_js, flags):
    lines = run_ok(run_js, r"""
async function* count(n) { for (let i = 0; i < n; i++) yield await Promise.resolve(i); }
function work(n) {
  return (async () => { let sum = 0; for await (const v of count(n)) sum += v; return sum; })();
}
const ts = [];
for (let k = 0; k < 4; k++) ts.push(new Thread(work, 200 + k));
(async () => {
  const sums = [];
  for (const t of ts) sums.push(await t.join());
  console.log(sums.join(','));
})();
""", *flags)
    assert lines == [",".join(str(n * (n - 1) // 2) for n in range(200, 204))]
