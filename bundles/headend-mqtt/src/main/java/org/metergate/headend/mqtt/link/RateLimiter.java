package org.metergate.headend.mqtt.link;

/**
 * A token bucket: {@code rate} permits per second, at most {@code burst} saved up. Rate 0: unlimited.
 * Time comes from a {@link Ticker} so that tests need not sleep.
 */
final class RateLimiter {

    interface Ticker {
        long nanos();

        void sleepNanos(long nanos) throws InterruptedException;
    }

    static final Ticker SYSTEM = new Ticker() {
        @Override
        public long nanos() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    };

    private final double rate;
    private final double burst;
    private final Ticker ticker;
    private double tokens;
    private long last;

    RateLimiter(double ratePerSecond, int burst, Ticker ticker) {
        this.rate = ratePerSecond;
        this.burst = burst;
        this.ticker = ticker;
        this.tokens = burst;
        this.last = ticker.nanos();
    }

    /** Takes one permit, waiting as long as the rate requires. */
    synchronized void acquire() throws InterruptedException {
        if (rate <= 0) {
            return;
        }
        refill();
        while (tokens < 1) {
            long waitNanos = (long) Math.ceil((1 - tokens) / rate * 1e9);
            ticker.sleepNanos(Math.max(waitNanos, 1000));
            refill();
        }
        tokens -= 1;
    }

    private void refill() {
        long now = ticker.nanos();
        tokens = Math.min(burst, tokens + (now - last) / 1e9 * rate);
        last = now;
    }
}
