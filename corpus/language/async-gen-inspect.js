async function* gen() { yield 1; }
const o = { async *m() {}, static: 1 };
class K { static async *s() {} async *i() {} }
console.log(gen, o.m, K.s, K.prototype.i);
console.log(gen(), typeof gen().next);
console.log(Object.prototype.toString.call(gen), Object.prototype.toString.call(gen()));
const AsyncGeneratorFunction = Object.getPrototypeOf(gen).constructor;
console.log(AsyncGeneratorFunction.name, AsyncGeneratorFunction.length, gen instanceof AsyncGeneratorFunction);
const AsyncGeneratorPrototype = Object.getPrototypeOf(gen.prototype);
const AsyncIteratorPrototype = Object.getPrototypeOf(AsyncGeneratorPrototype);
console.log(AsyncIteratorPrototype[Symbol.asyncIterator].call(42), Symbol.asyncIterator.toString());
console.log(Object.getOwnPropertyNames(AsyncGeneratorPrototype).sort().join());
console.log(Object.getPrototypeOf(gen()) === gen.prototype, gen.hasOwnProperty('prototype'), 'constructor' in gen.prototype);
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(gen, 'prototype')));
try { new gen(); } catch (e) { console.log(e.constructor.name); }
console.log(Object.getPrototypeOf(K.s) === Object.getPrototypeOf(gen), o.m.name, K.s.name);
