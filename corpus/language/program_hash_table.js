// A hash table with open addressing, a 32-bit string hash and resizing.
function hash(str) {
  var h = 2166136261;
  for (var i = 0; i < str.length; i++) { h ^= str.charCodeAt(i); h = Math.imul(h, 16777619); }
  return h >>> 0;
}
console.log(hash(""), hash("a"), hash("hello"), hash("hellp"), hash("\u{1F600}"));
class HashTable {
  constructor(cap) { this.cap = cap || 4; this.keys = new Array(this.cap); this.vals = new Array(this.cap); this.size = 0; this.resizes = 0; }
  slot(k) {
    var i = hash(k) % this.cap;
    while (this.keys[i] !== undefined && this.keys[i] !== k) i = (i + 1) % this.cap;
    return i;
  }
  set(k, v) {
    if ((this.size + 1) * 4 > this.cap * 3) this.grow();
    var i = this.slot(k);
    if (this.keys[i] === undefined) this.size++;
    this.keys[i] = k;
    this.vals[i] = v;
  }
  get(k) { var i = this.slot(k); return this.keys[i] === k ? this.vals[i] : undefined; }
  grow() {
    var oldK = this.keys, oldV = this.vals;
    this.cap *= 2;
    this.keys = new Array(this.cap);
    this.vals = new Array(this.cap);
    this.size = 0;
    this.resizes++;
    for (var i = 0; i < oldK.length; i++) if (oldK[i] !== undefined) this.set(oldK[i], oldV[i]);
  }
}
var t = new HashTable();
var words = "one two three four five six seven eight nine ten eleven twelve".split(" ");
words.forEach(function (w, i) { t.set(w, i + 1); });
t.set("three", 33);
console.log(t.size, t.cap, t.resizes);
console.log(words.map(function (w) { return t.get(w); }).join(","), t.get("zero"));
var buckets = {};
words.forEach(function (w) { var b = hash(w) % 8; buckets[b] = (buckets[b] || 0) + 1; });
console.log(JSON.stringify(buckets));
console.log((hash("abc") | 0), hash("abc").toString(16), (hash("abc") >>> 16).toString(2).length);
