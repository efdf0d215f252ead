// Proxy invariants: a trap may not lie about non-configurable or non-extensible targets.
const target = {};
Object.defineProperty(target, 'fixed', {value: 1, writable: false, configurable: false});
Object.defineProperty(target, 'getterless', {set(v) {}, configurable: false});
target.free = 2;
function attempt(label, f) {
    try { console.log(label, 'ok', f()) } catch (e) { console.log(label, e.constructor.name) }
}
const liar = new Proxy(target, {
    get(t, k) { return 'lie' },
    has(t, k) { return false },
    getOwnPropertyDescriptor(t, k) { return undefined },
    ownKeys() { return ['free'] },
    deleteProperty() { return true },
});
attempt('get fixed', () => liar.fixed);
attempt('get getterless', () => liar.getterless);
attempt('get free', () => liar.free);
attempt('has fixed', () => 'fixed' in liar);
attempt('has free', () => 'free' in liar);
attempt('gopd fixed', () => Object.getOwnPropertyDescriptor(liar, 'fixed'));
attempt('gopd free', () => Object.getOwnPropertyDescriptor(liar, 'free'));
attempt('ownKeys', () => Reflect.ownKeys(liar));
attempt('delete fixed', () => delete liar.fixed);
attempt('delete free', () => delete liar.free);
Object.preventExtensions(target);
attempt('has free (non-extensible)', () => 'free' in liar);
attempt('getPrototypeOf', () => Object.getPrototypeOf(new Proxy(target, {getPrototypeOf() { return null }})));
attempt('isExtensible', () => Object.isExtensible(new Proxy(target, {isExtensible() { return true }})));
attempt('define new', () => Reflect.defineProperty(new Proxy(target, {defineProperty() { return true }}), 'n', {value: 1}));
attempt('revoked', () => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy.x });
