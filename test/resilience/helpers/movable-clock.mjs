// Preloaded (`node --import`) into a spawned `rituel start`, like the process tests' fake-clock.mjs:
// the process's clock reads FAKE_NOW at start and runs on from there. In addition, each SIGUSR2
// moves it FAKE_CLOCK_STEP_MS ahead (default 6 minutes): a test can let the process's own leases
// expire without waiting for them in real time. Only `new Date()` and `Date.now()` move.
const RealDate = globalThis.Date;
let offset = RealDate.parse(process.env.FAKE_NOW ?? '') - RealDate.now();
const step = Number(process.env.FAKE_CLOCK_STEP_MS ?? 6 * 60_000);
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
  process.on('SIGUSR2', () => {
    offset += step;
  });
}
