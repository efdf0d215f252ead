// JSON: stringify a nested structure of objects, arrays, strings and numbers, parse it back and
// walk the result.
function makeRecord(i) {
  return {
    id: i,
    name: "record-" + i,
    active: i % 3 === 0,
    score: i * 1.5,
    tags: ["a" + (i % 5), "b" + (i % 7)],
    owner: { id: i % 100, label: "owner \"" + (i % 10) + "\"" },
  };
}

function run(rounds) {
  const records = [];
  for (let i = 0; i < 500; i++) records.push(makeRecord(i));
  let checksum = 0;
  for (let round = 0; round < rounds; round++) {
    const text = JSON.stringify({ round: round, records: records });
    const back = JSON.parse(text);
    checksum = (checksum + text.length) | 0;
    for (let i = 0; i < back.records.length; i += 10) {
      const r = back.records[i];
      checksum = (checksum + r.id + r.tags[1].length + (r.active ? 1 : 0) + r.owner.label.length) | 0;
    }
  }
  return checksum;
}

run(60);
