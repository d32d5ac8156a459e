// Preloaded (`node --import`) into a spawned `rituel start`: the process's clock reads FAKE_NOW at
// start and runs on from there, so its scheduler (node-cron, the start tick, luxon) lives at a
// chosen instant. Only `new Date()` and `Date.now()` move; dates built from values are untouched.
const RealDate = globalThis.Date;
const offset = RealDate.parse(process.env.FAKE_NOW ?? '') - RealDate.now();
if (Number.isFinite(offset)) {
  class FakeDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...args);
    }
    static now() {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = FakeDate;
}
