/**
 * Queue mode (ZOOM_QUEUE=1): a worker killed while it really holds the once-only lock (issue #21).
 *
 * The test catches a live lock: in one transaction it locks n8n's processed_data table against writes
 * and reads whether the workflow's lock record exists. While the table is locked its holder cannot
 * give the lock back, so when the record is there every worker is SIGKILLed: the holder is among
 * them and dies holding the lock. Two fresh workers take over; the lock must be broken by its own age
 * and each event of the burst emitted at most once, every event not in a run that died exactly once.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';

import { harness } from '../harness/context';
import { delay } from '../harness/n8n';
import { PsqlSession, runSql, settledExecutions, startHelper } from '../harness/queue';
import { pool, waitUntilServed, webhookUrls } from '../harness/queueWebhooks';
import { postSigned } from '../harness/signedDelivery';
import { readRun, zoomTriggerNode } from '../harness/workflows';

const h = () => harness();
const describeQueue = process.env.ZOOM_QUEUE ? describe : describe.skip;
const TRIGGER = 'Zoom Trigger';
const EVENTS = 200;

/** Locks processed_data against writes, and keeps it locked if the workflow's lock record is there. */
async function catchLiveLock(session: PsqlSession, workflowId: string, deadline: number): Promise<void> {
	for (;;) {
		await session.query('BEGIN; LOCK TABLE processed_data IN SHARE ROW EXCLUSIVE MODE;');
		const held = (await session.query(`SELECT count(*) FROM processed_data WHERE "workflowId" = '${workflowId}' AND context = '';`)).trim();
		if (held === '1') return;
		await session.query('ROLLBACK;');
		if (Date.now() > deadline) throw new Error('never saw the once-only lock held during the burst');
		await delay(15);
	}
}

describeQueue('queue mode: a worker killed while it holds the once-only lock', () => {
	const recordHelpers = () => writeFileSync(process.env.ZOOM_HARNESS_STATE!, JSON.stringify(h().state, null, 2));

	it('its lock is broken by its own age, and each event of a burst is emitted at most once (once, unless its run died)', async () => {
		const webhookId = randomUUID();
		const workflow = await h().n8n.createWorkflow({
			name: `queue killed holder ${webhookId.slice(0, 8)}`,
			nodes: [
				zoomTriggerNode(TRIGGER, webhookId, ['*'], h().credentials.webhook, [0, 200]),
				{ id: randomUUID(), name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 200], parameters: {} },
			],
			connections: { [TRIGGER]: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		});
		if (!/^[A-Za-z0-9]+$/.test(workflow)) throw new Error(`unexpected workflow id ${workflow}`);
		await h().n8n.activate(workflow);
		const urls = webhookUrls(webhookId, 'zoom');
		for (const url of urls) await waitUntilServed(url);

		const now = Date.now();
		const sends: Array<{ body: string; url: string }> = [];
		for (let i = 0; i < EVENTS; i++) {
			const body = JSON.stringify({
				event: 'meeting.participant_joined',
				event_ts: now - i,
				payload: { account_id: 'acc-queue', object: { id: '88877766657', uuid: 'killedHolderUuid==', host_id: 'host-q', topic: 'Killed holder', participant: { user_id: `k-${i}`, user_name: `Person ${i}`, email: `k${i}@example.com` } } },
			});
			sends.push({ body, url: urls[i % 2] });
			if (i % 4 === 0) sends.push({ body, url: urls[(i + 1) % 2] });
		}
		const acks = pool(sends.map(({ body, url }) => async () => (await postSigned(url, body)).status), 20);

		const session = new PsqlSession(h().state.queue!.services);
		let killedAt = 0;
		try {
			await catchLiveLock(session, workflow, Date.now() + 120_000);
			const workers = (h().n8n.state.helpers ?? []).filter((helper) => helper.role === 'worker');
			expect(workers.length).toBeGreaterThan(0);
			for (const worker of workers) process.kill(-worker.pid, 'SIGKILL');
			killedAt = Date.now();
			h().n8n.state.helpers = (h().n8n.state.helpers ?? []).filter((helper) => helper.role !== 'worker');
			recordHelpers();
			// The dead holder's record outlives it.
			expect((await session.query(`SELECT count(*) FROM processed_data WHERE "workflowId" = '${workflow}' AND context = '';`)).trim()).toBe('1');
			await session.query('COMMIT;');
		} finally {
			session.close();
		}
		expect((await acks).filter((status) => status !== 200)).toEqual([]);

		// Two fresh workers, so the tests after this one find the usual two.
		for (let i = 0; i < 2; i++) {
			h().n8n.state.helpers = [...(h().n8n.state.helpers ?? []), await startHelper(h().n8n, 'worker', h().state.queue!.env)];
			recordHelpers();
		}

		const executions = await settledExecutions(h().n8n, h().state.queue!.services, workflow, { quietMs: 5000, timeoutMs: 300_000 });
		const seconds = (Date.now() - killedAt) / 1000;
		const emitted = executions.filter((e) => e.status === 'success').flatMap((e) => readRun(e).Done?.outputs[0] ?? []);
		const perParticipant = new Map<string, number>();
		for (const item of emitted) perParticipant.set(item.participantEmail, (perParticipant.get(item.participantEmail) ?? 0) + 1);
		const died = executions.filter((e) => e.status !== 'success').length;
		console.log(`[queue] every worker killed while one held the lock: ${executions.length} runs, ${perParticipant.size} of ${EVENTS} events emitted, ${died} runs died with the workers; settled ${seconds.toFixed(0)} s after the kill`);
		expect([...perParticipant.values()].filter((count) => count !== 1)).toEqual([]);
		// An event not emitted was in a run that died with the workers (n8n does not rerun those).
		expect(EVENTS - perParticipant.size).toBeLessThanOrEqual(died);
		// Runs started after the kill went through the dead holder's lock and emitted.
		const after = executions.filter((e) => e.status === 'success' && Date.parse(e.startedAt) > killedAt);
		expect(after.flatMap((e) => readRun(e).Done?.outputs[0] ?? []).length).toBeGreaterThan(0);
		expect(runSql(h().state.queue!.services, `SELECT count(*) FROM processed_data WHERE "workflowId" = '${workflow}' AND context = ''`).trim()).toBe('0');
		await h().n8n.deactivate(workflow);
	}, 420_000);
});
