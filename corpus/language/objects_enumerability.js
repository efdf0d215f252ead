// Which operations respect enumerability and which see inherited properties.
var proto = { inheritedEnum: 1 };
Object.defineProperty(proto, "inheritedHidden", { value: 2, enumerable: false });
var o = Object.create(proto);
o.ownEnum = 3;
Object.defineProperty(o, "ownHidden", { value: 4, enumerable: false });
var sym = Symbol("sym");
o[sym] = 5;
var forIn = [];
for (var k in o) forIn.push(k);
console.log("for-in:", forIn);
console.log("keys:", Object.keys(o));
console.log("names:", Object.getOwnPropertyNames(o));
console.log("symbols:", Object.getOwnPropertySymbols(o).length);
console.log("JSON:", JSON.stringify(o));
console.log("assign:", Object.keys(Object.assign({}, o)), Object.assign({}, o)[sym]);
console.log("spread:", Object.keys({ ...o }));
console.log("entries:", Object.entries(o), "values:", Object.values(o));
console.log("in:", "inheritedHidden" in o, "ownHidden" in o);
console.log("propertyIsEnumerable:", o.propertyIsEnumerable("ownEnum"), o.propertyIsEnumerable("ownHidden"), o.propertyIsEnumerable("inheritedEnum"));
class K { constructor() { this.field = 1; } method() {} static s() {} }
var ki = new K();
var kIn = [];
for (var kk in ki) kIn.push(kk);
console.log("class instance for-in:", kIn, Object.keys(K));
var arr = [1, 2];
var arrIn = [];
for (var ai in arr) arrIn.push(ai);
console.log("array for-in:", arrIn, Object.keys(arr), arr.propertyIsEnumerable("length"));
