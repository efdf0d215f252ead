// super() inside arrow functions and direct eval in a derived constructor: the arrow/eval binds
// the constructor's this, uses its new.target and runs the field initialisers afterwards.
class Base {
  constructor(...args) {
    this.args = args;
    this.newTarget = new.target.name;
  }
}

class Arrow extends Base {
  field = "f:" + this.args.length;
  constructor(a, b) {
    const call = () => super(a, b);
    call();
    console.log("arrow", this.args, this.field, this.newTarget);
  }
}
new Arrow(1, 2);

class Nested extends Base {
  tag = "nested";
  constructor() {
    const outer = () => { const inner = () => super("deep"); return inner(); };
    const result = outer();
    console.log("nested", result === this, this.args, this.tag);
  }
}
new Nested();

class Spread extends Base {
  constructor(...xs) {
    (() => super(...xs, "end"))();
    console.log("spread", this.args);
  }
}
new Spread(1, 2, 3);

class Eval extends Base {
  x = 42;
  constructor() {
    eval("super('from eval')");
    console.log("eval", this.args, this.x, this.newTarget);
  }
}
new Eval();

class EvalArrow extends Base {
  constructor() {
    const f = () => eval("super(1); this.seen = this.args[0]");
    f();
    console.log("eval in arrow", this.seen);
  }
}
new EvalArrow();

class ArrowInEval extends Base {
  constructor() {
    eval("(() => super('arrow in eval'))()");
    console.log("arrow in eval", this.args);
  }
}
new ArrowInEval();

// The same binding is seen by every arrow, whichever one called super().
class Shared extends Base {
  constructor() {
    const read = () => this;
    const bind = () => super("shared");
    try { read(); } catch (e) { console.log("before super:", e.constructor.name, e.message); }
    bind();
    console.log("after super:", read() === this, read().args);
  }
}
new Shared();

// Second call: the parent constructor runs, then binding fails.
let calls = 0;
class Counting { constructor() { calls++; } }
class Twice extends Counting {
  constructor() {
    const s = () => super();
    s();
    try { s(); } catch (e) { console.log("twice:", e.constructor.name, e.message, "calls", calls); }
    try { eval("super()"); } catch (e) { console.log("eval twice:", e.constructor.name, e.message); }
    try { super(); } catch (e) { console.log("direct twice:", e.constructor.name, e.message); }
  }
}
new Twice();

// this-TDZ inside the arrow and in eval.
class Tdz extends Base {
  constructor() {
    try { (() => this.x)(); } catch (e) { console.log("arrow tdz:", e.constructor.name, e.message); }
    try { eval("this"); } catch (e) { console.log("eval tdz:", e.constructor.name, e.message); }
    try { (() => super.toString)(); } catch (e) { console.log("super.x tdz:", e.constructor.name); }
    super();
    console.log("ok", typeof this);
  }
}
new Tdz();

// The arrow is called after the constructor returned (it returned another object).
let later;
class Later extends Base {
  y = "later field";
  constructor() {
    later = () => super("late");
    return { stand: "in" };
  }
}
console.log(new Later());
const bound = later();
console.log("late bound:", bound.args, bound.y, bound instanceof Later);
try { later(); } catch (e) { console.log("late twice:", e.message); }

// Returning without calling super: the arrow was never called.
class Never extends Base {
  constructor() { const f = () => super(); }
}
try { new Never(); } catch (e) { console.log("never:", e.constructor.name, e.message); }

// super() in an arrow's default parameter and in a conditional.
class Cond extends Base {
  constructor(flag) {
    const go = (v = super(flag ? "yes" : "no")) => v;
    const r = go();
    console.log("cond", r === this, this.args);
  }
}
new Cond(true);
new Cond(false);

// The parent is looked up when super() runs, not when the arrow was made.
class P1 { constructor() { this.from = "P1"; } }
class P2 { constructor() { this.from = "P2"; } }
class Switch extends P1 {
  constructor() {
    const s = () => super();
    Object.setPrototypeOf(Switch, P2);
    s();
    console.log("switched parent:", this.from);
  }
}
new Switch();
Object.setPrototypeOf(Switch, P1);

// Subclass chain: new.target is the most derived class.
class Mid extends Base { constructor() { (() => super())(); } }
class Leaf extends Mid { constructor() { eval("super()"); } }
console.log("chain:", new Leaf().newTarget);

// Early errors stay.
for (const src of [
  "class A { constructor() { (() => super())(); } }",
  "class A extends Object { m() { (() => super())(); } }",
  "function f() { super(); }",
  "class A extends Object { x = () => super(); }",
]) {
  try { eval(src); console.log("no error:", src); } catch (e) { console.log(e.constructor.name, "for", src); }
}
class NoSuperInEval extends Object { m() { try { eval("super()"); } catch (e) { return e.constructor.name; } } }
console.log("eval in method:", new NoSuperInEval().m());
class BaseEval { constructor() { try { eval("super()"); } catch (e) { console.log("eval in base:", e.constructor.name); } } }
new BaseEval();
