// Threads share one proxy: its traps run on every thread, and when one thread revokes it the
// others see either the live [target, handler] pair or the revoked TypeError, never a torn
// pair, another error or a crash [OM-P2].
const target = { tag: 'target', n: 0 };
const counter = { traps: 0 };
const { proxy, revoke } = Proxy.revocable(target, {
    get(t, k) {
        Atomics.add(counter, 'traps', 1);
        return k === 'tag' ? 'via-trap' : t[k];
    },
    set(t, k, v) {
        t[k] = v;
        return true;
    },
});

// Phase 1: four threads read and write through the live proxy.
const readers = [];
for (let i = 0; i < 4; i++) {
    readers.push(new Thread((me) => {
        let good = 0;
        for (let j = 0; j < 1000; j++) {
            if (proxy.tag === 'via-trap') good++;
            proxy['t' + me] = j;
        }
        return good;
    }, i));
}
console.log('live reads', readers.map((t) => t.join()).join());
console.log('trap calls', counter.traps, 'writes', target.t0, target.t1, target.t2, target.t3);

// Phase 2: three threads keep reading while a fourth revokes; every reader must stop on the
// revoked TypeError and must never see anything else.
const REVOKED = "Cannot perform 'get' on a proxy that has been revoked";
const spinners = [];
for (let i = 0; i < 3; i++) {
    spinners.push(new Thread(() => {
        let bad = 0;
        for (let j = 0; ; j++) {
            try {
                if (proxy.tag !== 'via-trap') bad++;
            } catch (e) {
                if (e instanceof TypeError && e.message === REVOKED) return bad === 0 ? 'ok' : 'bad ' + bad;
                return 'unexpected ' + e;
            }
        }
    }));
}
const revoker = new Thread(() => {
    for (let j = 0; j < 500; j++) proxy.n;   // overlap with the spinners a little first
    revoke();
    return 'revoked';
});
console.log(revoker.join(), spinners.map((t) => t.join()).join());
try { proxy.tag } catch (e) { console.log(e.name, e.message) }
console.log('typeof still', typeof proxy, 'revoke again', revoke());
