// An unrestricted object has no owner: any thread may restrict it. Two threads race to restrict
// each of many fresh objects that main made; exactly one wins each race, the loser gets
// ConcurrentAccessError, and a second restrict afterwards confirms the winner is the recorded
// owner [OM-12]. An object made by a thread that has finished can be restricted too.
const ROUNDS = 150;
const box = { round: 0, obj: null, raced: 0, done: 0 };
function attempt(o) {
    try { return Thread.restrict(o) === o ? "ok" : "wrong"; } catch (e) {
        return e instanceof ConcurrentAccessError ? "cae" : "error " + e;
    }
}
function waitFor(key, n) {
    for (let v; (v = Atomics.load(box, key)) < n;) Atomics.wait(box, key, v, 50);
}
function bump(key) { Atomics.add(box, key, 1); Atomics.notify(box, key); }
function racer() {
    const race = [], recheck = [];
    for (let r = 1; r <= ROUNDS; r++) {
        waitFor("round", r);
        const o = box.obj;
        race.push(attempt(o));
        bump("raced");
        waitFor("raced", 2 * r);
        recheck.push(attempt(o));
        bump("done");
    }
    return { race, recheck };
}
const t1 = new Thread(racer), t2 = new Thread(racer);
for (let r = 1; r <= ROUNDS; r++) {
    box.obj = r % 2 ? { round: r } : [r];
    Atomics.store(box, "round", r);
    Atomics.notify(box, "round");
    waitFor("done", 2 * r);
}
const a = t1.join(), b = t2.join();
const bad = [];
for (let i = 0; i < ROUNDS; i++) {
    const race = [a.race[i], b.race[i]].sort().join(","), recheck = [a.recheck[i], b.recheck[i]].sort().join(",");
    if (race !== "cae,ok" || recheck !== "cae,ok" || a.race[i] !== a.recheck[i])
        bad.push(i + ": " + a.race[i] + "/" + b.race[i] + " then " + a.recheck[i] + "/" + b.recheck[i]);
}
console.log("rounds with other than one winner, who is then the owner:", bad.length === 0 ? "none" : bad.slice(0, 3).join("; "));
// Main made every object, yet is foreign to all of them now.
console.log(attempt(box.obj));
// An object whose creator has finished is claimed by the first thread that restricts it.
const orphan = new Thread(() => ({ v: 1 })).join();
console.log(new Thread(() => attempt(orphan)).join(), attempt(orphan));
