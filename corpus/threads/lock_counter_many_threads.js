// 16 threads (more than cores) x 400 locked read-modify-writes of several fields at once: the
// fields stay consistent with each other (a torn critical section would break the invariant).
const lock = new Lock();
const account = { a: 1000, b: 1000, moves: 0 };
const threads = [];
for (let t = 0; t < 16; t++) {
    threads.push(new Thread((dir) => {
        let bad = 0;
        for (let i = 0; i < 400; i++) {
            lock.hold(() => {
                if (account.a + account.b !== 2000) bad++;
                account.a -= dir;
                account.b += dir;
                account.moves++;
            });
        }
        return bad;
    }, t % 2 === 0 ? 1 : -1));
}
const bad = threads.reduce((s, t) => s + t.join(), 0);
console.log(bad, account.a, account.b, account.moves);
