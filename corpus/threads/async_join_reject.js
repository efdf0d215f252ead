// asyncJoin of a failed thread rejects with the very same exception object.
const boom = new Error("thread failed");
const t = new Thread(() => { throw boom; });
t.asyncJoin().then(
    () => console.log("resolved?"),
    (e) => console.log("rejected", e === boom, e.message)
).then(async () => {
    try {
        await t.asyncJoin();
    } catch (e) {
        console.log("await threw", e === boom);
    }
});
