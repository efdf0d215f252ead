// A bank simulation with classes, inheritance, custom errors and a transaction log.
class InsufficientFunds extends Error {
  constructor(needed) { super("insufficient funds: need " + needed); this.name = "InsufficientFunds"; this.needed = needed; }
}
class Account {
  static nextId = 1;
  constructor(owner, balance = 0) {
    this.id = Account.nextId++;
    this.owner = owner;
    this.balance = balance;
    this.history = [];
  }
  deposit(amount) {
    if (!(amount > 0)) throw new RangeError("invalid amount");
    this.balance += amount;
    this.history.push("+" + amount);
    return this;
  }
  withdraw(amount) {
    if (!(amount > 0)) throw new RangeError("invalid amount");
    if (amount > this.available()) throw new InsufficientFunds(amount - this.available());
    this.balance -= amount;
    this.history.push("-" + amount);
    return this;
  }
  available() { return this.balance; }
  toString() { return `#${this.id} ${this.owner}: ${this.balance.toFixed(2)}`; }
}
class CreditAccount extends Account {
  constructor(owner, limit) { super(owner); this.limit = limit; }
  available() { return this.balance + this.limit; }
}
class SavingsAccount extends Account {
  constructor(owner, balance, rate) { super(owner, balance); this.rate = rate; }
  addInterest() { return this.deposit(Math.round(this.balance * this.rate * 100) / 100); }
}
class Bank {
  constructor() { this.accounts = new Map(); }
  open(account) { this.accounts.set(account.id, account); return account; }
  transfer(from, to, amount) {
    try {
      this.accounts.get(from).withdraw(amount);
      this.accounts.get(to).deposit(amount);
      return "ok";
    } catch (e) {
      return e.name + (e instanceof InsufficientFunds ? " (" + e.needed + ")" : "");
    }
  }
  total() { var t = 0; this.accounts.forEach(function (a) { t += a.balance; }); return t; }
}
var bank = new Bank();
var alice = bank.open(new Account("alice", 100));
var bob = bank.open(new CreditAccount("bob", 50));
var carol = bank.open(new SavingsAccount("carol", 1000, 0.035));
console.log(bank.transfer(alice.id, bob.id, 30));
console.log(bank.transfer(bob.id, carol.id, 70));
console.log(bank.transfer(bob.id, carol.id, 20));
console.log(bank.transfer(alice.id, carol.id, -5));
carol.addInterest();
bank.accounts.forEach(function (a) { console.log(String(a), a.history.join(" ")); });
console.log("total", bank.total().toFixed(2), bob.available(), bob instanceof Account);
