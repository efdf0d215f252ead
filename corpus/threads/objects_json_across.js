// JSON and object utilities on objects built by other threads.
const data = new Thread(() => {
    const o = { name: "thread", list: [], nested: { a: 1 } };
    for (let i = 0; i < 5; i++) o.list.push({ i, sq: i * i });
    return o;
}).join();
console.log(JSON.stringify(data));
const parsed = new Thread((text) => JSON.parse(text), JSON.stringify(data)).join();
console.log(parsed.list[4].sq, parsed.nested.a, Object.keys(parsed).join(","));
const copy = new Thread((o) => Object.assign({}, o, { extra: true }), data).join();
console.log(Object.keys(copy).join(","), copy.list === data.list);
const spread = new Thread((o) => ({ ...o.nested, b: 2 }), data).join();
console.log(JSON.stringify(spread), Object.entries(spread).length);
