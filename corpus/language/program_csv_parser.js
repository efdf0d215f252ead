// A CSV parser handling quotes, escaped quotes, embedded commas and newlines.
function parseCSV(text) {
  var rows = [], row = [], field = "", inQuotes = false;
  for (var i = 0; i < text.length; i++) {
    var c = text[i];
    if (inQuotes) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') inQuotes = false;
      else field += c;
    } else if (c === '"') inQuotes = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n") { row.push(field); rows.push(row); row = []; field = ""; }
    else if (c !== "\r") field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}
var csv = 'name,city,note\r\n"Smith, J",Oslo,"said ""hi"""\nDoe,"New\nYork",\n,,empty first\n';
var rows = parseCSV(csv);
console.log(rows.length);
rows.forEach(function (r) { console.log(JSON.stringify(r)); });
var header = rows[0];
var records = rows.slice(1).map(function (r) {
  return header.reduce(function (o, h, i) { o[h] = r[i]; return o; }, {});
});
console.log(records[0].note, "|", records[1].city.split("\n").join(" "));
function toCSV(rows) {
  return rows.map(function (r) {
    return r.map(function (f) {
      return f.includes(",") || f.includes('"') || f.includes("\n") ? '"' + f.split('"').join('""') + '"' : f;
    }).join(",");
  }).join("\n") + "\n";
}
var round = toCSV(rows);
console.log(JSON.stringify(parseCSV(round)) === JSON.stringify(rows));
console.log(JSON.stringify(parseCSV("a,b\n1,2")), JSON.stringify(parseCSV("")));
