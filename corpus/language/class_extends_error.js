// Custom Error subclasses.
class ValidationError extends Error {
  constructor(field, message) {
    super(message);
    this.name = "ValidationError";
    this.field = field;
  }
}
class RequiredError extends ValidationError {
  constructor(field) { super(field, field + " is required"); this.name = "RequiredError"; }
}
try {
  throw new RequiredError("email");
} catch (e) {
  console.log(e instanceof RequiredError, e instanceof ValidationError, e instanceof Error);
  console.log(e.name, e.message, e.field, String(e));
  console.log(Object.prototype.toString.call(e), e.hasOwnProperty("message"));
  console.log(Object.keys(e));
}
class DefaultName extends Error {}
var dn = new DefaultName("msg");
console.log(dn.name, dn.message, String(dn), dn.constructor.name);
class ProtoName extends Error {}
ProtoName.prototype.name = "ProtoName";
console.log(String(new ProtoName("via prototype")));
class NoMessage extends Error { constructor() { super(); } }
var nm = new NoMessage();
console.log(JSON.stringify(nm.message), nm.hasOwnProperty("message"), String(nm));
class HttpError extends Error {
  constructor(status) { super(`HTTP ${status}`); this.status = status; }
  get isClient() { return this.status >= 400 && this.status < 500; }
}
var errs = [new HttpError(404), new HttpError(503)];
console.log(errs.map(function (e) { return [e.message, e.isClient]; }));
class TypeErr extends TypeError {}
var te = new TypeErr("t");
console.log(te instanceof TypeError, te.name, Object.getPrototypeOf(TypeErr) === TypeError);
function legacy(msg) { var e = new Error(msg); e.name = "Legacy"; return e; }
console.log(String(legacy("old style")));
