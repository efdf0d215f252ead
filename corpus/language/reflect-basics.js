// Reflect: the internal methods as functions, with boolean results instead of exceptions.
const o = {x: 1, get twice() { return this.x * 2 }};
console.log(Reflect.has(o, 'x'), Reflect.get(o, 'twice'), Reflect.get(o, 'twice', {x: 10}));
console.log(Reflect.set(o, 'y', 2), Reflect.ownKeys(o));
const frozen = Object.freeze({k: 1});
console.log(Reflect.set(frozen, 'k', 2), Reflect.defineProperty(frozen, 'z', {value: 1}), Reflect.deleteProperty(frozen, 'k'));
console.log(Reflect.getOwnPropertyDescriptor(o, 'twice').get !== undefined, Reflect.getOwnPropertyDescriptor(o, 'nope'));
console.log(Reflect.apply(Math.min, undefined, [4, 2, 8]), Reflect.construct(Date, [0]).getTime());
class Animal { constructor(n) { this.n = n } }
class Dog {}
const odd = Reflect.construct(Animal, ['rex'], Dog);
console.log(odd.n, odd instanceof Dog, odd instanceof Animal);
console.log(Reflect.getPrototypeOf([]) === Array.prototype, Reflect.setPrototypeOf(o, null), Reflect.getPrototypeOf(o));
console.log(Reflect.isExtensible(o), Reflect.preventExtensions(o), Reflect.isExtensible(o));
console.log(String(Reflect), Object.keys(Reflect).length, Reflect[Symbol.toStringTag]);
try { Reflect.get('str', 'length') } catch (e) { console.log(e.constructor.name) }
const sym = Symbol('s');
console.log(Reflect.ownKeys({b: 1, 1: 1, [sym]: 1, a: 1, 0: 1}));
