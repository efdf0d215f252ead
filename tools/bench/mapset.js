// Map and Set: insertion, lookup, deletion and iteration with number, string and object keys.
function run(rounds) {
  let checksum = 0;
  const objects = [];
  for (let i = 0; i < 100; i++) objects.push({ i: i });
  for (let round = 0; round < rounds; round++) {
    const map = new Map();
    const set = new Set();
    for (let i = 0; i < 2000; i++) {
      map.set(i, i * 2);
      map.set("k" + (i % 500), i);
      set.add(objects[i % 100]);
      set.add(i % 300);
    }
    for (let i = 0; i < 2000; i += 3) {
      if (map.has(i)) checksum = (checksum + map.get(i)) | 0;
      map.delete(i);
    }
    for (const [key, value] of map) {
      if (typeof key === "string") checksum = (checksum + value) | 0;
    }
    for (const value of set) {
      checksum = (checksum + (typeof value === "number" ? value : value.i)) | 0;
    }
    checksum = (checksum + map.size + set.size) | 0;
  }
  return checksum;
}

run(90);
