/**
 * The Zoom Connector Trigger in a real n8n against hostile requests: a chunked body far past 1 MiB (n8n's own
 * reader would take 16 MiB of it first) and a webhook credential deleted while the workflow is active.
 */
import axios from 'axios';
import { request } from 'node:http';
import { randomUUID } from 'node:crypto';

import { harness, type CredentialRef } from '../harness/context';
import { delay } from '../harness/n8n';
import { postSigned } from '../harness/signedDelivery';
import { PKG } from '../harness/workflows';

const h = () => harness();

async function activeTrigger(credential: CredentialRef): Promise<{ id: string; url: string }> {
	const webhookId = randomUUID();
	const id = await h().n8n.createWorkflow({
		name: `trigger hostile ${webhookId.slice(0, 8)}`,
		nodes: [
			{ id: randomUUID(), name: 'Zoom Trigger', type: `${PKG}.zoomConnectorTrigger`, typeVersion: 1, webhookId, position: [0, 0], parameters: { path: 'zoom' }, credentials: { zoomConnectorWebhookApi: credential } },
		],
		connections: {},
	});
	await h().n8n.activate(id);
	const url = `${h().n8n.state.url}/webhook/${webhookId}/zoom`;
	const deadline = Date.now() + 20_000;
	while ((await axios.post(url, '{}', { headers: { 'content-type': 'application/json' }, validateStatus: () => true })).status === 404 && Date.now() < deadline) await delay(200);
	return { id, url };
}

/** Sends up to `limit` bytes chunked (no Content-Length) and stops when the answer comes; bytes sent by then. */
function sendChunked(url: string, limit: number): Promise<{ status: number; sentBytes: number }> {
	return new Promise((resolve, reject) => {
		let sentBytes = 0;
		let answered = false;
		const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-zm-request-timestamp': String(Math.floor(Date.now() / 1000)), 'x-zm-signature': `v0=${'0'.repeat(64)}` } }, (res) => {
			answered = true;
			res.resume();
			resolve({ status: res.statusCode ?? 0, sentBytes });
			req.destroy();
		});
		req.on('error', (error) => (answered ? undefined : reject(error)));
		const chunk = Buffer.alloc(64 * 1024, 0x20);
		const pump = () => {
			while (!answered && sentBytes < limit) {
				sentBytes += chunk.length;
				if (!req.write(chunk)) return void req.once('drain', pump);
			}
			if (!answered) req.end();
		};
		pump();
	});
}

it('refuses a chunked body past 1 MiB before the client has sent 16 MiB', async () => {
	const { id, url } = await activeTrigger(h().credentials.webhook);
	try {
		const { status, sentBytes } = await sendChunked(url, 64 * 1024 * 1024);
		console.log(`chunked oversize body: ${status} after ${(sentBytes / 2 ** 20).toFixed(1)} MiB sent`);
		expect(status).toBe(413);
		// Socket buffers on both sides hold a few MiB beyond what n8n read.
		expect(sentBytes).toBeLessThan(12 * 1024 * 1024);
	} finally {
		await h().n8n.deactivate(id);
		await h().n8n.deleteWorkflow(id).catch(() => undefined);
	}
});

it('answers 200 when its credential was deleted, and shows the cause in one failed execution', async () => {
	const name = `webhook to delete ${randomUUID().slice(0, 6)}`;
	const credentialId = await h().n8n.createCredential(name, 'zoomConnectorWebhookApi', { secretToken: 'a-secret-token-to-delete-1' });
	const { id, url } = await activeTrigger({ id: credentialId, name });
	try {
		await h().n8n.restCall('DELETE', `/credentials/${credentialId}`);
		const body = JSON.stringify({ event: 'meeting.started', event_ts: Date.now(), payload: { account_id: 'a', object: { id: '1', uuid: 'u' } } });
		const first = await postSigned(url, body, { secret: 'a-secret-token-to-delete-1' });
		const second = await postSigned(url, body, { secret: 'a-secret-token-to-delete-1' });
		expect([first.status, second.status]).toEqual([200, 200]);
		const executions = await h().n8n.waitForExecutions(id, 1);
		await delay(1500);
		const all = await h().n8n.executions(id, 20);
		expect(all).toHaveLength(1);
		expect(all[0].status).toBe('error');
		expect(JSON.stringify(executions[0].data)).toMatch(/webhook credential could not be read/);
	} finally {
		await h().n8n.deactivate(id);
		await h().n8n.deleteWorkflow(id).catch(() => undefined);
	}
});

it('refuses a signed body that nests 120,000 levels deep with a clear 400, not a 500, and starts no run', async () => {
	const { id, url } = await activeTrigger(h().credentials.webhook);
	try {
		const depth = 120_000;
		const body = `{"event":"meeting.started","event_ts":${Date.now()},"payload":{"account_id":"a","object":{"id":"1","deep":${'['.repeat(depth)}${']'.repeat(depth)}}}}`;
		expect(body.length).toBeLessThan(1024 * 1024);
		const answer = await postSigned(url, body);
		expect(answer.status).toBe(400);
		expect(JSON.stringify(answer.data)).toMatch(/more than 64 levels deep/);
		await delay(1000);
		expect(await h().n8n.executions(id)).toEqual([]);
	} finally {
		await h().n8n.deactivate(id);
		await h().n8n.deleteWorkflow(id).catch(() => undefined);
	}
});
