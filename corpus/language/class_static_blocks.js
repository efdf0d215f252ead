// Class static initialization blocks (ES2022): run in order with the static fields, this = the
// class, super.x, new.target undefined, their own var scope, and the early errors (node's texts).
class A {
  static x = 1;
  static { this.y = this.x + 1; var v = 'var-scoped'; A.z = v; }
  static #p = 5;
  static { this.q = A.#p * 2; }
  static get p() { return A.#p; }
}
console.log(A.x, A.y, A.z, A.q, A.p, typeof v);
class B extends A {
  static { this.viaSuper = super.p; this.nt = new.target; const f = () => this.name; this.arrow = f(); }
}
console.log(B.viaSuper, B.nt, B.arrow);
let order = [];
class C { static a = order.push('a'); static { order.push('block1'); } static b = order.push('b'); static { order.push('block2'); } }
console.log(order.join(','));
try { class D { static { throw new Error('boom'); } } } catch (e) { console.log('caught', e.message); }
for (const src of ['class E { static { return; } }', 'class E { static { arguments; } }', 'class E { static { await; } }', 'class E { static { super(); } }', 'class E { static { var await; } }', 'class E { static { let a; var a; } }']) {
  try { eval(src); console.log('no error', src); } catch (e) { console.log(e.constructor.name + ': ' + e.message); }
}
class F { static { function inner() { return arguments.length; } F.n = inner(1, 2); } }
console.log(F.n);
const K = class Named { static { this.self = Named === this; } };
console.log(K.self);
class H { static { (function () { H.inner = this; })(); } }
console.log(H.inner);
class I { static { eval('this.e = 1; var ev = 2'); I.ev = typeof ev; } }
console.log(I.e, I.ev);
for (const src of ['async function f() { class G { static { await 1; } } }', 'function* g() { class G { static { yield 1; } } }', 'class G { static { label: { break label; } } }', 'class G { static { for (;;) { break; } } }', 'class G { static { break; } }']) {
  try { eval(src); console.log('ok', src); } catch (e) { console.log(e.constructor.name + ': ' + e.message); }
}
class J { static #count = 0; static { for (let i = 0; i < 3; i++) J.#count++; } static get count() { return J.#count; } }
console.log(J.count);
