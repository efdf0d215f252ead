// Two threads stamp the same objects with one private field at once (a base constructor that
// returns its argument makes `new` initialise fields on any object). PrivateFieldAdd is one
// atomic step [INT-18]: for every object exactly one thread succeeds, the other gets node's
// TypeError, and the field holds the winner's value.
class Base { constructor(target) { return target; } }
class Stamp extends Base {
    #owner = Thread.current.id;
    static owner(o) { return #owner in o ? o.#owner : "none"; }
}
const N = 400;
const objects = Array.from({ length: N }, () => ({}));
const gate = { arrived: 0 };
function stampAll() {
    const won = [];
    let errors = new Set();
    for (let i = 0; i < N; i++) {
        // Both threads reach object i before either stamps it, so every add is a race.
        Atomics.add(gate, "arrived", 1);
        while (Atomics.load(gate, "arrived") < 2 * (i + 1)) {}
        try { new Stamp(objects[i]); won.push(objects[i]); } catch (e) { errors.add(`${e.constructor.name}: ${e.message}`); }
    }
    return { won, errors: [...errors] };
}
const threads = [new Thread(stampAll), new Thread(stampAll)];
const [a, b] = threads.map((t) => t.join());
console.log("stamped once each:", a.won.length + b.won.length === N);
const winners = new Map();
for (const [t, r] of [[threads[0], a], [threads[1], b]]) for (const o of r.won) winners.set(o, t.id);
console.log("every field holds its winner's id:", objects.every((o) => Stamp.owner(o) === winners.get(o)));
console.log("losers saw:", [...new Set([...a.errors, ...b.errors])].join(" | "));
