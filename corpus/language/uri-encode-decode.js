// The URI functions: a query string built and parsed back, reserved characters kept by
// encodeURI/decodeURI, astral characters as 4-byte UTF-8, and URIError for malformed input.
function buildQuery(params) {
  return Object.keys(params).map(function (k) {
    return encodeURIComponent(k) + '=' + encodeURIComponent(params[k]);
  }).join('&');
}
function parseQuery(q) {
  var out = {};
  q.split('&').forEach(function (pair) {
    var i = pair.indexOf('=');
    out[decodeURIComponent(pair.slice(0, i))] = decodeURIComponent(pair.slice(i + 1));
  });
  return out;
}
var params = {name: 'Zoë & Ann', 'a/b?': '1+1=2', emoji: '\u{1F600}\u{1F4A9}', path: '/usr/bin #1'};
var q = buildQuery(params);
console.log(q);
console.log(JSON.stringify(parseQuery(q)) === JSON.stringify(params));
var url = 'https://example.com/caf\u00e9/a b?x=1&y=\u00fc#frag ment';
console.log(encodeURI(url));
console.log(decodeURI(encodeURI(url)) === url);
console.log(decodeURI('%3Fa%3Db%23%20c'), decodeURIComponent('%3Fa%3Db%23%20c'));
['%', '%zz', '%C3', '%C3%28', '%ED%A0%80', '%F4%90%80%80'].forEach(function (s) {
  try { decodeURIComponent(s); console.log('no error', s); }
  catch (e) { console.log(s, e.name, e.message, e instanceof URIError); }
});
try { encodeURIComponent('ok\uD800'); } catch (e) { console.log(e.name, e.message); }
console.log(encodeURIComponent('\uD83D\uDE00') === '%F0%9F%98%80');
