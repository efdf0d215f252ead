// JSON.parse of all value kinds, whitespace, errors and reviver.
console.log(JSON.parse("1"), JSON.parse("-0.5e2"), JSON.parse('"s"'), JSON.parse("true"), JSON.parse("null"));
console.log(JSON.parse(" [1, 2, {\"a\": [] }] ")[2], JSON.parse("{}"), JSON.parse("[]"));
console.log(JSON.parse('{"a":1,"a":2}').a, Object.keys(JSON.parse('{"b":1,"a":2,"1":3}')));
console.log(JSON.parse('"\\u0041\\n\\t\\"\\\\\\/"'));
console.log(JSON.parse("\t\n\r 42 \n"), Object.is(JSON.parse("-0"), -0));
var bad = ["{a:1}", "[1,]", "'single'", "01", "1.", ".5", "NaN", "undefined", "{\"a\":1,}", "", "[1 2]", "\"\t\"", "+1"];
bad.forEach(function (s) {
  try {
    JSON.parse(s);
    console.log("accepted", JSON.stringify(s));
  } catch (e) {
    console.log("rejected", JSON.stringify(s), e.name);
  }
});
var revived = JSON.parse('{"a":1,"b":[1,2],"c":{"d":"x"}}', function (k, v) {
  return typeof v === "number" ? v * 10 : v;
});
console.log(JSON.stringify(revived));
var order = [];
JSON.parse('{"x":{"y":1},"z":[2]}', function (k, v) { order.push(k === "" ? "(root)" : k); return v; });
console.log(order.join(","));
var removed = JSON.parse('{"keep":1,"drop":2}', function (k, v) { return k === "drop" ? undefined : v; });
console.log(removed, "drop" in removed);
console.log(JSON.parse('"2020"', function (k, v) { return k === "" ? Number(v) + 1 : v; }));
console.log(JSON.parse("[1,2,3]", function (k, v) { return Array.isArray(v) ? v.length : v * 2; }));
console.log(JSON.parse(' {"__proto__": 1} ').__proto__, JSON.parse("123", null), JSON.parse(true));
