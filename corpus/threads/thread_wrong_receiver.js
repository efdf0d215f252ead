// Thread.prototype methods and the id getter brand-check their receiver.
function show(label, fn) {
    try {
        fn();
        console.log(label, "no error");
    } catch (e) {
        console.log(label, e instanceof TypeError, e.message);
    }
}
const idGetter = Object.getOwnPropertyDescriptor(Thread.prototype, "id").get;
show("join {}", () => Thread.prototype.join.call({}));
show("join undefined", () => Thread.prototype.join.call(undefined));
show("join lock", () => Thread.prototype.join.call(new Lock()));
show("asyncJoin {}", () => Thread.prototype.asyncJoin.call({}));
show("asyncJoin 1", () => Thread.prototype.asyncJoin.call(1));
show("id {}", () => idGetter.call({}));
show("id proto", () => Thread.prototype.id);
show("id object-create", () => Object.create(Thread.prototype).id);
// The real receiver still works.
const t = new Thread(() => "fine");
console.log(Thread.prototype.join.call(t), typeof idGetter.call(t));
