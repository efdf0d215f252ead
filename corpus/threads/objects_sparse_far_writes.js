// [OM-15] Ever farther writes go sparse instead of doubling dense storage each time (test262
// S15.4_A1.1_T10 wrote x[2**k - 2] for k up to 32 and ran out of memory); appends stay dense.
// Two threads do it at once on one array (each its own indexes) and on arrays of their own.
function farWrites(x, offset) {
    let k = 1;
    for (let i = 0; i < 32; i++) {
        k = k * 2;
        if (k - 2 - offset >= 0) x[k - 2 - offset] = k;
    }
    let ok = true;
    k = 1;
    for (let i = 0; i < 32; i++) {
        k = k * 2;
        if (k - 2 - offset >= 0 && x[k - 2 - offset] !== k) ok = false;
    }
    return ok;
}
const shared = [];
const t = new Thread(() => farWrites(shared, 1) && farWrites([], 0));
const mine = farWrites([], 0) && farWrites(shared, 0);
console.log(mine, t.join(), shared.length);
const appended = [];
for (let i = 0; i < 300000; i++) appended.push(i);
for (let i = 300000; i < 400000; i++) appended[i] = i;
console.log(appended.length, appended[399999], Object.keys(appended).length);
