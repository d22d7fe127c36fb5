// The one rate limiter: a token bucket per (account, category), as Zoom counts limits per
// account and per category (reference §6.1). Plus the per-user daily create/update counter (§6.3).

export type Category = 'Light' | 'Medium' | 'Heavy' | 'Resource-intensive';
export const CATEGORIES: Category[] = ['Light', 'Medium', 'Heavy', 'Resource-intensive'];

export interface Bucket {
	/** Burst size, also reported as X-RateLimit-Limit. */
	capacity: number;
	/** Tokens added per second. */
	perSecond: number;
}

/** Business plan limits (§6.1): 80/60/40 per second, Resource-intensive 20 per minute. */
export const BUSINESS_LIMITS: Record<Category, Bucket> = {
	Light: { capacity: 80, perSecond: 80 },
	Medium: { capacity: 60, perSecond: 60 },
	Heavy: { capacity: 40, perSecond: 40 },
	'Resource-intensive': { capacity: 20, perSecond: 20 / 60 },
};

export interface Take {
	ok: boolean;
	limit: number;
	remaining: number;
	/** Whole seconds until one request is allowed again (>= 1), only when !ok. */
	retryAfter: number;
}

export class RateLimiter {
	private state = new Map<string, { tokens: number; at: number }>();
	private daily = new Map<string, number>();

	constructor(private limits: () => Record<Category, Bucket>) {}

	/** Refill every bucket; `daily` also forgets the per-user daily counters. */
	reset(daily = true): void {
		this.state.clear();
		if (daily) this.daily.clear();
	}

	private bucket(account: string, cat: Category, now: number) {
		const lim = this.limits()[cat];
		const key = `${account}|${cat}`;
		let b = this.state.get(key);
		if (!b) {
			b = { tokens: lim.capacity, at: now };
			this.state.set(key, b);
		}
		b.tokens = Math.min(lim.capacity, b.tokens + ((now - b.at) / 1000) * lim.perSecond);
		b.at = now;
		return { b, lim };
	}

	/** Consume one request; on failure nothing is consumed. */
	take(account: string, cat: Category, now = Date.now()): Take {
		const { b, lim } = this.bucket(account, cat, now);
		if (b.tokens >= 1) {
			b.tokens -= 1;
			return { ok: true, limit: lim.capacity, remaining: Math.floor(b.tokens), retryAfter: 0 };
		}
		const retryAfter = Math.max(1, Math.ceil((1 - b.tokens) / lim.perSecond));
		return { ok: false, limit: lim.capacity, remaining: 0, retryAfter };
	}

	/** Current state without consuming (for responses rejected before the limiter). */
	peek(account: string, cat: Category, now = Date.now()): Take {
		const { b, lim } = this.bucket(account, cat, now);
		return { ok: true, limit: lim.capacity, remaining: Math.floor(b.tokens), retryAfter: 0 };
	}

	/**
	 * Count one create/update for `key` (e.g. `meeting|userId`) in the current UTC day.
	 * Returns false when the daily limit is already used up.
	 */
	countDaily(key: string, limit: number, now = Date.now()): boolean {
		const k = `${new Date(now).toISOString().slice(0, 10)}|${key}`;
		const n = this.daily.get(k) ?? 0;
		if (n >= limit) return false;
		this.daily.set(k, n + 1);
		return true;
	}
}

/** The next 00:00 UTC as ISO, Zoom's Retry-After value on daily-limit 429s. */
export function nextUtcMidnightIso(now = Date.now()): string {
	const d = new Date(now);
	return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
