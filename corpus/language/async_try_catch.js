// Rejections in async functions handled with try/catch/finally.
function fail(msg) { return Promise.reject(new Error(msg)); }
async function handled() {
  try {
    await fail("first");
    console.log("not reached");
  } catch (e) {
    console.log("caught", e.message);
  } finally {
    console.log("finally");
  }
  return "handled ok";
}
async function throwsSync() { throw new TypeError("sync throw in async"); }
async function rethrows() {
  try {
    await throwsSync();
  } catch (e) {
    throw new Error("wrapped: " + e.message);
  }
}
async function main() {
  console.log(await handled());
  try {
    await rethrows();
  } catch (e) {
    console.log(e.message);
  }
  var p = throwsSync();
  console.log("promise returned despite throw", p instanceof Promise);
  await p.catch(function (e) { console.log("late catch", e.name); });
  try {
    await Promise.all([Promise.resolve(1), fail("in all"), fail("second")]);
  } catch (e) {
    console.log("all rejected with", e.message);
  }
  var results = await Promise.all([fail("x").catch(function () { return "fallback"; }), 2]);
  console.log(results);
  try {
    await null;
    null.prop;
  } catch (e) {
    console.log("runtime error after await", e instanceof TypeError);
  }
}
main().then(function () { console.log("main resolved"); });
