/**
 * What the load benchmarks of issue #21 share: Zoom-shaped deliveries signed at the moment they are
 * sent, an open-loop sender that keeps a rate (as Zoom does: it does not slow down because n8n is
 * slow) with a cap on requests in flight, Zoom's retry rule, a stand-in for the next node's HTTP
 * target, and the workflows under test.
 *
 * Zoom's rule (https://developers.zoom.us/docs/api/webhooks/#webhook-delivery): a delivery counts as
 * delivered when answered 200 or 204 within 3 seconds; otherwise Zoom retries it (after 5 min, 30 min
 * and 90 min), with the same body and tracking id, signed anew.
 */
import axios from 'axios';
import { createHmac, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { SANDBOX_DEFAULTS } from '../sandbox';
import { PKG } from '../test/harness/workflows';
import { percentile } from './common';

/** Zoom's limit for an answer, in ms. */
export const ZOOM_ACK_LIMIT_MS = 3000;

export interface Delivery {
	/** The event's own id (the participant's email, which every workflow passes on), for counting emissions. */
	eventId: string;
	body: string;
	trackingId: string;
}

/** A signed webinar.participant_joined for participant `i` of a burst tagged `tag`. */
export function participantJoined(i: number, tag: string): Delivery {
	const eventId = `a${i}.${tag}@example.com`;
	const body = JSON.stringify({
		event: 'webinar.participant_joined',
		event_ts: Date.now(),
		payload: {
			account_id: 'bench',
			object: {
				id: '81234567890',
				uuid: `burst${tag}==`,
				host_id: 'h',
				topic: 'Webinar start',
				participant: { user_id: `${tag}-${i}`, participant_user_id: `${tag}-${i}`, user_name: `Attendee ${i}`, email: eventId, join_time: new Date().toISOString() },
			},
		},
	});
	return { eventId, body, trackingId: `v=2.0;clid=us02;rid=WEB_${tag}_${i}` };
}

/** The headers Zoom sends with `delivery`, signed now (a retry is signed anew), plus the header-auth baseline's header. */
export function signedHeaders(delivery: Delivery): Record<string, string> {
	const timestamp = String(Math.floor(Date.now() / 1000));
	const signature = createHmac('sha256', SANDBOX_DEFAULTS.webhookSecretToken).update(`v0:${timestamp}:${delivery.body}`).digest('hex');
	return {
		'content-type': 'application/json; charset=utf-8',
		'user-agent': 'Zoom Marketplace/1.0a',
		'x-zm-request-timestamp': timestamp,
		'x-zm-signature': `v0=${signature}`,
		'x-zm-trackingid': delivery.trackingId,
		[BENCH_AUTH_HEADER]: BENCH_AUTH_VALUE,
	};
}

export const BENCH_AUTH_HEADER = 'x-bench-auth';
export const BENCH_AUTH_VALUE = 'bench-secret';

export interface Outcome {
	/** Where in the sequence sent. */
	index: number;
	delivery: Delivery;
	status: number;
	latencyMs: number;
}

export interface LoadResult {
	outcomes: Outcome[];
	seconds: number;
	/** Requests answered per second over the whole run (to the last answer). */
	achievedRate: number;
	/** Requests sent per second (to the last send): below the asked rate when the in-flight cap held sends back. */
	sendRate: number;
}

/**
 * Sends `deliveries[i]` to `urlOf(i)` at `rate` per second from the start, never more than `maxInFlight`
 * at once (a request that would pass the cap waits for one to end, so the achieved rate shows it).
 * Latency is measured to the full answer, never cut at 3 s, so p99 is the real one.
 */
export async function sendAtRate(
	deliveries: Delivery[],
	urlOf: (i: number) => string,
	options: { rate: number; maxInFlight: number },
): Promise<LoadResult> {
	const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxInFlight });
	const outcomes: Outcome[] = [];
	const started = performance.now();
	let inFlight = 0;
	let lastSent = started;
	let wake: (() => void) | undefined;
	const running: Array<Promise<void>> = [];
	for (let i = 0; i < deliveries.length; i++) {
		const due = started + (i * 1000) / options.rate;
		const wait = due - performance.now();
		if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
		while (inFlight >= options.maxInFlight) await new Promise<void>((resolve) => (wake = resolve));
		inFlight++;
		lastSent = performance.now();
		const delivery = deliveries[i];
		running.push(
			(async () => {
				const t0 = performance.now();
				let status = 0;
				try {
					const response = await axios.post(urlOf(i), delivery.body, {
						headers: signedHeaders(delivery),
						httpAgent: agent,
						validateStatus: () => true,
						transformRequest: (d) => d,
						timeout: 60_000,
					});
					status = response.status;
				} catch {
					status = 0;
				}
				outcomes.push({ index: i, delivery, status, latencyMs: performance.now() - t0 });
				inFlight--;
				wake?.();
				wake = undefined;
			})(),
		);
	}
	await Promise.all(running);
	agent.destroy();
	const seconds = (performance.now() - started) / 1000;
	const sendSeconds = (lastSent - started) / 1000;
	return { outcomes, seconds, achievedRate: outcomes.length / seconds, sendRate: outcomes.length > 1 && sendSeconds > 0 ? (outcomes.length - 1) / sendSeconds : options.rate };
}

