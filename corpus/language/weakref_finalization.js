// WeakRef and FinalizationRegistry without a collection: deref of a live target, registration
// and unregistration by token, the argument checks, and the shape of the constructors.
const target = { name: "target" };
const ref = new WeakRef(target);
console.log(ref.deref() === target, ref.deref().name, Object.prototype.toString.call(ref));
console.log(typeof WeakRef.prototype.deref, WeakRef.length, WeakRef.name, ref instanceof WeakRef);

class TaggedRef extends WeakRef {
  constructor(t, tag) { super(t); this.tag = tag; }
}
const tagged = new TaggedRef(target, "t1");
console.log(tagged.deref() === target, tagged.tag, tagged instanceof WeakRef);

const calls = [];
const registry = new FinalizationRegistry((held) => calls.push(held));
const token = {};
console.log(registry.register(target, "held 1"), registry.register(target, "held 2", token));
console.log(registry.register({}, 42, token), registry.unregister(token), registry.unregister(token));
console.log(registry.unregister({}), Object.prototype.toString.call(registry), FinalizationRegistry.length);

function attempt(label, f) {
  try {
    f();
    console.log(label, "no error");
  } catch (e) {
    console.log(label, e.constructor.name, e.message);
  }
}
attempt("WeakRef()", () => WeakRef({}));
attempt("WeakRef(1)", () => new WeakRef(1));
attempt("WeakRef(null)", () => new WeakRef(null));
attempt("deref on object", () => WeakRef.prototype.deref.call({}));
attempt("registry no callback", () => new FinalizationRegistry());
attempt("registry call", () => FinalizationRegistry(() => {}));
attempt("register primitive", () => registry.register("str", 1));
attempt("register same", () => registry.register(target, target));
attempt("register bad token", () => registry.register({}, 1, "token"));
attempt("unregister primitive", () => registry.unregister(5));
attempt("unregister on object", () => FinalizationRegistry.prototype.unregister.call({}, {}));
console.log(calls.length);
