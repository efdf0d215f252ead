// Object rest excludes listed keys; copies own enumerable string and symbol props.
var sym = Symbol("s");
var source = { a: 1, b: 2, c: 3, [sym]: "symbol" };
Object.defineProperty(source, "hidden", { value: "h", enumerable: false });
var { a, ...rest } = source;
console.log(a, Object.keys(rest), rest[sym], "hidden" in rest);
var key = "b";
var { [key]: bVal, ...withoutB } = source;
console.log(bVal, Object.keys(withoutB));
var proto = { inherited: 1 };
var child = Object.create(proto);
child.own = 2;
var { ...copy } = child;
console.log(copy, "inherited" in copy);
var getterLog = [];
var withGetter = { get g() { getterLog.push("read"); return "value"; } };
var { ...gcopy } = withGetter;
console.log(getterLog, Object.getOwnPropertyDescriptor(gcopy, "g").value);
var [h, ...t] = [1];
console.log(h, t);
var { ...fromString } = "hi";
console.log(fromString);
var { length: len, ...arrRest } = [10, 20];
console.log(len, arrRest);
function omit(obj, k) { var { [k]: _, ...r } = obj; return r; }
console.log(omit({ x: 1, y: 2, z: 3 }, "y"));
