// A failed thread whose failure is observed later (through an asyncJoin made from a timer,
// after the script's end) is handled there and never reported as uncaught.
const t = new Thread(() => { throw new Error("handled later"); });
setTimeout(() => {
    t.asyncJoin().catch((e) => console.log("caught:", e.message));
}, 10);
console.log("script end");
