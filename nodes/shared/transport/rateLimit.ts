/** Zoom's rate-limit categories (reference §6). */
export type RateCategory = 'Light' | 'Medium' | 'Heavy' | 'Resource-intensive';

/** Requests per second we start from for each category: Zoom's Pro plan, refined from the headers Zoom sends. */
export const DEFAULT_RATES: Record<RateCategory, number> = {
	Light: 30,
	Medium: 20,
	Heavy: 10,
	'Resource-intensive': 10 / 60,
};

const RULES: Array<[method: string, pattern: RegExp, category: RateCategory]> = [
	['GET', /^\/users\/[^/]+$/, 'Light'],
	['GET', /^\/users$/, 'Medium'],
	['POST', /^\/users\/[^/]+\/meetings$/, 'Medium'],
	['GET', /^\/users\/[^/]+\/(meetings|webinars|recordings)$/, 'Medium'],
	['POST', /^\/users\/[^/]+\/webinars$/, 'Light'],
	['GET', /^\/(meetings|webinars)\/[^/]+\/registrants$/, 'Medium'],
	['PUT', /^\/(meetings|webinars)\/[^/]+\/registrants\/status$/, 'Medium'],
	['GET', /^\/past_meetings\/[^/]+\/(instances|participants)$/, 'Medium'],
	['GET', /^\/past_webinars\/[^/]+\/participants$/, 'Medium'],
	['GET', /^\/past_webinars\/[^/]+\/absentees$/, 'Heavy'],
	['*', /^\/report\//, 'Heavy'],
	['GET', /^\/accounts\/[^/]+\/recordings$/, 'Medium'],
];

/** Category of a call; anything not listed is Light, as Zoom's single-object calls are. */
export function rateCategory(method: string, path: string): RateCategory {
	const bare = path.split('?')[0].replace(/\/+$/, '');
	const upper = method.toUpperCase();
	for (const [ruleMethod, pattern, category] of RULES) {
		if ((ruleMethod === '*' || ruleMethod === upper) && pattern.test(bare)) return category;
	}
	return 'Light';
}

export function isRateCategory(value: unknown): value is RateCategory {
	return typeof value === 'string' && value in DEFAULT_RATES;
}

/**
 * Token buckets per (account, category). A caller reserves a slot and is told how long to wait,
 * so concurrent callers queue behind each other instead of all firing at once. We stay a little
 * under the limit (`headroom`) because our clock and Zoom's are not aligned.
 */
export class RatePacer {
	private readonly buckets = new Map<string, { rate: number; tokens: number; updated: number }>();

	constructor(
		private readonly now: () => number = Date.now,
		private readonly headroom = 0.95,
	) {}

	private bucket(key: string, category: RateCategory) {
		const id = `${key}\u0000${category}`;
		let bucket = this.buckets.get(id);
		if (!bucket) {
			const rate = DEFAULT_RATES[category];
			bucket = { rate, tokens: Math.max(1, rate * this.headroom), updated: this.now() };
			this.buckets.set(id, bucket);
		}
		return bucket;
	}

	/** Reserve one call; returns the milliseconds to wait before making it. */
	reserve(key: string, category: RateCategory): number {
		const bucket = this.bucket(key, category);
		const rate = bucket.rate * this.headroom;
		const capacity = Math.max(1, rate);
		const now = this.now();
		bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.updated) / 1000) * rate);
		bucket.updated = now;
		bucket.tokens -= 1;
		return bucket.tokens >= 0 ? 0 : Math.ceil((-bucket.tokens / rate) * 1000);
	}

	/** Adopt the per-second limit Zoom reports for a category. */
	learnLimit(key: string, category: RateCategory, perSecond: number): void {
		if (!Number.isFinite(perSecond) || perSecond <= 0) return;
		const bucket = this.bucket(key, category);
		if (bucket.rate === perSecond) return;
		bucket.rate = perSecond;
		// A lower limit also shrinks the burst we may still spend.
		bucket.tokens = Math.min(bucket.tokens, Math.max(1, perSecond * this.headroom));
	}

	/** After a 429: slow down, and hold the bucket empty until Zoom's Retry-After has passed. */
	backOff(key: string, category: RateCategory, waitMs: number): void {
		const bucket = this.bucket(key, category);
		bucket.rate = Math.max(DEFAULT_RATES[category] / 20, bucket.rate * 0.8);
		const rate = bucket.rate * this.headroom;
		bucket.updated = this.now();
		bucket.tokens = Math.min(bucket.tokens, -(waitMs / 1000) * rate);
	}

	rate(key: string, category: RateCategory): number {
		return this.bucket(key, category).rate;
	}
}
