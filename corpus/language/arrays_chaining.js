// Method chaining over arrays of records.
var orders = [
  { id: 1, customer: "ann", items: [{ p: "pen", q: 2, price: 1.5 }, { p: "ink", q: 1, price: 7 }] },
  { id: 2, customer: "bob", items: [{ p: "pad", q: 5, price: 3 }] },
  { id: 3, customer: "ann", items: [{ p: "pen", q: 10, price: 1.5 }, { p: "pad", q: 1, price: 3 }] },
  { id: 4, customer: "cy", items: [] }
];
var totals = orders.map(function (o) {
  return { id: o.id, customer: o.customer, total: o.items.reduce(function (s, i) { return s + i.q * i.price; }, 0) };
});
console.log(totals.map(function (t) { return t.id + ":" + t.total; }).join(" "));
var byCustomer = totals.reduce(function (acc, t) { acc[t.customer] = (acc[t.customer] || 0) + t.total; return acc; }, {});
console.log(byCustomer);
var products = orders.flatMap(function (o) { return o.items; })
  .reduce(function (m, i) { m.set(i.p, (m.get(i.p) || 0) + i.q); return m; }, new Map());
console.log([...products].sort(function (a, b) { return b[1] - a[1]; }).map(function (e) { return e.join("x"); }).join(", "));
var nonEmpty = orders.filter(function (o) { return o.items.length; }).map(function (o) { return o.id; });
console.log(nonEmpty, orders.some(function (o) { return !o.items.length; }), orders.every(function (o) { return o.id > 0; }));
var biggest = totals.slice().sort(function (a, b) { return b.total - a.total; })[0];
console.log(biggest.id, biggest.total);
var firstPad = orders.find(function (o) { return o.items.some(function (i) { return i.p === "pad"; }); });
console.log(firstPad.id, orders.findIndex(function (o) { return o.customer === "cy"; }));
var distinct = Array.from(new Set(orders.map(function (o) { return o.customer; }))).sort().reverse();
console.log(distinct.join(">"), orders.map(function (o) { return o.items.length; }).join(""));
