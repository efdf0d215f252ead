// Symbols as property keys: hidden from keys/for-in/JSON, visible to getOwnPropertySymbols.
var id = Symbol("id"), secret = Symbol("secret");
var user = { name: "ann", [id]: 42 };
user[secret] = "hidden";
console.log(user[id], user[secret], Object.keys(user), JSON.stringify(user));
var forIn = [];
for (var k in user) forIn.push(k);
console.log(forIn);
console.log(Object.getOwnPropertySymbols(user).map(function (s) { return s.description; }));
console.log(id in user, user.hasOwnProperty(secret), Object.getOwnPropertyNames(user));
var copy = Object.assign({}, user);
var spread = { ...user };
console.log(copy[id], spread[secret]);
Object.defineProperty(user, Symbol("hidden sym"), { value: 1, enumerable: false });
console.log(Object.getOwnPropertySymbols(user).length, Object.assign({}, user)[Symbol("hidden sym")]);
var symOrder = {};
symOrder[Symbol("z")] = 1;
symOrder.b = 2;
symOrder[Symbol("a")] = 3;
symOrder[1] = 4;
console.log(Object.getOwnPropertySymbols(symOrder).map(String), Object.keys(symOrder));
class Tagged {
  constructor() { this[id] = "instance"; }
  static [Symbol.for("static")]() { return "static symbol method"; }
}
console.log(new Tagged()[id], Tagged[Symbol.for("static")]());
var counts = {};
var key1 = Symbol("k"), key2 = Symbol("k");
counts[key1] = 1;
counts[key2] = 2;
console.log(counts[key1], counts[key2], Object.getOwnPropertySymbols(counts).length);
console.log(user[id.toString()], user["Symbol(id)"]);
