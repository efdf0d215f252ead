// @timeout: 60
// [OM-16] defineProperty validates and stores under one claim: a thread that keeps redefining a
// configurable property races another that makes it read-only and non-configurable with its own
// value. Once the second define returns, the property keeps that value and those attributes, and
// every later redefinition by the first thread is refused.
let violations = 0, refusedLate = 0;
for (let round = 0; round < 40; round++) {
    const o = { x: 0 };
    const flag = { started: 0, locked: 0, late: 0, stop: 0 };
    const redefiner = new Thread(() => {
        Atomics.store(flag, "started", 1);
        let refusedAfterLock = 0;
        while (Atomics.load(flag, "stop") === 0) {
            const lockedBefore = Atomics.load(flag, "locked");
            try {
                Object.defineProperty(o, "x", { value: 1, writable: true, configurable: true });
            } catch (e) {
                if (lockedBefore) Atomics.store(flag, "late", ++refusedAfterLock);
            }
        }
        return refusedAfterLock;
    });
    while (Atomics.load(flag, "started") === 0) {}
    for (let spin = 0; spin < 500 * (round % 8); spin++) {}
    Object.defineProperty(o, "x", { value: 2, writable: false, configurable: false });
    Atomics.store(flag, "locked", 1);
    // Until the redefiner has met the locked property at least once (under --gil: its time slice).
    while (Atomics.load(flag, "late") === 0) {}
    Atomics.store(flag, "stop", 1);
    const late = redefiner.join();
    const d = Object.getOwnPropertyDescriptor(o, "x");
    if (o.x !== 2 || d.value !== 2 || d.writable || d.configurable) violations++;
    if (late > 0) refusedLate++;
}
console.log("violations", violations, "rounds with late refusals", refusedLate);
