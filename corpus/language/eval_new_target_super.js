function F() { return eval("new.target"); }
console.log(new F() === undefined, F() === undefined);
function G() { return (() => eval("new.target"))(); }
console.log(typeof new G(), G());
var o = { m() { return eval("super.x"); } };
Object.setPrototypeOf(o, { x: 42 });
console.log(o.m());
class A { get y() { return 7; } }
class B extends A { m() { return eval("super.y") + (() => eval("super.y"))(); } }
console.log(new B().m());
class C extends A { f = eval("super.y"); g = eval("new.target"); }
var c = new C(); console.log(c.f, c.g);
// Script code (an indirect eval is global code even under node's module wrapper).
try { (0, eval)("new.target"); } catch (e) { console.log(e.name, e.message); }
try { (function(){ return eval("super.x"); })(); } catch (e) { console.log(e.name, e.message); }
try { (0, eval)("(() => new.target)"); } catch (e) { console.log(e.name, e.message); }
function H() { return eval("eval('new.target')"); }
console.log(new H() === H);
