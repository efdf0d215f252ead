// console.log formatting of nested arrays/objects, depth limit and empty containers.
console.log([[1, 2], [3, [4, [5]]]]);
console.log([[[[["too deep"]]]]]);
console.log({ a: { b: { c: { d: "too deep" } } } });
console.log({ a: { b: { c: [1] } } });
console.log({ arr: [[], {}], obj: { x: [] } });
console.log([{}], [[]], {}, []);
console.log({ "a b": 1, id_2: 2, $d: 3, "123": 4, "1a": 5, "-": 6 });
console.log({ undef: undefined, nul: null, nan: NaN, negz: -0, inf: -Infinity });
console.log([undefined, null, -0, 0, NaN]);
console.log([1.5, -2e-7, 1e21, 0.1]);
var cyclic = { name: "cyc" };
cyclic.self = cyclic;
console.log(cyclic);
var cycArr = [1];
cycArr.push(cycArr);
console.log(cycArr);
