import type { INodeProperties } from 'n8n-workflow';

/**
 * Zoom's rate-limit categories. Each endpoint's reference page names its "Rate Limit Label":
 * https://developers.zoom.us/docs/api/rate-limits/
 */
export type RateCategory = 'Light' | 'Medium' | 'Heavy' | 'Resource-intensive';

/** Zoom's plan tiers for rate limits; Business+ covers Business, Education, Enterprise and Partners. */
export type ZoomPlan = 'free' | 'pro' | 'business';

/**
 * Requests per second Zoom allows an account per category and plan ("Rate limits by account type",
 * https://developers.zoom.us/docs/api/rate-limits/#rate-limits-by-account-type). Zoom documents these and
 * does not send them: its X-RateLimit-Limit/-Remaining headers carry daily quotas (6000, 30000, ...), so
 * the transport never reads a rate from them.
 */
export const PLAN_RATES: Record<ZoomPlan, Record<RateCategory, number>> = {
	free: { Light: 4, Medium: 2, Heavy: 1, 'Resource-intensive': 10 / 60 },
	pro: { Light: 30, Medium: 20, Heavy: 10, 'Resource-intensive': 10 / 60 },
	business: { Light: 80, Medium: 60, Heavy: 40, 'Resource-intensive': 20 / 60 },
};

/**
 * Pro unless the credential says otherwise: on a Free account the first per-second 429s slow the pace
 * down to what Zoom accepts; on Business+ it stays below the account's limit, which all the account's
 * apps share.
 */
export const DEFAULT_PLAN: ZoomPlan = 'pro';

export function isZoomPlan(value: unknown): value is ZoomPlan {
	return typeof value === 'string' && value in PLAN_RATES;
}

/** The credentials' field for the account's plan; it sets how fast the nodes call Zoom. */
export const zoomPlanProperty: INodeProperties = {
	displayName: 'Zoom Plan',
	name: 'zoomPlan',
	type: 'options',
	options: [
		{ name: 'Free', value: 'free', description: 'Light 4/s, Medium 2/s, Heavy 1/s' },
		{ name: 'Pro', value: 'pro', description: 'Light 30/s, Medium 20/s, Heavy 10/s' },
		{
			name: 'Business, Education, Enterprise or Partner',
			value: 'business',
			description: 'Light 80/s, Medium 60/s, Heavy 40/s',
		},
	],
	default: DEFAULT_PLAN,
	description:
		'The Zoom account’s plan. Zoom’s per-second limits depend on it, and the nodes pace their calls to stay under them.',
};

/**
 * Zoom's label of each endpoint the nodes call that is not Light, as its reference page names it
 * (e.g. https://developers.zoom.us/docs/api/meetings/#tag/webinars/POST/webinars/{webinarId}/panelists:
 * "Rate Limit Label: MEDIUM"); test/unit/rateCategories.test.ts holds them to Zoom's published labels.
 */
