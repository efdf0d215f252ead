// Public instance fields and static fields (ES2022 syntax kept to public fields).
var order = [];
class Widget {
  id = Widget.nextId++;
  name = "widget";
  tags = [];
  computed = this.name + "-" + this.id;
  noInit;
  ["dyn" + "amic"] = "dynamic field";
  static nextId = 1;
  static label = "Widgets";
  constructor() { order.push("ctor sees id " + this.id); }
}
var w1 = new Widget(), w2 = new Widget();
console.log(w1.id, w2.id, w2.computed, w1.tags === w2.tags, "noInit" in w1, w1.noInit);
console.log(w1.dynamic, Widget.label, Widget.nextId, order);
console.log(Object.keys(w1));
class Base {
  baseField = "base";
  constructor() { order.push("base ctor: " + this.constructor.name); }
}
class Sub extends Base {
  subField = this.baseField + "+sub";
  constructor() {
    super();
    order.push("after super: " + this.subField);
  }
}
order = [];
var s = new Sub();
console.log(s.subField, order);
class Arrow {
  value = 42;
  get = () => this.value;
}
var getter = new Arrow().get;
console.log(getter());
class Shadow { x = "field"; get y() { return "accessor"; } }
class ShadowSub extends Shadow { y = "field shadows accessor"; }
console.log(new ShadowSub().y);
class StaticRef {
  static a = 1;
  static b = this.a + 1;
  static c = StaticRef.b * 10;
}
console.log(StaticRef.b, StaticRef.c);
var desc = Object.getOwnPropertyDescriptor(new Widget(), "name");
console.log(desc.enumerable, desc.writable, desc.configurable);
