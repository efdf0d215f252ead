// Callable proxies: apply and construct traps, typeof, bind, and the forwarding without traps.
function greet(greeting) { return greeting + ', ' + this.name }
const traced = new Proxy(greet, {
    apply(target, self, args) { return '[' + Reflect.apply(target, self, args) + ']' },
});
console.log(typeof traced, traced.call({name: 'Ada'}, 'Hello'), traced.length, traced.name);
const person = {name: 'Bob', greet: traced};
console.log(person.greet('Hi'));

class Base { constructor(x) { this.x = x } get double() { return this.x * 2 } }
const Counting = new Proxy(Base, {
    construct(target, args, newTarget) {
        Counting.made = (Counting.made || 0) + 1;
        return Reflect.construct(target, args, newTarget);
    },
});
const b = new Counting(21);
console.log(b.double, b instanceof Base, Counting.made);
class Derived extends Counting { constructor() { super(5); this.y = 1 } }
const d = new Derived();
console.log(d.x, d.y, d instanceof Derived, Counting.made);

const memo = new Proxy(n => n < 2 ? n : memo(n - 1) + memo(n - 2), {
    cache: new Map(),
    apply(target, self, [n]) {
        if (!this.cache.has(n)) this.cache.set(n, Reflect.apply(target, self, [n]));
        return this.cache.get(n);
    },
});
console.log(memo(80));
try { new (new Proxy(() => {}, {}))() } catch (e) { console.log(e.constructor.name) }
try { (new Proxy({}, {}))() } catch (e) { console.log(e.constructor.name) }
console.log([1, 2, 3].map(new Proxy(x => x * 10, {})).join());
