"""encodeURI, encodeURIComponent, decodeURI, decodeURIComponent (builtins/uri.c), compared with
node: UTF-8 with surrogate pairs, the reserved sets each function keeps, and URIError
"URI malformed" for lone surrogates, bad escapes and ill-formed UTF-8."""
import pytest

CASES = {
    "encode_sets": r"""
        var all = ''; for (var c = 0; c < 128; c++) all += String.fromCharCode(c);
        console.log(encodeURI(all)); console.log(encodeURIComponent(all));
        console.log(encodeURI('\u00e9\u20ac\ud83d\ude00\uffff\u0800\u07ff'), encodeURIComponent('#;/?:@&=+$,'));
        console.log(encodeURI(), encodeURI(null), encodeURIComponent({toString() { return 'a b' }}));
    """,
    "decode_roundtrip": r"""
        var s = ''; for (var c = 0x20; c < 0x3000; c += 7) s += String.fromCharCode(c);
        s += '\ud800\udc00\udbff\udfff\ud83d\ude00';
        console.log(decodeURIComponent(encodeURIComponent(s)) === s, decodeURI(encodeURI(s)) === s);
        console.log(decodeURI('%23%24%26%2B%2C%2F%3A%3B%3D%3F%40%41%25'), decodeURIComponent('%23%24%2f%2F'));
        console.log(decodeURI('%e2%82%ac%F0%9F%98%80'), decodeURIComponent('abc'), decodeURI(''));
    """,
    "malformed": r"""
        var bad = ['%', '%A', '%G0', 'ab%2', '%80', '%BF', '%C0%80', '%C1%BF', '%C2', '%C2%2F', '%C2%C0',
                   '%E0%80%80', '%E0%9F%BF', '%ED%A0%80', '%ED%BF%BF', '%EF%BF', '%F0%80%80%80',
                   '%F0%8F%BF%BF', '%F4%90%80%80', '%F5%80%80%80', '%F8%80%80%80%80', '%FF',
                   '%E2%82%2', '%E2%82%ZZ', '%E2%82'];
        for (var i = 0; i < bad.length; i++) {
            var out = [];
            for (var f of [decodeURI, decodeURIComponent]) {
                try { out.push(f(bad[i])) } catch (e) { out.push(e.name + ': ' + e.message) }
            }
            console.log(bad[i], out.join(' | '));
        }
        for (var s of ['\ud800', '\udc00', 'a\ud800b', '\udc00\ud800', '\ud83d']) {
            try { encodeURIComponent(s) } catch (e) { console.log(JSON.stringify(s), e instanceof URIError, e.message) }
            try { encodeURI(s) } catch (e) { console.log(JSON.stringify(s), e instanceof URIError, e.message) }
        }
    """,
    "function_objects": r"""
        for (var f of [encodeURI, encodeURIComponent, decodeURI, decodeURIComponent]) {
            var d = Object.getOwnPropertyDescriptor(globalThis, f.name);
            console.log(f.name, f.length, d.writable, d.enumerable, d.configurable, 'prototype' in f);
            try { new f('a') } catch (e) { console.log(e.name) }
        }
    """,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_uri_like_node(same_as_node, name):
    same_as_node(CASES[name])
