// Allocation-heavy workers: each thread builds and drops many short-lived objects, arrays and
// strings (forcing many collections while the other threads run), keeping a checksum.
function churn(seed) {
    let checksum = 0;
    for (let round = 0; round < 60; round++) {
        const list = [];
        for (let i = 0; i < 200; i++) list.push({ i, s: "v" + ((seed + i) % 97), arr: [i, i + 1] });
        for (const o of list) checksum = (checksum * 31 + o.i + o.s.length * (seed + 1) + o.arr[1]) % 1000003;
    }
    return checksum;
}
const ts = [];
for (let t = 0; t < 4; t++) ts.push(new Thread(churn, t));
const results = ts.map((t) => t.join());
console.log(results.join(" "));
