// Nullish coalescing (??) and optional chaining (?.).
var cfg = { timeout: 0, name: "", retries: null, nested: { deep: { v: "found" } } };
console.log(cfg.timeout ?? 30, cfg.name ?? "anon", cfg.retries ?? 3, cfg.missing ?? "dflt");
console.log(cfg.timeout || 30, cfg.name || "anon");
console.log(null ?? undefined ?? "third", (null || undefined) ?? "grouped");
var calls = 0;
var v = "set" ?? ++calls;
console.log(v, calls);
console.log(cfg?.nested?.deep?.v, cfg.absent?.deep.v, cfg.absent?.deep.v.x.y);
var nul = null;
console.log(nul?.x, nul?.[0], nul?.(), typeof nul?.x);
var obj = {
  val: 7,
  method() { return this.val; },
  arr: [1, 2, 3]
};
console.log(obj.method?.(), obj.nope?.(), obj?.["val"], obj.arr?.[1], obj.noArr?.[1]);
var key = "val";
console.log(obj?.[key]);
var count = 0;
var nothing = undefined;
nothing?.[count++];
nothing?.fn(count++);
console.log("short-circuited side effects:", count);
try {
  obj.val?.();
} catch (e) {
  console.log("not callable still throws", e instanceof TypeError);
}
console.log((obj?.method)(), obj?.method());
var fnOrNull = null;
console.log(fnOrNull?.call(null, 1));
var chain = { a: { b: null } };
console.log(chain.a.b?.c.d.e, chain.a?.b ?? "b was null");
console.log(delete nul?.x, delete obj?.val, obj.val);
var deepArr = [[{ x: [10] }]];
console.log(deepArr?.[0]?.[0]?.x?.[0], deepArr?.[5]?.[0]?.x);
