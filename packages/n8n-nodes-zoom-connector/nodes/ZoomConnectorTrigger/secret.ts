/**
 * The webhook credential's secret token, as the trigger's webhook() reads it.
 *
 * Two properties, both against an attacker on the open internet:
 * - A rotated-out secret stops at once. A signature that is valid under the cached secret is confirmed
 *   against a read of the credential that began after the request arrived, so a secret replaced before the
 *   request came is never accepted. Deliveries arriving together share one such read (n8n's own Webhook
 *   node with header auth reads its credential on every request; this reads at most once per read's
 *   duration under a burst).
 * - A forged flood costs no database read each. A signature the cached secret rejects triggers a re-read
 *   (a secret rotated in must work) at most once a second per credential; other rejections are answered
 *   from the cache.
 * A credential that cannot be read (missing, deleted) is reported through one failing execution at a time
 * (see credentialProblemItem), not a 500 for Zoom to retry.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A re-read after a rejected signature, at most this often per credential. */
export const RELOAD_INTERVAL_MS = 1000;

interface Read {
	/** The position in `sequence` at which the read began. */
	startedAt: number;
	promise: Promise<string>;
}

interface Entry {
	secret?: string;
	inflight?: Read;
	/** A read queued behind `inflight`, for requests that arrived after it began. */
	queued?: Promise<string>;
	lastReadMs: number;
}

export class SecretSource {
	private readonly entries = new Map<string, Entry>();
	/** Orders arrivals and read starts exactly (a clock can put both in the same millisecond). */
	private sequence = 0;

	constructor(private readonly nowMs: () => number = Date.now) {}

	/** Marks a request's arrival; pass the result to screenWithSecret. */
	arrival(): number {
		return ++this.sequence;
	}

	private entry(key: string): Entry {
		let entry = this.entries.get(key);
		if (!entry) {
			entry = { lastReadMs: Number.NEGATIVE_INFINITY };
			this.entries.set(key, entry);
		}
		return entry;
	}

	cached(key: string): string | undefined {
		return this.entries.get(key)?.secret;
	}

	private start(entry: Entry, load: () => Promise<string>): Promise<string> {
		const read: Read = {
			startedAt: ++this.sequence,
			promise: Promise.resolve() as unknown as Promise<string>,
		};
		entry.lastReadMs = this.nowMs();
		read.promise = load().then(
			(secret) => {
				if (entry.inflight === read) entry.inflight = undefined;
				entry.secret = secret;
				return secret;
			},
			(error: unknown) => {
				if (entry.inflight === read) entry.inflight = undefined;
				throw error;
			},
		);
		entry.inflight = read;
		return read.promise;
	}

	/** A secret from a read that began after `arrivedAt`: one in flight, one queued, or a new one. */
	fresh(key: string, load: () => Promise<string>, arrivedAt: number): Promise<string> {
		const entry = this.entry(key);
		if (entry.inflight && entry.inflight.startedAt > arrivedAt) return entry.inflight.promise;
		if (entry.queued) return entry.queued;
		if (!entry.inflight) return this.start(entry, load);
		const queued = entry.inflight.promise
			.catch(() => undefined)
			.then(() => {
				entry.queued = undefined;
				return this.start(entry, load);
			});
		entry.queued = queued;
		return queued;
	}

	mayReload(key: string): boolean {
		return this.nowMs() - this.entry(key).lastReadMs >= RELOAD_INTERVAL_MS;
	}
}

export interface Screened {
	ok: boolean;
	status?: number;
}

/** The decision for a request under the credential's current secret (see the module comment). */
export async function screenWithSecret<D extends Screened>(
	source: SecretSource,
	key: string,
	load: () => Promise<string>,
	check: (secret: string) => D,
	arrivedAt: number,
): Promise<D> {
	const cached = source.cached(key);
	if (cached === undefined) return check(await source.fresh(key, load, arrivedAt));
	const decision = check(cached);
	const reject = !decision.ok && decision.status === 401;
	if (!decision.ok && !reject) return decision;
	if (reject && !source.mayReload(key)) return decision;
	const current = await source.fresh(key, load, arrivedAt);
	return current === cached ? decision : check(current);
}

/** Marks the one item a delivery becomes when the credential cannot be read (see webhook()). */
export const CREDENTIAL_PROBLEM = 'credentialProblem';
/** One failing execution per trigger node this often, whatever the number of deliveries. */
export const CREDENTIAL_PROBLEM_EVERY_MS = 10 * 60_000;

/**
 * Whether this delivery should start the execution that reports an unreadable credential. Every other
 * delivery in the window is answered 200 without a run: Zoom retrying would meet the same credential, and
 * each run would only repeat the same failure.
 */
export class CredentialProblemGate {
	private readonly lastReported = new Map<string, number>();

	constructor(private readonly nowMs: () => number = Date.now) {}

	shouldReport(nodeKey: string): boolean {
		const now = this.nowMs();
		const last = this.lastReported.get(nodeKey);
		if (last !== undefined && now - last < CREDENTIAL_PROBLEM_EVERY_MS) return false;
		this.lastReported.set(nodeKey, now);
		return true;
	}
}

/** The error n8n showed (e.g. "Credential with ID 7 does not exist"), without a stack. */
export function credentialProblemItem(error: unknown): IDataObject {
	return { [CREDENTIAL_PROBLEM]: String((error as Error)?.message ?? error).slice(0, 500) };
}

/** In execute(): a credential-problem item fails the execution with the cause and the fix. */
export function throwIfCredentialProblem(
	context: IExecuteFunctions,
	json: IDataObject,
	itemIndex: number,
): void {
	const problem = json[CREDENTIAL_PROBLEM];
	if (typeof problem !== 'string') return;
	throw new NodeOperationError(
		context.getNode(),
		`The Zoom webhook credential could not be read: ${problem}`,
		{
			itemIndex,
			description:
				'Zoom deliveries are answered 200 and dropped until the credential is fixed, so Zoom does not retry into the same failure. Select an existing Zoom Connector Webhook credential on the trigger (with the app’s Secret Token), then reactivate the workflow. This execution is started at most once every 10 minutes.',
		},
	);
}