const RULES: Array<[method: string, pattern: RegExp, category: RateCategory]> = [
	['GET', /^\/users$/, 'Medium'],
	['GET', /^\/users\/[^/]+\/(meetings|webinars|recordings)$/, 'Medium'],
	['GET', /^\/meetings\/meeting_summaries$/, 'Medium'],
	['GET', /^\/(meetings|webinars)\/[^/]+\/registrants$/, 'Medium'],
	['PUT', /^\/(meetings|webinars)\/[^/]+\/registrants\/status$/, 'Medium'],
	['POST', /^\/(meetings|webinars)\/[^/]+\/batch_registrants$/, 'Heavy'],
	['GET', /^\/past_meetings\/[^/]+\/(instances|participants|polls|qa)$/, 'Medium'],
	['GET', /^\/past_webinars\/[^/]+\/(participants|polls|qa)$/, 'Medium'],
	['GET', /^\/past_webinars\/[^/]+\/absentees$/, 'Heavy'],
	['GET', /^\/webinars\/[^/]+\/(panelists|tracking_sources)$/, 'Medium'],
	['POST', /^\/webinars\/[^/]+\/panelists$/, 'Medium'],
	['*', /^\/report\//, 'Heavy'],
	['GET', /^\/accounts\/[^/]+\/recordings$/, 'Medium'],
	// https://developers.zoom.us/docs/api/marketplace/#tag/app: creating an event subscription is Heavy.
	['POST', /^\/marketplace\/app\/event_subscription$/, 'Heavy'],
	['*', /^\/marketplace\/app\/event_subscription(\/[^/]+)?$/, 'Medium'],
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

interface Bucket {
	/** The plan's documented rate: the pace never goes above it. */
	ceiling: number;
	/** The pace now: lowered by Zoom's per-second 429s, climbing back to the ceiling on successes. */
	rate: number;
	tokens: number;
	updated: number;
}

/**
 * Token buckets per (credential, category). A caller reserves a slot and is told how long to wait,
 * so concurrent callers queue behind each other instead of all firing at once. We stay a little
 * under the limit (`headroom`) because our clock and Zoom's are not aligned.
 */
export class RatePacer {
	private readonly buckets = new Map<string, Bucket>();

	constructor(
		private readonly now: () => number = () => Date.now(),
		private readonly headroom = 0.95,
	) {}

	private bucket(key: string, category: RateCategory, plan: ZoomPlan): Bucket {
		const id = `${key}\u0000${category}`;
		const ceiling = PLAN_RATES[plan][category];
		let bucket = this.buckets.get(id);
		if (!bucket) {
			bucket = {
				ceiling,
				rate: ceiling,
				tokens: Math.max(1, ceiling * this.headroom),
				updated: this.now(),
			};
			this.buckets.set(id, bucket);
		} else if (bucket.ceiling !== ceiling) {
			// The credential's plan changed: start over from the new plan's rate and burst.
			bucket.ceiling = ceiling;
			bucket.rate = ceiling;
			bucket.tokens = Math.min(bucket.tokens, Math.max(1, ceiling * this.headroom));
		}
		return bucket;
	}

	/** Reserve one call; returns the milliseconds to wait before making it. */
	reserve(key: string, category: RateCategory, plan: ZoomPlan = DEFAULT_PLAN): number {
		const bucket = this.bucket(key, category, plan);
		const rate = bucket.rate * this.headroom;
		const capacity = Math.max(1, rate);
		const now = this.now();
		bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.updated) / 1000) * rate);
		bucket.updated = now;
		bucket.tokens -= 1;
		return bucket.tokens >= 0 ? 0 : Math.ceil((-bucket.tokens / rate) * 1000);
	}

	/**
	 * A call went through: climb back towards the plan's rate, a tenth of it per success, so one stray 429
	 * (another app of the account spending the same limit) costs a few calls' pace, not the whole run's.
	 */
	succeeded(key: string, category: RateCategory, plan: ZoomPlan = DEFAULT_PLAN): void {
		const bucket = this.bucket(key, category, plan);
		bucket.rate = Math.min(bucket.ceiling, bucket.rate + bucket.ceiling / 10);
	}

	/**
	 * After a per-second 429: hold the bucket so the next call (the retry) goes in `waitMs`. `slowDown` also
	 * lowers the pace, for a 429 without Retry-After, where the pace must be inferred (the account's limit is
	 * lower than the plan says, or other apps of the account share it). With a Retry-After Zoom has named the
	 * wait, and waiting it is enough.
	 */
	backOff(
		key: string,
		category: RateCategory,
		waitMs: number,
		slowDown: boolean,
		plan: ZoomPlan = DEFAULT_PLAN,
	): void {
		const bucket = this.bucket(key, category, plan);
		if (slowDown) bucket.rate = Math.max(bucket.ceiling / 20, bucket.rate * 0.8);
		const rate = bucket.rate * this.headroom;
		bucket.updated = this.now();
		bucket.tokens = Math.min(bucket.tokens, 1 - (waitMs / 1000) * rate);
	}

	rate(key: string, category: RateCategory, plan: ZoomPlan = DEFAULT_PLAN): number {
		return this.bucket(key, category, plan).rate;
	}
}
