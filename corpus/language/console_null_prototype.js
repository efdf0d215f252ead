// console.log formatting of null-prototype objects.
console.log(Object.create(null));
var np = Object.create(null);
np.a = 1;
np.b = "two";
console.log(np);
console.log([Object.create(null)]);
console.log({ inner: np });
var nested = Object.create(null);
nested.child = Object.create(null);
console.log(nested);
