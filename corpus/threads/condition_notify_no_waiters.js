// notify/notifyAll with nobody waiting return 0; the lock need not be held.
const cond = new Condition();
const lock = new Lock();
console.log(cond.notify(), cond.notifyAll());
console.log(lock.hold(() => cond.notify()), lock.hold(() => cond.notifyAll()));
console.log(new Thread(() => cond.notify() + cond.notifyAll()).join());
