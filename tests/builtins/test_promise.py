"""Promise, job ordering, timers and unhandled rejections, compared with node."""
import pytest

CASES = {
    "ordering": r"""
        var log = [];
        setTimeout(() => log.push('timeout'), 0);
        Promise.resolve().then(() => log.push('then1')).then(() => log.push('then2'));
        queueMicrotask(() => log.push('micro'));
        new Promise(r => { log.push('executor'); r() }).then(() => log.push('then3'));
        log.push('sync');
        setTimeout(() => console.log(log.join()), 5);
    """,
    "thenables": r"""
        var log = [];
        var thenable = {then(res) { log.push('then called'); res(42) }};
        Promise.resolve(thenable).then(v => log.push('v' + v));
        var p = Promise.resolve(1); console.log(Promise.resolve(p) === p, new Promise(r => r(p)) === p);
        Promise.resolve().then(() => log.push('a')).then(() => log.push('b')).then(() => log.push('c'));
        new Promise(r => r(Promise.resolve('x'))).then(v => log.push('adopted ' + v));
        setTimeout(() => console.log(log.join()), 1);
    """,
    "rejection_and_catch": r"""
        Promise.reject(new Error('boom')).catch(e => console.log('caught', e.message));
        new Promise(() => { throw new TypeError('t') }).then(null, e => console.log(e.name));
        Promise.resolve(1).then(v => { throw v + 1 }).catch(v => console.log('got', v));
        var p = new Promise((res, rej) => { res(1); rej(2); res(3) }); p.then(v => console.log('first wins', v));
        var self; self = new Promise(r => setTimeout(() => r(self))); self.catch(e => console.log(e.name, e.message));
    """,
    "finally": r"""
        Promise.resolve(5).finally(() => console.log('fin1')).then(v => console.log('value kept', v));
        Promise.reject(6).finally(() => 'ignored').catch(v => console.log('reason kept', v));
        Promise.resolve(7).finally(() => { throw 8 }).catch(v => console.log('finally threw', v));
        Promise.resolve(9).finally(() => new Promise(r => setTimeout(r, 5))).then(v => console.log('waited', v));
        console.log(Promise.prototype.finally.length, typeof Promise.prototype.finally.call({then(a, b) { return [a, b] }}, 1)[0]);
    """,
    "combinators": r"""
        Promise.all([1, Promise.resolve(2), {then(r) { r(3) }}]).then(v => console.log('all', v.join()));
        Promise.all([]).then(v => console.log('empty all', v.length));
        Promise.all([1, Promise.reject('no')]).catch(e => console.log('all rejected', e));
        Promise.allSettled([1, Promise.reject('r')]).then(v => console.log(JSON.stringify(v)));
        Promise.race([new Promise(r => setTimeout(() => r('slow'), 10)), Promise.resolve('fast')]).then(v => console.log('race', v));
        Promise.any([Promise.reject(1), Promise.resolve(2)]).then(v => console.log('any', v));
        Promise.any([Promise.reject(1), Promise.reject(2)]).catch(e => console.log(e.constructor.name, e.errors.join(), e.message));
        Promise.all(5).catch(e => console.log('not iterable', e.name));
        Promise.any([]).catch(e => console.log('any empty', e.errors.length));
    """,
    "subclass_and_species": r"""
        class MyP extends Promise {}
        var mp = MyP.resolve(1); console.log(mp instanceof MyP, mp.then(x => x) instanceof MyP, Promise.resolve(mp) === mp, MyP.resolve(mp) === mp);
        console.log(MyP.all([1]) instanceof MyP, Promise[Symbol.species] === Promise, Object.prototype.toString.call(mp));
        var executor; function Fake(ex) { executor = ex; ex(() => {}, () => {}) } var r = Promise.resolve.call(Fake, 1); console.log(r instanceof Fake);
        try { Promise.resolve.call(1) } catch (e) { console.log(e.name, e.message) }
        try { Promise() } catch (e) { console.log(e.name, e.message) }
        try { new Promise(1) } catch (e) { console.log(e.name, e.message) }
        try { Promise.prototype.then.call(1) } catch (e) { console.log(e.name) }
    """,
    "timers": r"""
        var order = [];
        setTimeout(() => order.push('b'), 30); setTimeout(() => order.push('a'), 10); setTimeout((x, y) => order.push(x + y), 10, 'c', 'd');
        var t = setTimeout(() => order.push('never'), 5); clearTimeout(t);
        setTimeout(() => { Promise.resolve().then(() => order.push('micro after a')) }, 10);
        setTimeout(() => console.log(order.join()), 60);
        try { setTimeout('code') } catch (e) { console.log(e.name) }
        console.log(typeof setTimeout(() => {}, 0) !== 'undefined');
    """,
    "interval": r"""
        var n = 0, iv = setInterval((tag) => { console.log(tag, n); if (++n == 3) clearInterval(iv) }, 1, 'tick');
        setTimeout(() => console.log('timeout after interval'), 300);
    """,
    "unhandled_rejection_exits": r"""
        console.log('before');
        Promise.reject(new Error('unhandled'));
        setTimeout(() => console.log('never printed'), 10);
    """,
    "late_handler_still_reported": r"""
        var p = Promise.reject(new Error('late'));
        setTimeout(() => p.catch(() => console.log('too late')), 0);
    """,
    "handled_in_same_turn": r"""
        var p = Promise.reject(1);
        Promise.resolve().then(() => p.catch(v => console.log('handled', v)));
        setTimeout(() => console.log('still running'), 1);
    """,
    "throw_in_timer_exits": r"""
        setTimeout(() => { throw new Error('in timer') }, 0);
        setTimeout(() => console.log('never'), 5);
    """,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_promise(name, same_as_node):
    same_as_node(CASES[name])
