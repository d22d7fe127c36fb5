/**
 * The trigger's webhook() against hostile traffic, with a minimal n8n webhook context: a rotated-out secret,
 * forged floods, a missing credential, and bodies that are too large or compressed.
 */
import { createHmac } from 'node:crypto';
import { Readable } from 'node:stream';
import type { IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

import { ZoomConnectorTrigger } from 'n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/ZoomConnectorTrigger.node';

const trigger = new ZoomConnectorTrigger();
let workflowCounter = 0;

interface Credential {
	secret?: string;
	reads: number;
	readDelayMs: number;
}

function signed(secret: string, body: string, ts = Math.floor(Date.now() / 1000)) {
	const signature = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
	return { 'content-type': 'application/json', 'x-zm-request-timestamp': String(ts), 'x-zm-signature': signature } as Record<string, string>;
}

/** A recent event: the trigger refuses events older than its once-only memory reaches back (2 h). */
const EVENT_MS = Date.now() - 60_000;
const event = (n: number) => JSON.stringify({ event: 'meeting.started', event_ts: EVENT_MS + n, payload: { account_id: 'a', object: { id: 100 + n, uuid: `u${n}` } } });

/** n8n's request as the node sees it: a readable stream with n8n's readRawBody (16 MiB limit) beside it. */
function request(headers: Record<string, string>, chunks: Buffer[], pulled = { bytes: 0 }) {
	let index = 0;
	const stream = new Readable({
		read() {
			if (index >= chunks.length) return void this.push(null);
			pulled.bytes += chunks[index].length;
			this.push(chunks[index++]);
		},
	});
	return Object.assign(stream, {
		headers,
		rawBody: undefined as Buffer | undefined,
		async readRawBody() {
			const parts: Buffer[] = [];
			let length = 0;
			for await (const chunk of stream) {
				length += (chunk as Buffer).length;
				if (length > 16 * 1024 * 1024) throw new Error('request entity too large');
				parts.push(chunk as Buffer);
			}
			this.rawBody = Buffer.concat(parts);
		},
	});
}

function webhookContext(workflowId: string, credential: Credential, req: object) {
	const response = { code: 0, body: undefined as unknown, headers: {} as Record<string, string> };
	const res = {
		status(code: number) {
			response.code = code;
			return res;
		},
		json(body: unknown) {
			response.body = body;
		},
		setHeader(name: string, value: string) {
			response.headers[name] = value;
		},
	};
	const context = {
		getRequestObject: () => req,
		getResponseObject: () => res,
		getNodeParameter: (name: string, fallback: unknown) => (name === 'events' ? ['*'] : fallback),
		getWorkflow: () => ({ id: workflowId }),
		getNode: () => ({ id: 'trigger', name: 'Zoom Trigger', credentials: { zoomConnectorWebhookApi: { id: 'c1', name: 'c' } } }),
		getCredentials: async () => {
			credential.reads++;
			if (credential.readDelayMs) await new Promise((resolve) => setTimeout(resolve, credential.readDelayMs));
			if (credential.secret === undefined) throw new Error('Credential with ID "c1" does not exist for type "zoomConnectorWebhookApi".');
			return { secretToken: credential.secret };
		},
		logger: { warn: () => undefined, error: () => undefined, info: () => undefined, debug: () => undefined },
		helpers: { returnJsonArray: (json: object) => [{ json }] },
	} as unknown as IWebhookFunctions;
	return { context, response };
}

async function deliver(workflowId: string, credential: Credential, headers: Record<string, string>, body: string | Buffer[]) {
	const chunks = typeof body === 'string' ? [Buffer.from(body)] : body;
	const pulled = { bytes: 0 };
	const { context, response } = webhookContext(workflowId, credential, request(headers, chunks, pulled));
	const result = await trigger.webhook.call(context);
	return { result, status: result.workflowData ? 200 : response.code || 200, response, pulled };
}

describe('webhook secret', () => {
	it('a rotated-out secret stops at once; the new one works at once', async () => {
		const workflow = `w${++workflowCounter}`;
		const credential: Credential = { secret: 'old-secret-token-abcdef', reads: 0, readDelayMs: 0 };
		expect((await deliver(workflow, credential, signed('old-secret-token-abcdef', event(1)), event(1))).status).toBe(200);
		credential.secret = 'new-secret-token-uvwxyz';
		const leaked = await deliver(workflow, credential, signed('old-secret-token-abcdef', event(2)), event(2));
		expect(leaked.status).toBe(401);
		expect(leaked.result.workflowData).toBeUndefined();
		const renewed = await deliver(workflow, credential, signed('new-secret-token-uvwxyz', event(3)), event(3));
		expect(renewed.response.body ?? renewed.result).toMatchObject({ workflowData: expect.anything() });
	});

	it('a forged flood costs no credential read each', async () => {
		const workflow = `w${++workflowCounter}`;
		const credential: Credential = { secret: 'the-secret-token-abcdef', reads: 0, readDelayMs: 0 };
		await deliver(workflow, credential, signed('the-secret-token-abcdef', event(1)), event(1));
		const readsBefore = credential.reads;
		for (let i = 0; i < 200; i++) {
			const { status } = await deliver(workflow, credential, signed(`guess-${i}`, event(i)), event(i));
			expect(status).toBe(401);
		}
		expect(credential.reads - readsBefore).toBeLessThanOrEqual(2);
	});

	it('a burst of genuine deliveries shares credential reads, and every one is accepted', async () => {
		const workflow = `w${++workflowCounter}`;
		const credential: Credential = { secret: 'the-secret-token-abcdef', reads: 0, readDelayMs: 30 };
		await deliver(workflow, credential, signed('the-secret-token-abcdef', event(0)), event(0));
		const readsBefore = credential.reads;
		const results = await Promise.all(Array.from({ length: 20 }, (_, i) => deliver(workflow, credential, signed('the-secret-token-abcdef', event(i + 1)), event(i + 1))));
		expect(results.map((r) => r.status)).toEqual(new Array(20).fill(200));
		expect(credential.reads - readsBefore).toBeLessThanOrEqual(3);
	});
});

describe('missing credential', () => {
	it('answers 200 without throwing, reports through one failing execution, and the run names the cause', async () => {
		const workflow = `w${++workflowCounter}`;
		const credential: Credential = { secret: undefined, reads: 0, readDelayMs: 0 };
		const first = await deliver(workflow, credential, signed('x', event(1)), event(1));
		expect(first.result.workflowData).toHaveLength(1);
		const second = await deliver(workflow, credential, signed('x', event(2)), event(2));
		expect(second.result.workflowData).toBeUndefined();
		expect(second.result.webhookResponse).toMatchObject({ received: true, emitted: false });

		const item = first.result.workflowData![0][0];
		const execute = {
			getInputData: () => [item],
			getNode: () => ({ id: 'trigger', name: 'Zoom Trigger' }),
		} as unknown as IExecuteFunctions;
		await expect(trigger.execute.call(execute)).rejects.toMatchObject({
			message: expect.stringMatching(/webhook credential could not be read: Credential with ID "c1" does not exist/),
			description: expect.stringMatching(/Select an existing Zoom Connector Webhook credential/),
		});
	});
});

describe('request body', () => {
	it('a chunked body past 1 MiB is refused after reading about 1 MiB, not 16 MiB', async () => {
		const workflow = `w${++workflowCounter}`;
		const credential: Credential = { secret: 'the-secret-token-abcdef', reads: 0, readDelayMs: 0 };
		const chunks = Array.from({ length: 320 }, () => Buffer.alloc(64 * 1024, 0x20));
		const { status, pulled, response } = await deliver(workflow, credential, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, chunks);
		expect(status).toBe(413);
		expect(pulled.bytes).toBeLessThanOrEqual(1024 * 1024 + 2 * 64 * 1024);
		expect(response.headers.connection).toBe('close');
		expect(credential.reads).toBe(0);
	});

	it('a compressed body is refused with 415 before it is inflated', async () => {
		const workflow = `w${++workflowCounter}`;
		const credential: Credential = { secret: 'the-secret-token-abcdef', reads: 0, readDelayMs: 0 };
		const { status, pulled } = await deliver(workflow, credential, { ...signed('the-secret-token-abcdef', 'x'), 'content-encoding': 'gzip' }, [Buffer.from('x')]);
		expect(status).toBe(415);
		expect(pulled.bytes).toBe(0);
	});

	it('a body within the limit is read whole and checked as before', async () => {
		const workflow = `w${++workflowCounter}`;
		const credential: Credential = { secret: 'the-secret-token-abcdef', reads: 0, readDelayMs: 0 };
		const body = event(1);
		const chunks = [Buffer.from(body.slice(0, 10)), Buffer.from(body.slice(10))];
		const { result } = await deliver(workflow, credential, signed('the-secret-token-abcdef', body), chunks);
		expect(result.workflowData?.[0][0].json).toMatchObject({ event: 'meeting.started' });
	});
});

describe('an event older than the once-only memory reaches back', () => {
	const at = (eventMs: number) => JSON.stringify({ event: 'meeting.started', event_ts: eventMs, payload: { account_id: 'a', object: { id: 7, uuid: `old${eventMs}` } } });

	it('a replay of a 2 h 1 min old event, freshly timestamped and validly signed, is refused 401 and starts no run; Zoom’s last retry (85 min) is taken', async () => {
		const workflow = `w${++workflowCounter}`;
		const credential: Credential = { secret: 'the-secret-token-abcdef', reads: 0, readDelayMs: 0 };
		const old = at(Date.now() - (2 * 3600 + 60) * 1000);
		const replay = await deliver(workflow, credential, signed('the-secret-token-abcdef', old), old);
		expect(replay.status).toBe(401);
		expect(replay.result.workflowData).toBeUndefined();
		expect(JSON.stringify(replay.response.body)).toMatch(/event_ts/);
		const retry = at(Date.now() - 85 * 60 * 1000);
		expect((await deliver(workflow, credential, signed('the-secret-token-abcdef', retry), retry)).result.workflowData).toBeDefined();
	});
});
