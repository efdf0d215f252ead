// A hand-written JSON pretty printer compared against JSON.stringify(v, null, 2).
function pretty(value, indent) {
  indent = indent || "";
  var next = indent + "  ";
  if (value === null || typeof value === "number" || typeof value === "boolean") {
    return typeof value === "number" && !isFinite(value) ? "null" : String(value);
  }
  if (typeof value === "string") {
    var out = '"';
    for (var i = 0; i < value.length; i++) {
      var c = value[i], code = value.charCodeAt(i);
      if (c === '"') out += '\\"';
      else if (c === "\\") out += "\\\\";
      else if (c === "\n") out += "\\n";
      else if (c === "\t") out += "\\t";
      else if (code < 0x20) out += "\\u" + code.toString(16).padStart(4, "0");
      else out += c;
    }
    return out + '"';
  }
  if (Array.isArray(value)) {
    if (!value.length) return "[]";
    return "[\n" + value.map(function (v) {
      return next + (v === undefined || typeof v === "function" ? "null" : pretty(v, next));
    }).join(",\n") + "\n" + indent + "]";
  }
  var keys = Object.keys(value).filter(function (k) {
    return value[k] !== undefined && typeof value[k] !== "function";
  });
  if (!keys.length) return "{}";
  return "{\n" + keys.map(function (k) { return next + pretty(k) + ": " + pretty(value[k], next); }).join(",\n") + "\n" + indent + "}";
}
var sample = {
  name: "corpus", version: 1.5, tags: ["a", "b\"quoted\""], nested: { empty: {}, list: [], deep: [[1, [2]], { x: null }] },
  skip: undefined, fn: function () {}, ctrl: "line\nbreak\ttab\u0001", inf: Infinity, neg: -0, 10: "numeric key"
};
var mine = pretty(sample);
console.log(mine);
console.log("matches JSON.stringify:", mine === JSON.stringify(sample, null, 2));
