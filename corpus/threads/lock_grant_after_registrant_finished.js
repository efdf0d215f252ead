// A lock grant for a Thread whose outcome is out is delivered on main's event loop [SYNC-6], so
// it never races what main does next: a sync hold right after the release always barges ahead,
// and the grant's fn runs on main.
// @repeat: 10
const lock = new Lock();
const gate = { held: 0 };
function registrant(withFn) {
    return new Thread(() => {
        while (Atomics.load(gate, "held") === 0) Atomics.wait(gate, "held", 0, 5);
        return withFn ? lock.asyncHold(() => "fn ran on " + (Thread.current.id === 0 ? "main" : "the registrant"))
                      : lock.asyncHold();
    });
}
function round(withFn) {
    Atomics.store(gate, "held", 0);
    const t = registrant(withFn);
    let ticket;
    lock.hold(() => {
        Atomics.store(gate, "held", 1);
        Atomics.notify(gate, "held");
        ticket = t.join();   // the ticket is queued behind this hold
    });
    let barged = false;
    lock.hold(() => { barged = true; });
    console.log("barged:", barged);
    return ticket;
}
round(false).then((release) => {
    console.log("held by the grant:", lock.locked);
    release();
    return round(true);
}).then((v) => console.log(v, "locked:", lock.locked));
