// A first argument that is neither an object nor a typed array is a TypeError for every function.
const names = ["load", "store", "add", "sub", "and", "or", "xor", "exchange", "compareExchange",
    "wait", "waitAsync", "notify"];
for (const bad of [undefined, null, 1, "str", true, Symbol("s")]) {
    const results = names.map((name) => {
        try {
            Atomics[name](bad, "k", 0, 0);
            return "ok";
        } catch (e) {
            return e instanceof TypeError ? "T" : e.name;
        }
    });
    console.log(String(typeof bad).padEnd(9), results.join(""));
}
// notify on an object without the property is fine and wakes nobody.
console.log(Atomics.notify({}, "missing"), Atomics.notify({ k: 1 }, "k", 5), Atomics.notify([], 0));
