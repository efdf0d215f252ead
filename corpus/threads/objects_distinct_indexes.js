// @repeat: 2
// N threads write distinct indexes of one preallocated array without any lock: every write
// lands. The same with a growing array where each thread writes its own residue class.
const N = 4, LEN = 4000;
const pre = new Array(LEN).fill(-1);
const ts = [];
for (let t = 0; t < N; t++) {
    ts.push(new Thread((me) => {
        for (let i = me; i < LEN; i += N) pre[i] = i * 3;
    }, t));
}
ts.forEach((t) => t.join());
let wrong = 0;
for (let i = 0; i < LEN; i++) if (pre[i] !== i * 3) wrong++;
console.log(pre.length, wrong);
// Growing: each thread writes blocks at increasing indexes, so the array grows while others
// store into it.
const grow = [];
const gs = [];
for (let t = 0; t < N; t++) {
    gs.push(new Thread((me) => {
        for (let block = 0; block < 20; block++) {
            for (let j = 0; j < 50; j++) {
                const i = (block * N + me) * 50 + j;
                grow[i] = i;
            }
        }
    }, t));
}
gs.forEach((t) => t.join());
let missing = 0;
for (let i = 0; i < N * 20 * 50; i++) if (grow[i] !== i) missing++;
console.log(grow.length, missing);
