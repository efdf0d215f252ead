const log = [];
const inner = {
  [Symbol.asyncIterator]() { return this; },
  i: 0,
  next(v) { log.push('next:' + v); return Promise.resolve({ value: this.i++, done: this.i > 3 }); },
  return(v) { log.push('return:' + v); return { value: 'inner-ret', done: true }; },
};
async function* g() {
  const r = yield* inner;
  log.push('r=' + r);
  yield* [Promise.resolve('sync-unwrapped'), 'b'];
  return 'end';
}
(async () => {
  const out = [];
  for await (const v of g()) out.push(v);
  console.log(JSON.stringify(out), log.join(','));
  inner.i = 0; log.length = 0;
  const it = g();
  await it.next();
  console.log(JSON.stringify(await it.return('stop')), log.join(','));
  async function* t() { try { yield* { [Symbol.asyncIterator]() { return { next() { return { value: 1, done: false }; }, return() { log.push('closed'); return {}; } }; } }; } finally { log.push('t-finally'); } }
  log.length = 0;
  const it2 = t();
  await it2.next();
  try { await it2.throw(new Error('no throw method')); } catch (e) { console.log(e.constructor.name, log.join(',')); }
})();
