// RegExp: literal evaluation in a loop (compile cache), exec with captures and named groups over
// a log, global scans with lastIndex, alternation and backtracking, classes, case-insensitive and
// unicode matching. Only exec/test, so the timing is the engine's, not String.prototype's.
const levels = ['INFO', 'WARN', 'ERROR', 'DEBUG'];
const lines = [];
for (let i = 0; i < 2000; i++) {
  lines.push(`2024-0${1 + (i % 9)}-${10 + (i % 18)} ${levels[i % 4]} [worker-${i % 7}] request id=${i * 7919 % 100000} took ${i % 997}ms user=${i % 3 ? 'alice' : 'bob'}@example.com`);
}
const text = lines.join('\n');
let checksum = 0;

for (let round = 0; round < 6; round++) {
  // exec with captures and named groups, one literal evaluated per line
  for (const line of lines) {
    const m = /^(?<date>\d{4}-\d\d-\d\d) (?<level>[A-Z]+) \[(\w+)-(\d+)\] .*?id=(\d+) took (\d+)ms/.exec(line);
    if (m) checksum = (checksum + m.groups.level.length + +m[6] + m.index) % 1000000007;
  }
  // global scan over the whole text
  const emails = /[\w.+-]+@[\w-]+\.[a-z]{2,}/g;
  let e;
  while ((e = emails.exec(text))) checksum = (checksum + e.index) % 1000000007;
  // alternation and backtracking
  const words = /\b(?:alice|bob|worker|request|took)\b/g;
  let w;
  while ((w = words.exec(text))) checksum = (checksum + w[0].length) % 1000000007;
  // case-insensitive test per line
  for (const line of lines) if (/error|warn/i.test(line)) checksum = (checksum + 3) % 1000000007;
  // lookbehind and backreference
  const ids = /(?<=id=)\d+(?= took)/g;
  let d;
  while ((d = ids.exec(text))) checksum = (checksum + d[0].length) % 1000000007;
  const rep = /(\d)\1/g;
  let r;
  while ((r = rep.exec(text))) checksum = (checksum + 1) % 1000000007;
}
// unicode mode over astral text
const astral = 'h\u00e9llo \u{1F600} w\u00f6rld \u{1F680} '.repeat(400);
const u = /\p{L}+|\p{So}/gu;
let a;
while ((a = u.exec(astral))) checksum = (checksum + a[0].length) % 1000000007;
checksum;