/** Several runs' outcomes as one, over the time they took together. */
export function joined(results: LoadResult[]): LoadResult {
	const seconds = results.reduce((sum, r) => sum + r.seconds, 0);
	const outcomes = results.flatMap((r) => r.outcomes);
	const sent = results.reduce((sum, r) => sum + r.outcomes.length, 0);
	const sendSeconds = results.reduce((sum, r) => sum + (r.outcomes.length - 1) / r.sendRate, 0);
	return { outcomes, seconds, achievedRate: outcomes.length / seconds, sendRate: (sent - results.length) / sendSeconds };
}

/** Whether Zoom counts this answer as delivered (200/204 within 3 s); if not, Zoom sends it again. */
export const deliveredForZoom = (outcome: Outcome) => (outcome.status === 200 || outcome.status === 204) && outcome.latencyMs <= ZOOM_ACK_LIMIT_MS;

export interface Figures {
	/** Requests sent per second. */
	rate: number;
	p50: number;
	p99: number;
	notDelivered: number;
}

export function figures(result: LoadResult): Figures {
	const latencies = result.outcomes.map((o) => o.latencyMs);
	return {
		rate: result.sendRate,
		p50: percentile(latencies, 50),
		p99: percentile(latencies, 99),
		notDelivered: result.outcomes.filter((o) => !deliveredForZoom(o)).length,
	};
}

export const describe = (f: Figures) =>
	`${f.rate.toFixed(2)}/s, ack p50 ${f.p50.toFixed(0)} ms, p99 ${f.p99.toFixed(0)} ms, ${f.notDelivered} not delivered by Zoom's rule`;

/**
 * `count` copies of earlier deliveries placed among the later part of the sequence, as Zoom's retries
 * arrive after their original: returns the whole sequence to send.
 */
export function withCopies(originals: Delivery[], count: number): Delivery[] {
	const sends = [...originals];
	for (let c = 0; c < count; c++) {
		const original = originals[Math.floor((c * originals.length) / 2 / Math.max(1, count))];
		const at = Math.floor((2 / 3) * originals.length) + Math.floor((c * originals.length) / 3 / Math.max(1, count));
		sends.splice(at + c, 0, original);
	}
	return sends;
}

export interface HttpTarget {
	/** The URL for the workflow named `workflow`. */
	urlFor: (workflow: string) => string;
	/** The participant emails each workflow's runs sent, in arrival order. */
	received: (workflow: string) => string[];
	close: () => Promise<void>;
}

/**
 * A stand-in for the system the next node writes to (a CRM): answers every POST with 200 at once and
 * notes the participant email of each, whether the item is the trigger's (participantEmail) or the
 * Webhook node's (body.payload…), so emissions are counted where a user would see them.
 */
