// Classes and prototypes defined on main are used from threads: methods, getters, static
// members, instanceof, and instances made on one thread used on another.
class Vec {
    constructor(x, y) { this.x = x; this.y = y; }
    add(o) { return new Vec(this.x + o.x, this.y + o.y); }
    get len2() { return this.x * this.x + this.y * this.y; }
    static zero() { return new Vec(0, 0); }
}
class Vec3 extends Vec {
    constructor(x, y, z) { super(x, y); this.z = z; }
    get len2() { return super.len2 + this.z * this.z; }
}
const made = new Thread(() => {
    let v = Vec.zero();
    for (let i = 1; i <= 10; i++) v = v.add(new Vec(i, -i));
    return [v, new Vec3(1, 2, 2)];
}).join();
console.log(made[0].x, made[0].y, made[0].len2, made[0] instanceof Vec);
console.log(made[1].len2, made[1] instanceof Vec3, made[1] instanceof Vec);
// Patching the prototype on main is seen by a thread started afterwards.
Vec.prototype.sum = function () { return this.x + this.y; };
console.log(new Thread((v) => v.sum(), made[0]).join());
