// Strings: concatenation (building and flattening), slice, indexOf, charCodeAt, comparison and
// number-to-string conversion.
function run(rounds) {
  let checksum = 0;
  for (let round = 0; round < rounds; round++) {
    let text = "";
    for (let i = 0; i < 400; i++) {
      text += "item" + i + (i % 7 === 0 ? ";" : ",");
    }
    for (let i = 0; i < text.length; i += 5) {
      checksum = (checksum + text.charCodeAt(i)) | 0;
    }
    let at = 0;
    let found = 0;
    while ((at = text.indexOf(";", at)) !== -1) {
      found++;
      at++;
    }
    const middle = text.slice(100, 200);
    const word = middle.slice(middle.indexOf("item"), middle.indexOf(","));
    checksum = (checksum + found + word.length + (word < "item5" ? 1 : 2)) | 0;
  }
  return checksum;
}

run(800);
