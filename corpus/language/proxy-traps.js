// Proxy: a logging handler shows which traps each language operation calls, in order.
const log = [];
const handler = {};
for (const trap of ['get', 'set', 'has', 'deleteProperty', 'ownKeys', 'getOwnPropertyDescriptor',
                    'defineProperty', 'getPrototypeOf', 'setPrototypeOf', 'isExtensible', 'preventExtensions']) {
    handler[trap] = function (...args) {
        log.push(trap + (typeof args[1] === 'string' ? ' ' + args[1] : ''));
        return Reflect[trap](...args);
    };
}
const p = new Proxy({a: 1, b: 2}, handler);
function show(label, f) {
    log.length = 0;
    const result = f();
    console.log(label, '=>', JSON.stringify(result), '|', log.join(', '));
}
show('get', () => p.a);
show('set', () => (p.c = 3));
show('in', () => 'b' in p);
show('delete', () => delete p.c);
show('keys', () => Object.keys(p));
show('entries', () => Object.entries(p));
show('assign', () => Object.assign({}, p));
show('spread', () => ({...p}));
show('defineProperty', () => Object.defineProperty(p, 'd', {value: 4, configurable: true}) === p);
show('getPrototypeOf', () => Object.getPrototypeOf(p) === Object.prototype);
show('instanceof', () => p instanceof Object);
show('isExtensible', () => Object.isExtensible(p));
show('hasOwnProperty', () => p.hasOwnProperty('a'));
show('JSON', () => JSON.stringify(p));
show('seal', () => Object.isSealed(Object.seal(p)));
