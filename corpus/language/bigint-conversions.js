// BigInt conversions and comparisons: BigInt(), Number(), strings, mixed comparisons,
// asIntN/asUintN, Map/Set keys, JSON and the errors of mixing BigInt with Number.
const show = f => { try { console.log(f()); } catch (e) { console.log(e.name + ': ' + e.message); } };
show(() => [BigInt(123), BigInt('0x10'), BigInt(' -42 '), BigInt(true), BigInt(2 ** 60)]);
show(() => BigInt(0.5));
show(() => BigInt('12abc'));
show(() => BigInt(Symbol.iterator));
show(() => Number(123456789012345678901234567890n));
show(() => [1n < 1.5, 2n > '1', 1n == 1, 1n === 1, 0n == '', 1n < NaN, 10n ** 20n > 1e20]);
show(() => [BigInt.asIntN(8, 255n), BigInt.asUintN(8, -1n), BigInt.asIntN(64, 2n ** 63n)]);
show(() => 1n + 1);
show(() => Math.sqrt(4n));
show(() => +5n);
show(() => 5n >>> 1n);
show(() => 10n / 0n);
show(() => JSON.stringify({ v: 1n }));
show(() => JSON.stringify({ v: 1n }, (k, v) => (typeof v === 'bigint' ? `${v}n` : v)));
const m = new Map([[1n, 'one'], [2n ** 80n, 'big']]);
show(() => [m.get(1n), m.get(2n ** 80n), m.get(1), new Set([3n, 3n, 3]).size]);
show(() => [Object(7n), typeof Object(7n), Object(7n) + 1n, `${10n ** 25n}`]);
show(() => ({ 12n: 'x' })['12']);
