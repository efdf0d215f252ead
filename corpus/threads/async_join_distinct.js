// Each asyncJoin call returns a distinct promise; all of them settle with the same value.
const result = { r: 1 };
const t = new Thread(() => result);
const p1 = t.asyncJoin(), p2 = t.asyncJoin();
console.log(p1 !== p2);
Promise.all([p1, p2, t.asyncJoin()]).then((vs) => {
    console.log(vs.length, vs.every((v) => v === result));
});
