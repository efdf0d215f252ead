// Date-heavy work: construction from components and time values, local and UTC getters, setters,
// toISOString and Date.parse round trips, so local-time conversion and formatting dominate.
let checksum = 0;
const base = Date.UTC(2000, 0, 1);
for (let i = 0; i < 40000; i++) {
  const d = new Date(2000 + (i % 50), i % 12, 1 + (i % 28), i % 24, i % 60, i % 60, i % 1000);
  checksum += d.getFullYear() + d.getMonth() + d.getDate() + d.getDay() + d.getHours() + d.getMinutes();
  const u = new Date(base + i * 3600007);
  checksum += u.getUTCFullYear() + u.getUTCMonth() + u.getUTCDate() + u.getUTCHours() + u.getUTCSeconds();
  u.setUTCDate(u.getUTCDate() + 3);
  u.setUTCHours(i % 24, i % 60);
  d.setMonth(d.getMonth() + 1, 15);
  d.setHours(12);
  checksum += (u.getTime() % 100000) + (d.getTime() % 100000);
  if (i % 4 === 0) {
    const s = u.toISOString();
    checksum += Date.parse(s) === u.getTime() ? s.length : -1;
    checksum += Date.parse(u.toUTCString()) % 1000;
  }
}
checksum;
