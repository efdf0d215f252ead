const log = (...a) => console.log(...a);
async function* g1() { try { yield 1; } finally { await null; yield 'in-finally'; log('after finally yield'); } }
async function* g2() { const x = yield* (async function*() { const r = yield 'a'; log('inner got', r); return 'inner-done'; })(); log('x', x); }
async function* g3() { throw new Error('immediately'); }
async function* g4() { yield Promise.reject(new Error('rejected yield')); }
async function* g5() { try { yield 1; } catch (e) { log('g5 caught', e); } }
(async () => {
  let it = g1();
  log(JSON.stringify(await it.next()));
  log(JSON.stringify(await it.return('R')));
  log(JSON.stringify(await it.next()));
  log(JSON.stringify(await it.next()));
  it = g2();
  log(JSON.stringify(await it.next()));
  log(JSON.stringify(await it.next('sent')));
  it = g3();
  await it.next().catch(e => log('g3', e.message));
  log(JSON.stringify(await it.next()));
  it = g4();
  await it.next().catch(e => log('g4', e.message));
  log(JSON.stringify(await it.next()));
  it = g5();
  await it.next();
  log(JSON.stringify(await it.throw('T')));
  // Interleaved requests with a slow await.
  async function* slow() { for (let i = 0; i < 3; i++) { await new Promise(r => setTimeout(r, 5)); yield i; } }
  it = slow();
  const all = await Promise.all([it.next(), it.return('stop'), it.next(), it.throw(new Error('late')).catch(e => 'caught ' + e.message)]);
  log(JSON.stringify(all));
  // for await over a sync iterator with rejected promise closes it
  const ag = g5();
  class A { static async *[Symbol.iterator]() {} }
})().catch(e => log('outer', e));
