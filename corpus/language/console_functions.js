// console.log formatting of functions and classes.
function named() {}
var anon = function () {};
var arrow = () => {};
class A {}
class B extends A {}
var AnonClass = class {};
console.log(named);
console.log(anon, arrow);
console.log(function () {});
console.log(() => 1);
console.log(A, B);
console.log(AnonClass);
console.log(class {});
console.log(function* gen() {}, async function af() {}, async () => {});
console.log(Math.max, Array.prototype.push);
console.log(named.bind(null));
console.log([named, arrow, A]);
console.log({ f: named, method() {} });
console.log({ arrow: () => {} });
var withProps = function props() {};
withProps.extra = 1;
console.log(withProps);
console.log(Symbol, Object, Map);
