// Shared state of one running sandbox and the route shape every /v2 family uses.
import type { Reply, Pattern } from './http';
import { compile } from './http';
import { PLAN_LIMITS, RateLimiter } from './ratelimit';
import type { Bucket, Category, Plan } from './ratelimit';
import { Store } from './store';
import type { Defaults, Token, User } from './store';
import { Webhooks } from './webhooks';
import { WebSockets } from './websocket';

export interface Config {
	tokenTtlSeconds: number;
	/** The account's Zoom plan; sets rateLimits and the daily quotas. */
	plan: Plan;
	/** Per-second buckets: the plan's, or overridden through the control API. */
	rateLimits: Record<Category, Bucket>;
	maxPageSize: number;
	pageTokenTtlSeconds: number;
	codeTtlSeconds: number;
	dailyWriteLimit: number;
}

export interface LogEntry {
	time: string;
	method: string;
	path: string;
	query: Record<string, string>;
	status: number;
	category: Category | null;
	tokenKind: 'oauth' | 's2s' | 'download' | 'app' | 'none' | 'invalid' | null;
}

export interface Fault {
	id: number;
	method?: string;
	path: string;
	kind: 'status' | 'drop' | 'delay';
	status: number;
	count: number;
	retryAfter?: number;
	delayMs: number;
	body?: unknown;
}

/** Per-request facts the log needs, filled in as the request is handled. */
export interface RequestMeta {
	category: Category | null;
	tokenKind: LogEntry['tokenKind'];
	route?: string;
}

const MAX_LOG = 100000;

export class Sandbox {
	store: Store;
	config: Config;
	limiter: RateLimiter;
	log: LogEntry[] = [];
	stats = { total: 0, byStatus: {} as Record<string, number>, byRoute: {} as Record<string, number>, rateLimited: 0 };
	faults: Fault[] = [];
	nextFaultId = 1;
	webhooks = new Webhooks(this);
	websockets = new WebSockets(this);
	origin = '';

	constructor(
		public defaults: Defaults,
		private initial: Partial<Config>,
	) {
		this.store = new Store(defaults);
		this.config = this.freshConfig();
		this.limiter = new RateLimiter(
			() => this.config.rateLimits,
			() => this.config.plan,
		);
	}

	private freshConfig(): Config {
		return {
			tokenTtlSeconds: 3600,
			plan: 'business',
			rateLimits: { ...PLAN_LIMITS.business },
			maxPageSize: 300,
			pageTokenTtlSeconds: 900,
			codeTtlSeconds: 300,
			dailyWriteLimit: 100,
			...this.initial,
		};
	}

	/** Back to the default account: new store, config, limits, logs, faults, deliveries. */
	reset(): void {
		this.store = new Store(this.defaults);
		this.config = this.freshConfig();
		this.limiter.reset();
		this.clearLog();
		this.faults = [];
		this.webhooks.reset();
		this.websockets.reset();
	}

	clearLog(): void {
		this.log = [];
		this.stats = { total: 0, byStatus: {}, byRoute: {}, rateLimited: 0 };
	}

	record(e: LogEntry, route?: string): void {
		if (this.log.length >= MAX_LOG) this.log.splice(0, MAX_LOG / 10);
		this.log.push(e);
		this.stats.total++;
		const s = String(e.status);
		this.stats.byStatus[s] = (this.stats.byStatus[s] ?? 0) + 1;
		const r = `${e.method} ${route ?? e.path}`;
		this.stats.byRoute[r] = (this.stats.byRoute[r] ?? 0) + 1;
		if (e.status === 429) this.stats.rateLimited++;
	}

	/** The first armed fault matching this request, consuming one of its count. */
	takeFault(method: string, path: string): Fault | undefined {
		const f = this.faults.find((x) => x.count > 0 && (!x.method || x.method.toUpperCase() === method) && faultMatches(x.path, path));
		if (f) f.count--;
		this.faults = this.faults.filter((x) => x.count > 0);
		return f;
	}
}

/** A fault path is a regex when it starts with "^", else a prefix of the path (with or without /v2). */
function faultMatches(pattern: string, path: string): boolean {
	if (pattern.startsWith('^')) {
		try {
			const re = new RegExp(pattern);
			return re.test(path) || re.test(path.replace(/^\/v2/, ''));
		} catch {
			return false;
		}
	}
	return path.startsWith(pattern) || (path.startsWith('/v2/') && path.slice(3).startsWith(pattern));
}

export interface Ctx {
	sb: Sandbox;
	params: Record<string, string>;
	query: URLSearchParams;
	body: Record<string, unknown>;
	token: Token;
	/** The token's user (`me`). */
	me: User;
	/** Route pattern, used to bind page tokens to their query. */
	route: string;
}

export interface Route {
	method: string;
	pattern: Pattern;
	category: Category;
	/** Scopes that grant access; the first two (granular, granular:admin) are named in 4711. */
	scopes: string[];
	handler: (ctx: Ctx) => Reply | Promise<Reply>;
}

/**
 * Declare a /v2 route. `granular` is Zoom's granular scope (https://developers.zoom.us/docs/integrations/oauth-scopes-granular/) (its :admin variant is implied),
 * `classic` the pre-2024 scope (its :admin variant is implied too).
 */
export function route(method: string, path: string, category: Category, granular: string, classic: string, handler: Route['handler']): Route {
	const variants = (s: string) => (s.endsWith(':admin') ? [s] : [s, `${s}:admin`]);
	return { method, pattern: compile(path), category, scopes: [...variants(granular), ...variants(classic)], handler };
}
