// ConcurrentAccessError is a NativeError-like Error subclass; callable without new.
const e1 = new ConcurrentAccessError("msg");
const e2 = ConcurrentAccessError("called");
console.log(e1 instanceof ConcurrentAccessError, e1 instanceof Error, e1.name, e1.message);
console.log(e2 instanceof ConcurrentAccessError, e2.message);
console.log(Object.getPrototypeOf(ConcurrentAccessError.prototype) === Error.prototype);
console.log(Object.getPrototypeOf(ConcurrentAccessError) === Error);
console.log(ConcurrentAccessError.prototype.name, String(e1));
console.log(Object.prototype.hasOwnProperty.call(e1, "message"), new ConcurrentAccessError().message === "");
const withCause = new ConcurrentAccessError("c", { cause: 1 });
console.log(withCause.cause);
// Engine-thrown instances: no own cause, a string message, and the original class even after the
// global binding is reassigned.
const Original = ConcurrentAccessError;
const o = Thread.restrict({ x: 1 });
globalThis.ConcurrentAccessError = function Impostor() {};
const seen = new Thread(() => {
    try { return o.x; } catch (e) {
        return [e instanceof Original, e.name, Object.prototype.hasOwnProperty.call(e, "cause"),
            typeof e.message, e.constructor === Original];
    }
}).join();
globalThis.ConcurrentAccessError = Original;
console.log(seen.join(" "));
