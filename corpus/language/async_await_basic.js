// async functions, await on promises and non-promises, return values.
async function add(a, b) { return a + b; }
async function main() {
  var x = await add(1, 2);
  console.log("x", x);
  var y = await 5;
  console.log("await non-promise", y);
  var z = await { then: function (resolve) { resolve("thenable"); } };
  console.log("await thenable", z);
  var arr = await Promise.all([add(1, 1), 3, Promise.resolve(4)]);
  console.log("all", arr);
  var seq = [];
  for (var i = 0; i < 3; i++) seq.push(await add(i, i));
  console.log("sequential", seq);
  return "main done";
}
var result = main();
console.log(result instanceof Promise, "returned before body finished");
result.then(function (v) { console.log(v); });
async function noReturn() {}
noReturn().then(function (v) { console.log("no return ->", v); });
async function returnsPromise() { return Promise.resolve("unwrapped"); }
returnsPromise().then(function (v) { console.log(v); });
const arrow = async (n) => n * 2;
arrow(21).then(function (v) { console.log("async arrow", v); });
class Service {
  constructor() { this.base = 100; }
  async fetch(n) { await null; return this.base + n; }
  static async create() { return new Service(); }
}
Service.create().then(function (s) { return s.fetch(5); }).then(function (v) { console.log("method", v); });
var obj = { async m() { return "object async method"; } };
obj.m().then(console.log);
