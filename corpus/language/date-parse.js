// Date.parse: every ISO form (date-only is UTC, date-time with Z or an offset), expanded years,
// the engine's own toString/toUTCString output and node's legacy fallbacks. Strings without a
// zone are local, so they are only compared against the local constructor (zone-independent).
const iso = [
  "2020", "2020-03", "2020-03-04", "2020-03-04T05:06Z", "2020-03-04T05:06:07Z",
  "2020-03-04T05:06:07.8Z", "2020-03-04T05:06:07.89Z", "2020-03-04T05:06:07.891Z",
  "2020-03-04T05:06:07.8912345Z", "2020-03-04T05:06:07+05:30", "2020-03-04T05:06:07-11:45",
  "2020-03-04t05:06:07z", "+002020-03-04T00:00:00Z", "-000001-01-01T00:00:00Z",
  "+275760-09-13T00:00:00.000Z", "+275760-09-13T00:00:00.001Z", "-271821-04-20T00:00:00.000Z",
  "-271821-04-19T23:59:59.999Z", "2020-03-04T24:00:00Z", "1970-01-01T00:00:00.000+00:00",
  // malformed
  "-000000-01-01T00:00:00Z", "2020-13-01", "2020-00-01", "2020-01-32", "2020-01-00",
  "2020-03-04T24:00:01Z", "2020-03-04T05:60Z", "2020-03-04T05:06:60Z", "2020-03-04T05Z",
  "2020-03-04T05:06:07.Z", "2020-03-04T05:06:07+0530", "2020-1-1T00:00Z",
  "", " ", "nonsense", "2020-03-04T05:06:07+24:00",
];
for (const s of iso) console.log(JSON.stringify(s), Date.parse(s));

const withZone = [
  "Thu, 02 Jan 2020 03:04:05 GMT", "Thu Jan 02 2020 03:04:05 GMT-0500 (Eastern Standard Time)",
  "Thu Jan 02 2020 03:04:05 GMT+0530 (India Standard Time)", "January 2, 2020 10:00:00 GMT+0100",
  "Jan 2 2020 10:00 EST", "Jan 2 2020 10:00 PDT", "Jan 2 2020 10:00 UTC", "Jan 2 2020 10:00 Z",
  "Jan 2 2020 GMT+5", "Jan 2 2020 GMT+05:30", "2 January 2020 23:59:59.999 GMT",
  "Dec 31 1969 23:59:59.999 GMT", "Jan 2 2020 12:00 PM GMT", "Jan 2 2020 12:30 AM GMT",
  "Mon, 01 Jan 2001 00:00:00 GMT", "Jan 2 2020 10:00:00 GMT-08:00 (comment (nested))",
];
for (const s of withZone) console.log(JSON.stringify(s), Date.parse(s));

const local = [
  ["Jan 2 2020", 2020, 0, 2], ["2020/01/02", 2020, 0, 2], ["2020-1-2", 2020, 0, 2],
  ["1/2/2020", 2020, 0, 2], ["2 Jan 2020", 2020, 0, 2], ["2020 Jan 2", 2020, 0, 2],
  ["Thu Jan 02 2020", 2020, 0, 2], ["Jan 2020", 2020, 0, 1], ["Jan 2", 2001, 0, 2],
  ["1/2/20", 2020, 0, 2], ["1/2/49", 2049, 0, 2], ["1/2/50", 1950, 0, 2], ["99-01-02", 1999, 0, 2],
  ["Feb 30 2020", 2020, 1, 30], ["  2020-01-02", 2020, 0, 2], ["2020-01-02 10:00", 2020, 0, 2, 10],
  ["2020-01-02T10:00", 2020, 0, 2, 10], ["2020-01-02T10:00:30.5", 2020, 0, 2, 10, 0, 30, 500],
  ["Jan 2 2020 12:00 PM", 2020, 0, 2, 12], ["Jan 2 2020 12:00 AM", 2020, 0, 2, 0],
  ["Jan 2 2020 3:04:05 pm", 2020, 0, 2, 15, 4, 5], ["6/15/2020 14:30:45.678", 2020, 5, 15, 14, 30, 45, 678],
  ["12:00 Jan 2 2020", 2020, 0, 2, 12], ["20200-01-01", 20200, 0, 1], ["Jan 2 2020 10::00", 2020, 0, 2, 10],
  ["Jan 2 2020 10::30", 2020, 0, 2, 10, 0, 30],
];
for (const [s, ...parts] of local) {
  const p = Date.parse(s);
  console.log(JSON.stringify(s), p === new Date(...parts).getTime() ? "local ok" : "MISMATCH " + p);
}
const bad = ["xJan 2 2020", "Jan 2 2020 foo", "Jan 32 2020", "13/2/2020", "Jan 2 2020 25:00",
             "Jan 2 2020 13:00 PM", "Sat, 01 Jan -0001 00:00:00 GMT", "2020-01-02T10"];
for (const s of bad) console.log(JSON.stringify(s), Date.parse(s));

// Round trips through the engine's own formats.
for (const t of [0, 1577934245000, -62198755200000, 253402300799000, 8.64e15, -8.64e15]) {
  const d = new Date(t);
  console.log(t, Date.parse(d.toUTCString()) === t, Date.parse(d.toISOString()) === t,
              Date.parse(d.toString()) === t, new Date(d.toJSON()).getTime() === t);
}
console.log(Date.parse({ toString() { return "1970-01-01T00:00:00.042Z"; } }), Date.parse());
