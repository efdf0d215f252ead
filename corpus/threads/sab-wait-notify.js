// @repeat: 2
// Ping-pong over an Int32Array on a SharedArrayBuffer: two threads take turns through
// Atomics.wait/notify on one element, 200 rounds each; every turn sees the other's last store.
// Waiters are keyed by (buffer, byte index), so a second view of the buffer wakes them too [TA-5].
const sab = new SharedArrayBuffer(8);
const turn = new Int32Array(sab);
const ROUNDS = 200;
// Under --gil a spawned Thread's element wait throws before it looks at anything (threads-api-
// notes, TA-5); there a short property wait lets the partner run instead.
const idle = { k: 0 };
function park(view, index, seen) {
    try {
        Atomics.wait(view, index, seen, 1000);
    } catch (e) {
        if (!(e instanceof TypeError)) throw e;
        Atomics.wait(idle, "k", 0, 1);
    }
}
function player(me, next, view) {
    let saw = 0;
    for (let i = 0; i < ROUNDS; i++) {
        for (let seen = Atomics.load(view, 0); seen !== me; seen = Atomics.load(view, 0))
            park(view, 0, seen);
        saw++;
        Atomics.add(view, 1, 1);
        Atomics.store(view, 0, next);
        Atomics.notify(view, 0);
    }
    return saw;
}
const a = new Thread(() => player(1, 2, turn));
const b = new Thread(() => player(2, 1, new Int32Array(sab)));
Atomics.store(turn, 0, 1);
Atomics.notify(turn, 0);
console.log(a.join(), b.join(), turn[1], turn[0]);
// Timeouts and mismatches need no partner.
console.log(Atomics.wait(turn, 0, 12345), Atomics.wait(turn, 0, 1, 5), Atomics.notify(turn, 0, 3));
try { Atomics.wait(new Int32Array(4), 0, 0, 0); } catch (e) { console.log(e.constructor.name); }
try { Atomics.wait(new Int16Array(sab), 0, 0, 0); } catch (e) { console.log(e.constructor.name); }
try { Atomics.notify(turn, 2); } catch (e) { console.log(e.constructor.name); }
