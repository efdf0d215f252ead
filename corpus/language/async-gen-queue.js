const log = [];
async function* g() {
  log.push('start');
  try {
    const a = yield 1;
    log.push('a=' + a);
    const b = yield await Promise.resolve(2);
    log.push('b=' + b);
    yield Promise.resolve(3);
    return Promise.resolve('ret');
  } finally {
    log.push('finally');
  }
}
const it = g();
const ps = [it.next('x'), it.next('y'), it.next('z'), it.next('w'), it.next('v')];
log.push('queued');
Promise.all(ps).then(rs => {
  console.log(JSON.stringify(rs));
  console.log(log.join(','));
});
