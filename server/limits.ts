/**
 * Requests per client: a token bucket per client that holds a minute's worth
 * and refills continuously, so a burst after a reconnect passes and a flood
 * does not.
 */
export class RateLimit {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one request from the client's allowance. Returns 0 if allowed, else the seconds to wait. */
  take(client: string): number {
    const now = this.now();
    const bucket = this.buckets.get(client) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + ((now - bucket.at) / 60_000) * this.perMinute);
    bucket.at = now;
    this.buckets.set(client, bucket);
    if (this.buckets.size > 10_000) this.forgetFull(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) / this.perMinute) * 60);
  }

  /** Drops clients whose buckets have refilled: they are the same as new. */
  private forgetFull(now: number) {
    for (const [client, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 60_000) * this.perMinute >= this.perMinute) this.buckets.delete(client);
    }
  }
}

/** Open streams per client, up to a cap. */
export class StreamCap {
  private readonly open = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** Counts a new stream for the client. Returns how to release it, or null when the client is at the cap. */
  acquire(client: string): (() => void) | null {
    const count = this.open.get(client) ?? 0;
    if (count >= this.max) return null;
    this.open.set(client, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(client) ?? 1) - 1;
      if (left > 0) this.open.set(client, left);
      else this.open.delete(client);
    };
  }
}
