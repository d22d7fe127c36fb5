// The one rate limiter: per (account, category) buckets at Zoom's documented per-second rates for the
// account's plan, Zoom's daily quotas, and the per-user daily create/update counter. Zoom counts limits
// per account and per category: https://developers.zoom.us/docs/api/rate-limits/
import { ZoomError } from './http';

export type Category = 'Light' | 'Medium' | 'Heavy' | 'Resource-intensive';
export const CATEGORIES: Category[] = ['Light', 'Medium', 'Heavy', 'Resource-intensive'];

/** Zoom's plan tiers for rate limits; Business+ covers Business, Education, Enterprise and Partners. */
export type Plan = 'free' | 'pro' | 'business';
export const PLANS: Plan[] = ['free', 'pro', 'business'];

export interface Bucket {
	/** Burst size: one second's worth (at least one request). */
	capacity: number;
	/** Tokens added per second. */
	perSecond: number;
}

const perSecond = (n: number): Bucket => ({ capacity: n, perSecond: n });
const perMinute = (n: number): Bucket => ({ capacity: 1, perSecond: n / 60 });

/** "Rate limits by account type": https://developers.zoom.us/docs/api/rate-limits/#rate-limits-by-account-type */
export const PLAN_LIMITS: Record<Plan, Record<Category, Bucket>> = {
	free: { Light: perSecond(4), Medium: perSecond(2), Heavy: perSecond(1), 'Resource-intensive': perMinute(10) },
	pro: { Light: perSecond(30), Medium: perSecond(20), Heavy: perSecond(10), 'Resource-intensive': perMinute(10) },
	business: { Light: perSecond(80), Medium: perSecond(60), Heavy: perSecond(40), 'Resource-intensive': perMinute(20) },
};

/**
 * Daily quotas from the same page: Free has one per category; Pro and Business+ share one between
 * Heavy and Resource-intensive (30,000 and 60,000) and have none for Light and Medium.
 */
const DAILY_LIMITS: Record<Plan, Partial<Record<Category, { pool: string; limit: number }>>> = {
	free: {
		Light: { pool: 'Light', limit: 6000 },
		Medium: { pool: 'Medium', limit: 2000 },
		Heavy: { pool: 'Heavy', limit: 1000 },
		'Resource-intensive': { pool: 'Resource-intensive', limit: 30000 },
	},
	pro: { Heavy: { pool: 'Heavy+RI', limit: 30000 }, 'Resource-intensive': { pool: 'Heavy+RI', limit: 30000 } },
	business: { Heavy: { pool: 'Heavy+RI', limit: 60000 }, 'Resource-intensive': { pool: 'Heavy+RI', limit: 60000 } },
};

/** The two messages of Zoom's error table: https://developers.zoom.us/docs/api/rate-limits/#error-table */
export const PER_SECOND_MESSAGE = 'You have reached the maximum per-second rate limit for this API. Try again later.';
export const DAILY_MESSAGE =
	'You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request.';

export type Headers = Record<string, string | number>;

export interface Take {
	ok: boolean;
	/** Which limit refused the call, when !ok. */
	refused?: 'QPS' | 'Daily-limit';
	/**
	 * What Zoom puts in X-RateLimit-* on this answer: the category always, the daily quota and what is left of
	 * it where the plan has one. Zoom does not send its per-second limits (they are documented, not sent).
	 */
	headers: Headers;
}

export class RateLimiter {
	private state = new Map<string, { tokens: number; at: number }>();
	private used = new Map<string, number>();
	private daily = new Map<string, number>();

	constructor(
		private limits: () => Record<Category, Bucket>,
		private plan: () => Plan,
	) {}

	/** Refill every bucket; `daily` also forgets the daily counters. */
	reset(daily = true): void {
		this.state.clear();
		if (daily) {
			this.used.clear();
			this.daily.clear();
		}
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

	private quota(account: string, cat: Category, now: number) {
		const daily = DAILY_LIMITS[this.plan()][cat];
		if (!daily) return undefined;
		const key = `${utcDay(now)}|${account}|${daily.pool}`;
		return { key, limit: daily.limit, used: this.used.get(key) ?? 0 };
	}

	private headers(cat: Category, quota: ReturnType<RateLimiter['quota']>): Headers {
		const headers: Headers = { 'X-RateLimit-Category': cat };
		if (quota) {
			headers['X-RateLimit-Limit'] = quota.limit;
			headers['X-RateLimit-Remaining'] = Math.max(0, quota.limit - quota.used);
		}
		return headers;
	}

	/** Consume one request; on failure nothing is consumed. */
	take(account: string, cat: Category, now = Date.now()): Take {
		const quota = this.quota(account, cat, now);
		if (quota && quota.used >= quota.limit) return { ok: false, refused: 'Daily-limit', headers: this.headers(cat, quota) };
		const { b } = this.bucket(account, cat, now);
		if (b.tokens < 1) return { ok: false, refused: 'QPS', headers: this.headers(cat, quota) };
		b.tokens -= 1;
		if (quota) {
			quota.used += 1;
			this.used.set(quota.key, quota.used);
		}
		return { ok: true, headers: this.headers(cat, quota) };
	}

	/** The headers without consuming (for answers refused before the limiter). */
	peek(account: string, cat: Category, now = Date.now()): Headers {
		return this.headers(cat, this.quota(account, cat, now));
	}

	/**
	 * Count one create/update for `key` (e.g. `meeting|userId`) in the current UTC day.
	 * Returns false when the daily limit is already used up.
	 */
	countDaily(key: string, limit: number, now = Date.now()): boolean {
		const k = `${utcDay(now)}|${key}`;
		const n = this.daily.get(k) ?? 0;
		if (n >= limit) return false;
		this.daily.set(k, n + 1);
		return true;
	}
}

const utcDay = (now: number): string => new Date(now).toISOString().slice(0, 10);

/** The next 00:00 UTC as ISO, the Retry-After Zoom's docs show on a daily-limit 429. */
export function nextUtcMidnightIso(now = Date.now()): string {
	const d = new Date(now);
	return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The 429 for a refused call. Per-second: Zoom's message with X-RateLimit-Type QPS and no Retry-After
 * (Zoom documents none). Account daily quota: Zoom's daily message, X-RateLimit-Type Daily-limit and a
 * Retry-After at the next 00:00 UTC, as in Zoom's example header.
 */
export function rateLimitError(take: Take, now = Date.now()): ZoomError {
	if (take.refused === 'Daily-limit')
		return new ZoomError(429, 429, DAILY_MESSAGE, undefined, { ...take.headers, 'X-RateLimit-Type': 'Daily-limit', 'Retry-After': nextUtcMidnightIso(now) });
	return new ZoomError(429, 429, PER_SECOND_MESSAGE, undefined, { ...take.headers, 'X-RateLimit-Type': 'QPS' });
}

/**
 * The per-user limit of 100 meeting/webinar creates and updates a day
 * (https://developers.zoom.us/docs/api/rate-limits/#meeting-and-webinar-createupdate-requests). Its 429 is
 * the one captured from Zoom (https://devforum.zoom.us/t/18928): this message, and neither Retry-After nor
 * X-RateLimit-Type; the X-RateLimit-* headers are the account's ordinary ones.
 */
export function userDailyLimitError(noun: 'Meeting' | 'Webinar', limit: number): ZoomError {
	return new ZoomError(
		429,
		429,
		`You have exceeded the daily rate limit (${limit}) of ${noun} Create/Update API requests permitted for this particular user. You may resume these requests at GMT 00:00:00.`,
	);
}
