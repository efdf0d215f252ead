// Nested destructuring patterns.
var data = {
  user: { name: "ann", tags: ["admin", "dev"], address: { city: "Oslo", zip: "0150" } },
  scores: [[1, 2], [3, 4]]
};
var {
  user: { name, tags: [firstTag, ...otherTags], address: { city } },
  scores: [[s00], [, s11]]
} = data;
console.log(name, firstTag, otherTags, city, s00, s11);
var { user: { missing: { deep } = { deep: "fallback" } } } = data;
console.log(deep);
var [{ id }, { id: id2 = "none" } = {}] = [{ id: 1 }];
console.log(id, id2);
var points = [{ x: 1, y: 2 }, { x: 3, y: 4 }];
var sum = 0;
for (var { x, y } of points) sum += x * y;
console.log(sum);
var {
  a: [, { b: [c = "c-default"] = [] } = {}] = []
} = { a: [0, { b: [] }] };
console.log(c);
var response = { status: 200, body: { items: [{ n: "i1" }, { n: "i2" }] } };
var { status, body: { items: [, { n: secondItem }] } } = response;
console.log(status, secondItem);
var [[[[innermost]]]] = [[[["core"]]]];
console.log(innermost);
