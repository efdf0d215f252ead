// console.log formatting of strings at top level vs nested (quoting and escaping).
console.log("top level string is printed raw");
console.log(["in array"], { k: "in object" });
console.log(["it's"], ["say \"hi\""], ["both ' and \""], ["all ' \" `"]);
console.log(["new\nline", "tab\there", "back\\slash"]);
console.log([""], { empty: "" });
console.log(["unicode é ✓ 😀"]);
console.log(["\u0000\u0007\u001b"]);
console.log("%s is %d years", "Bob", 42);
console.log("100%", "literal");
console.log({ "quoted-key": "v", 'it\'s': 1 });
console.log([String("wrapped")], [new String("boxed")]);
