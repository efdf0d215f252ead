// console.log shows accessors as [Getter], [Setter], [Getter/Setter].
console.log({ get g() { return 1; } });
console.log({ set s(v) {} });
console.log({ get gs() { return 1; }, set gs(v) {} });
console.log({ data: 1, get later() { return 2; } });
var o = {};
Object.defineProperty(o, "visible", { get: function () { return 1; }, enumerable: true });
Object.defineProperty(o, "hidden", { get: function () { return 2; }, enumerable: false });
console.log(o);
class C { get protoGetter() { return 1; } }
console.log(new C());
console.log([{ get inArray() { return 1; } }]);
