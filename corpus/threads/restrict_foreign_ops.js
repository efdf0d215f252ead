// After restrict, every enforced operation from another thread throws ConcurrentAccessError,
// and none of them changes the object.
const o = Thread.restrict({ f: 1, g: 2 });
const arr = Thread.restrict([10, 20, 30]);
const plain = Thread.restrict({});
plain[0] = "p0";
const report = new Thread(() => {
    const out = [];
    function expect(label, fn) {
        try {
            fn();
            out.push(label + ": no error");
        } catch (e) {
            out.push(label + ": " + (e instanceof ConcurrentAccessError ? "CAE" : e.name));
        }
    }
    expect("get", () => o.f);
    expect("get missing", () => o.nothing);
    expect("set", () => { o.f = 99; });
    expect("add", () => { o.added = 1; });
    expect("has", () => "f" in o);
    expect("delete", () => delete o.f);
    expect("defineProperty", () => Object.defineProperty(o, "h", { value: 3 }));
    expect("keys", () => Object.keys(o));
    expect("getOwnPropertyNames", () => Object.getOwnPropertyNames(o));
    expect("setPrototypeOf", () => Object.setPrototypeOf(o, null));
    expect("isExtensible", () => Object.isExtensible(o));
    expect("preventExtensions", () => Object.preventExtensions(o));
    expect("for-in", () => { for (const k in o) return k; });
    expect("array set", () => { arr[0] = 99; });
    expect("array delete", () => delete arr[1]);
    expect("array define", () => Object.defineProperty(arr, 2, { value: 99 }));
    expect("array push", () => arr.push(40));
    expect("plain indexed set", () => { plain[1] = 99; });
    return out;
}).join();
console.log(report.join("\n"));
console.log(o.f, o.g, "h" in o, Object.keys(o).join(","), Object.getPrototypeOf(o) === Object.prototype);
console.log(arr.join(","), arr.length, plain[0], 1 in plain, Object.isExtensible(o));
