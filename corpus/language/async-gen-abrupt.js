async function* g() { try { yield 1; yield 2; } finally { console.log('cleanup'); } }
(async () => {
  let it = g();
  console.log(JSON.stringify(await it.return('early')));
  console.log(JSON.stringify(await it.next()));
  it = g();
  try { await it.throw(new Error('boom')); } catch (e) { console.log('thrown:', e.message); }
  it = g();
  console.log(JSON.stringify(await it.next()));
  console.log(JSON.stringify(await it.return(Promise.resolve('awaited'))));
  console.log(JSON.stringify(await it.return('again')));
  it = g();
  await it.next();
  try { await it.return(Promise.reject(new Error('rej'))); } catch (e) { console.log('caught', e.message); }
  async function* h() { try { yield 1; } catch (e) { console.log('inside', e); yield 'recovered'; } }
  it = h();
  await it.next();
  console.log(JSON.stringify(await it.throw('oops')));
  console.log(JSON.stringify(await it.next()));
  const next = Object.getPrototypeOf(g.prototype).next;
  try { await next.call({}); } catch (e) { console.log(e.constructor.name); }
})();
