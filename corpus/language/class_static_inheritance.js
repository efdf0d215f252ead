// Static members are inherited through the constructor prototype chain.
class Model {
  static table() { return this.name.toLowerCase() + "s"; }
  static create(attrs) { var m = new this(); Object.assign(m, attrs); this.count = (this.hasOwnProperty("count") ? this.count : 0) + 1; return m; }
  static get description() { return `${this.name} -> ${this.table()}`; }
}
Model.version = 1;
class User extends Model {}
class Post extends Model { static table() { return "blog_" + super.table(); } }
console.log(User.table(), Post.table(), User.description, Post.description);
var u = User.create({ name: "ann" });
User.create({ name: "bob" });
Post.create({ title: "t" });
console.log(u instanceof User, u.name, User.count, Post.count, Model.count);
console.log(User.version, User.hasOwnProperty("version"), Object.getPrototypeOf(User) === Model);
User.version = 2;
console.log(User.version, Model.version, Post.version);
class Config {
  static defaults = { color: "red", size: 1 };
  static merged(over) { return Object.assign({}, this.defaults, over); }
}
class BigConfig extends Config { static defaults = { ...Config.defaults, size: 10 }; }
console.log(Config.merged({}), BigConfig.merged({ color: "blue" }));
console.log(Object.getOwnPropertyNames(BigConfig).sort().join(","));
function Legacy() {}
Legacy.staticMethod = function () { return "legacy static from " + this.name; };
class Modern extends Legacy {}
console.log(Modern.staticMethod());
