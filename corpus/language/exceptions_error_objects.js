// Error objects: name, message, toString, constructors called as functions.
var e = new Error("msg");
console.log(e.name, e.message, String(e), e instanceof Error);
console.log(Object.prototype.hasOwnProperty.call(e, "message"), Object.keys(e));
var noMsg = new Error();
console.log(JSON.stringify(noMsg.message), String(noMsg), noMsg.hasOwnProperty("message"));
var called = Error("without new");
console.log(called instanceof Error, called.message);
var types = [EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError];
types.forEach(function (T) {
  var err = new T("m");
  console.log(T.name, err.name, err instanceof Error, Object.getPrototypeOf(T) === Error, String(err));
});
console.log(Error.prototype.name, JSON.stringify(Error.prototype.message), TypeError.prototype.name);
console.log(Error.prototype.toString.call({ name: "Custom", message: "plain object" }));
console.log(Error.prototype.toString.call({}), Error.prototype.toString.call({ name: "" , message: "only msg" }));
console.log(Error.prototype.toString.call({ name: "OnlyName", message: "" }));
var numMsg = new Error(42);
console.log(typeof numMsg.message, numMsg.message);
var undefMsg = new Error(undefined);
console.log(undefMsg.hasOwnProperty("message"));
var d = Object.getOwnPropertyDescriptor(e, "message");
console.log(d.enumerable, d.writable, d.configurable);
e.name = "Renamed";
console.log(String(e));
var obj = { toString: function () { return "from toString"; } };
console.log(new Error(obj).message);
console.log(Error.length, TypeError.length);
