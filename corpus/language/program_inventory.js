// Inventory report: grouping, sorting, aggregation and formatted output.
var items = [
  { sku: "A-1", name: "bolt", cat: "hardware", qty: 120, price: 0.25 },
  { sku: "B-7", name: "hammer", cat: "tools", qty: 8, price: 15.5 },
  { sku: "A-3", name: "nut", cat: "hardware", qty: 300, price: 0.1 },
  { sku: "C-2", name: "glue", cat: "supplies", qty: 0, price: 4.75 },
  { sku: "B-2", name: "saw", cat: "tools", qty: 3, price: 22 },
  { sku: "C-9", name: "tape", cat: "supplies", qty: 45, price: 2.2 }
];
var byCat = new Map();
items.forEach(function (it) {
  if (!byCat.has(it.cat)) byCat.set(it.cat, []);
  byCat.get(it.cat).push(it);
});
var grand = 0;
[...byCat.keys()].sort().forEach(function (cat) {
  var list = byCat.get(cat).sort(function (a, b) { return b.qty * b.price - a.qty * a.price; });
  var subtotal = list.reduce(function (s, it) { return s + it.qty * it.price; }, 0);
  grand += subtotal;
  console.log(cat.toUpperCase() + " (" + list.length + " items, " + subtotal.toFixed(2) + ")");
  list.forEach(function (it) {
    var flag = it.qty === 0 ? " OUT" : it.qty < 10 ? " LOW" : "";
    console.log("  " + it.sku.padEnd(5) + it.name.padEnd(8) + String(it.qty).padStart(4) + " x " + it.price.toFixed(2).padStart(6) + flag);
  });
});
console.log("TOTAL " + grand.toFixed(2));
var restock = items.filter(function (it) { return it.qty < 10; }).map(function (it) { return it.sku; });
console.log("restock:", restock);
var priciest = items.reduce(function (a, b) { return a.price > b.price ? a : b; });
console.log("priciest:", priciest.name, "cheapest:", items.slice().sort(function (a, b) { return a.price - b.price; })[0].name);
console.log(JSON.stringify(Object.fromEntries([...byCat].map(function (e) { return [e[0], e[1].length]; }))));
