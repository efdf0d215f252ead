function makeIterable(name, n, log) {
  return {
    [Symbol.asyncIterator]() {
      let i = 0;
      return {
        next() { return Promise.resolve({ value: name + i, done: i++ >= n }); },
        return() { log.push(name + ':return'); return new Promise(r => setTimeout(() => { log.push(name + ':closed'); r({}); }, 5)); },
      };
    },
  };
}
(async () => {
  const log = [];
  for await (const x of makeIterable('a', 5, log)) { log.push(x); if (x === 'a1') break; }
  log.push('after-break');
  try {
    for await (const [y] of [[1], Promise.resolve([2])]) { log.push('y' + y); }
    for await (const x of makeIterable('b', 5, log)) { log.push(x); throw new Error('body'); }
  } catch (e) { log.push('caught:' + e.message); }
  async function f() { for await (const x of makeIterable('c', 5, log)) { return x; } }
  log.push('ret:' + await f());
  const bad = { [Symbol.asyncIterator]() { return { next() { return 5; } }; } };
  try { for await (const x of bad) {} } catch (e) { log.push(e.constructor.name); }
  try { for await (const x of 5) {} } catch (e) { log.push(e.constructor.name); }
  let keys = [];
  for await (const { k = 'dflt' } of [{ k: 1 }, {}]) keys.push(k);
  log.push(keys.join('/'));
  console.log(log.join('\n'));
})();