export async function startHttpTarget(): Promise<HttpTarget> {
	const byWorkflow = new Map<string, string[]>();
	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const workflow = (request.url ?? '/').slice(1);
			try {
				const item = JSON.parse(Buffer.concat(chunks).toString('utf8'));
				const email = item.participantEmail ?? item.body?.payload?.object?.participant?.email;
				if (!byWorkflow.has(workflow)) byWorkflow.set(workflow, []);
				byWorkflow.get(workflow)!.push(String(email));
			} catch {
				// Counted as nothing: the figures then show the event missing.
			}
			response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		urlFor: (workflow) => `http://127.0.0.1:${port}/${workflow}`,
		received: (workflow) => byWorkflow.get(workflow) ?? [],
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

/** Waits until `count()` has not moved for `quietMs` (every run of the load has reached the next node). */
export async function untilSettled(count: () => number, options: { quietMs?: number; timeoutMs?: number } = {}): Promise<number> {
	const quietMs = options.quietMs ?? 5000;
	const deadline = Date.now() + (options.timeoutMs ?? 600_000);
	let last = -1;
	let stableSince = Date.now();
	while (Date.now() < deadline) {
		const now = count();
		if (now !== last) {
			last = now;
			stableSince = Date.now();
		} else if (Date.now() - stableSince >= quietMs) {
			return now;
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	return count();
}

/** The node every benchmark workflow ends in, as a user's would: an HTTP Request with the item as JSON. */
export function httpRequestNode(targetUrl: string, x: number) {
	return {
		id: randomUUID(),
		name: 'Send to CRM',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [x, 0],
		parameters: { method: 'POST', url: targetUrl, sendBody: true, specifyBody: 'json', jsonBody: '={{ JSON.stringify($json) }}', options: {} },
	};
}

export const TRIGGER_NODE = 'Zoom';

/**
 * The Zoom Connector Trigger for every event, at the version a new user gets (Registration: Manual, as the
 * bench signs its own deliveries), then the HTTP Request node. (For a version 1 webhook node, n8n itself
 * evaluates an expression per request in its isolate, options.binaryData; from version 1.1 it does not.)
 */
export function triggerWorkflow(name: string, webhookId: string, webhookCredential: { id: string; name: string }, targetUrl: string) {
	return {
		name,
		nodes: [
			{ id: randomUUID(), name: TRIGGER_NODE, type: `${PKG}.zoomConnectorTrigger`, typeVersion: 1.1, position: [0, 0], webhookId, parameters: { delivery: 'webhook', registration: 'manual', path: 'zoom', events: ['*'] }, credentials: { zoomConnectorWebhookApi: webhookCredential } },
			httpRequestNode(targetUrl, 250),
		],
		connections: { [TRIGGER_NODE]: { main: [[{ node: 'Send to CRM', type: 'main', index: 0 }]] } },
	};
}

/** n8n's Webhook node (answering at once), with header auth when a credential is given, then the HTTP Request node. */
export function webhookWorkflow(name: string, path: string, targetUrl: string, headerAuth?: { id: string; name: string }) {
	return {
		name,
		nodes: [
			{
				id: randomUUID(),
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', ...(headerAuth ? { authentication: 'headerAuth' } : {}), options: {} },
				...(headerAuth ? { credentials: { httpHeaderAuth: headerAuth } } : {}),
			},
			httpRequestNode(targetUrl, 250),
		],
		connections: { Webhook: { main: [[{ node: 'Send to CRM', type: 'main', index: 0 }]] } },
	};
}

/** How many of the distinct events in `expected` reached the next node other than exactly once. */
export function emissionCounts(emittedIds: string[], expected: Delivery[]): { emitted: number; twice: number; missing: number } {
	const counts = new Map<string, number>();
	for (const id of emittedIds) counts.set(id, (counts.get(id) ?? 0) + 1);
	const distinct = new Set(expected.map((d) => d.eventId));
	let twice = 0;
	let missing = 0;
	for (const id of distinct) {
		const count = counts.get(id) ?? 0;
		if (count === 0) missing++;
		if (count > 1) twice++;
	}
	return { emitted: emittedIds.length, twice, missing };
}

/**
 * Zoom's retries: sends again each delivery Zoom would count as failed, up to three times, once the
 * runs so far have reached the next node (`settled` counts them). Returns how many still failed.
 */
export async function retryAsZoom(
	failed: Delivery[],
	urlOf: (i: number) => string,
	settled: () => number,
	rate: number,
): Promise<number> {
	await untilSettled(settled);
	let pending = failed;
	for (let attempt = 1; attempt <= 3 && pending.length > 0; attempt++) {
		const result = await sendAtRate(pending, urlOf, { rate, maxInFlight: 20 });
		console.log(`  Zoom's retry ${attempt}: ${pending.length} deliveries sent again: ${describe(figures(result))}`);
		await untilSettled(settled);
		pending = result.outcomes.filter((o) => !deliveredForZoom(o)).map((o) => o.delivery);
	}
	if (pending.length > 0) console.log(`  ${pending.length} deliveries still failed after Zoom's retries`);
	return pending.length;
}

/** n8n serves a new webhook path a moment after activation: waits until each URL stops answering 404. */
export async function untilRegistered(urls: string[]): Promise<void> {
	for (const url of urls) {
		for (let tries = 0; tries < 100; tries++) {
			const response = await fetch(url, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json', [BENCH_AUTH_HEADER]: BENCH_AUTH_VALUE } });
			if (response.status !== 404) break;
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	}
}

/**
 * The highest rate that holds, in steps of ×1.25: up from `start` while each step holds, down first when the
 * first one does not; the first step that fails after one held ends the search. 0 when none held.
 */
export async function searchRate(start: number, options: { maxSteps: number; floor: number }, holdsAt: (rate: number, step: number) => Promise<boolean>): Promise<number> {
	let rate = start;
	let best = 0;
	for (let step = 0; step < options.maxSteps; step++) {
		if (await holdsAt(rate, step)) {
			best = rate;
			rate *= 1.25;
		} else if (best > 0) {
			return best;
		} else {
			rate /= 1.25;
		}
		if (rate < options.floor) break;
	}
	return best;
}
