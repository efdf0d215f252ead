// Error handling across nested async calls and promise combinators.
class NetworkError extends Error {
  constructor(msg, code) { super(msg); this.name = "NetworkError"; this.code = code; }
}
function request(ok, value) {
  return new Promise(function (resolve, reject) {
    setTimeout(function () {
      ok ? resolve(value) : reject(new NetworkError("failed: " + value, 500));
    }, 1);
  });
}
async function retry(fn, times) {
  var lastErr;
  for (var i = 1; i <= times; i++) {
    try {
      return await fn(i);
    } catch (e) {
      lastErr = e;
      console.log("attempt", i, "failed:", e.message);
    }
  }
  throw lastErr;
}
async function main() {
  var v = await retry(function (i) { return request(i === 3, "attempt " + i); }, 5);
  console.log("succeeded with", v);
  try {
    await retry(function (i) { return request(false, "never " + i); }, 2);
  } catch (e) {
    console.log("gave up:", e.name, e.code, e instanceof NetworkError);
  }
  var settled = await Promise.allSettled([request(true, "x"), request(false, "y")]);
  console.log(settled.map(function (s) { return s.status + ":" + (s.value || s.reason.message); }));
  var nested = async function () {
    try {
      await (async function () { throw new RangeError("deep"); })();
    } finally {
      console.log("nested finally");
    }
  };
  await nested().catch(function (e) { console.log("outer caught", e.name); });
}
main().then(function () { console.log("done"); });
