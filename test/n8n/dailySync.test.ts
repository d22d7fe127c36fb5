/**
 * The Zoom Daily Sync Trigger in a real n8n. n8n polls a poll trigger once when its workflow is
 * activated, so each activation is one poll; the cursor lives in the workflow's static data in n8n's
 * database between them. Every test uses hosts of its own, so the shared sandbox needs no reset.
 */
import { randomUUID } from 'node:crypto';

import { harness } from '../harness/context';
import { delay } from '../harness/n8n';
import { DAILY_SYNC, dailySyncNode, participantsSkippingProcessed, readRun, PKG, zoomTriggerNode } from '../harness/workflows';

const h = () => harness();
const SYNC = DAILY_SYNC;

interface Seeded {
	users: Array<{ id: string; email: string }>;
	meetings: Array<{ id: number; topic: string; instances: Array<{ uuid: string; end_time: string }> }>;
}

async function seed(body: Record<string, unknown>): Promise<Seeded> {
	const response = await h().sandbox.post('/_sandbox/scenario', body);
	expect(response.status).toBeLessThan(300);
	return response.data;
}

function newUsers(count: number) {
	const tag = randomUUID().slice(0, 8);
	return Array.from({ length: count }, (_, i) => ({ email: `host${i}-${tag}@example.com`, first_name: 'Host', last_name: `${i} ${tag}` }));
}

const syncNode = (parameters: Record<string, unknown>) => dailySyncNode(h().credentials.s2s, parameters);

async function syncWorkflow(parameters: Record<string, unknown>): Promise<string> {
	return await h().n8n.createWorkflow({
		name: `daily sync ${randomUUID().slice(0, 8)}`,
		nodes: [syncNode(parameters), { id: randomUUID(), name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [250, 0], parameters: {} }],
		connections: { [SYNC]: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1', timezone: 'UTC' },
	});
}

/** Waits until the sandbox has seen no new request for a second: the poll n8n started is done. */
async function sandboxQuiet(): Promise<void> {
	let last = -1;
	for (let tries = 0; tries < 50; tries++) {
		const count = ((await h().sandbox.get('/_sandbox/requests')).data as unknown[]).length;
		if (count === last) return;
		last = count;
		await delay(1000);
	}
}

/**
 * One poll: activate (n8n polls at once, possibly after the activation call returns), wait until the
 * poll is over and its execution saved, deactivate.
 */
async function poll(workflowId: string, expectExecutions: number): Promise<any[]> {
	await h().n8n.activate(workflowId);
	await sandboxQuiet();
	const executions = expectExecutions > 0 ? await h().n8n.waitForExecutions(workflowId, expectExecutions) : await h().n8n.executions(workflowId);
	await h().n8n.deactivate(workflowId);
	expect(executions).toHaveLength(expectExecutions);
	return executions;
}

const emitted = (execution: any) => readRun(execution)[SYNC].outputs[0];

describe('Zoom Daily Sync Trigger in n8n', () => {
	it('is scheduled daily at 08:00 unless the user changes n8n’s Poll Times', async () => {
		const types = (await h().n8n.nodeTypes()) as unknown as Array<{ name: string; properties: Array<{ name: string; default: unknown }> }>;
		const sync = types.find((t) => t.name === `${PKG}.zoomDailySyncTrigger`)!;
		const pollTimes = sync.properties.filter((p) => p.name === 'pollTimes');
		expect(pollTimes).toHaveLength(1);
		expect(pollTimes[0].default).toEqual({ item: [{ mode: 'everyDay', hour: 8, minute: 0 }] });
	});

	it('emits ended sessions once: look-back respected, each recurring instance on its own, a settling session on the next poll', async () => {
		const users = newUsers(1);
		const seeded = await seed({
			users,
			meetings: [
				{ hostEmail: users[0].email, topic: 'ended 3 h ago', ended: { endedMinutesAgo: 180, participants: 3 } },
				{ hostEmail: users[0].email, topic: 'ended 20 days ago', ended: { endedMinutesAgo: 20 * 1440, participants: 3 } },
				{ hostEmail: users[0].email, topic: 'weekly', type: 8, recurrence: { type: 2, repeat_interval: 1, weekly_days: '2', end_times: 4 }, ended: { endedMinutesAgo: 120, instances: 3, participants: 3 } },
				{ hostEmail: users[0].email, topic: 'just ended', ended: { endedMinutesAgo: 0, participants: 3 } },
			],
		});
		const byTopic = (topic: string) => seeded.meetings.find((m) => m.topic === topic)!;
		const workflow = await syncWorkflow({ hosts: 'list', userIds: users[0].email, options: { lookBackDays: 15, settleMinutes: 0.1 } });

		const [first] = await poll(workflow, 1);
		const firstItems = emitted(first);
		const expected = [...byTopic('weekly').instances.map((i) => i.uuid), byTopic('ended 3 h ago').instances[0].uuid];
		expect(firstItems.map((i) => i.uuid).sort()).toEqual(expected.sort());
		expect(firstItems.every((i) => i.sessionType === 'meeting' && i.endTime && i.topic)).toBe(true);
		expect(firstItems.find((i) => i.topic === 'just ended')).toBeUndefined();

		await delay(6500); // the settle delay (6 s) passes
		const executions = await poll(workflow, 2);
		expect(emitted(executions[0]).map((i) => i.uuid)).toEqual([byTopic('just ended').instances[0].uuid]);

		// Nothing new ended: a third poll emits nothing.
		await poll(workflow, 2);
	});

	it('Include Meeting Summary: each session carries its AI Companion summary, or summary null with the reason when Zoom has none', async () => {
		const users = newUsers(1);
		const seeded = await seed({
			users,
			meetings: [
				{ hostEmail: users[0].email, topic: 'summarised', ended: { endedMinutesAgo: 90, participants: 2 } },
				{ hostEmail: users[0].email, topic: 'no AI Companion', ended: { endedMinutesAgo: 60, participants: 2 } },
			],
		});
		const [summarised, plain] = seeded.meetings;
		const added = await h().sandbox.post('/_sandbox/summaries', {
			uuid: summarised.instances[0].uuid,
			overview: 'We agreed on the launch.',
			details: [{ label: 'Launch', summary: 'Launch in May.' }],
			nextSteps: ['Send the deck'],
		});
		expect(added.status).toBe(200);
		const workflow = await syncWorkflow({ hosts: 'list', userIds: users[0].email, includeSummary: true, includeParticipants: true, output: 'session' });
		await h().sandbox.delete('/_sandbox/requests');
		const [run] = await poll(workflow, 1);
		const items = emitted(run);
		const byUuid = (uuid: string) => items.find((i) => i.uuid === uuid);
		expect(byUuid(summarised.instances[0].uuid)).toMatchObject({
			topic: 'summarised',
			participants: expect.any(Array),
			summary: { overview: 'We agreed on the launch.', topics: [{ label: 'Launch', summary: 'Launch in May.' }], nextSteps: ['Send the deck'], fullText: expect.stringContaining('Launch in May.'), edited: false },
			summaryMissingReason: null,
		});
		const missing = byUuid(plain.instances[0].uuid)!;
		expect(missing.summary).toBeNull();
		expect(missing.summaryMissingReason).toMatch(/no AI Companion summary for this session/);
		const log = (await h().sandbox.get('/_sandbox/requests')).data as Array<{ path: string; status: number }>;
		expect(log.filter((r) => r.path.endsWith('/meeting_summary')).map((r) => r.status).sort()).toEqual([200, 404]);
	});

	it('a 500 in the middle of a poll loses nothing: the next poll emits every missed session once', async () => {
		const users = newUsers(2);
		const seeded = await seed({
			users,
			meetings: users.map((u) => ({ hostEmail: u.email, topic: `session of ${u.email}`, ended: { endedMinutesAgo: 60, participants: 2 } })),
		});
		const hostIds = seeded.users.map((u) => u.id);
		const workflow = await syncWorkflow({ hosts: 'list', userIds: users.map((u) => u.email).join(', ') });

		// The second user's list fails 5 times, as often as the transport tries a call: the poll fails
		// after the first user's list was read. n8n 2.40 retries a trigger whose activation failed a
		// second later; that retry is the next poll.
		const failingPath = `/v2/report/users/${encodeURIComponent(users[1].email)}/meetings`;
		await h().sandbox.delete('/_sandbox/requests');
		await h().sandbox.post('/_sandbox/faults', { method: 'GET', path: failingPath, kind: 'status', status: 500, count: 5 });
		await h().n8n.activate(workflow);
		let executions: any[] = [];
		for (let tries = 0; tries < 150 && !executions.some((e) => e.status === 'success'); tries++) {
			await delay(200);
			executions = await h().n8n.executions(workflow);
		}
		await sandboxQuiet();
		await h().n8n.deactivate(workflow);
		await h().sandbox.delete('/_sandbox/faults');
		const log = (await h().sandbox.get('/_sandbox/requests')).data as Array<{ path: string; status: number }>;
		expect(log.filter((r) => r.path === failingPath && r.status === 500)).toHaveLength(5);

		// The failed poll emitted nothing (at most n8n's record of it, carrying Zoom's error); the next
		// emitted every session once, the first user's too although the failed poll had read them.
		executions = await h().n8n.executions(workflow);
		const [run, ...failed] = executions;
		expect(run.status).toBe('success');
		for (const record of failed) expect(JSON.stringify(record.data?.resultData?.error ?? {})).toMatch(/server error/i);
		expect(emitted(run).map((i) => i.hostId).sort()).toEqual([...hostIds].sort());
		expect(emitted(run).map((i) => i.uuid).sort()).toEqual(seeded.meetings.map((m) => m.instances[0].uuid).sort());
		await poll(workflow, executions.length);
	});

	it('3 users × 50 sessions: one list call per user, and one read of each user listed by email for its ID', async () => {
		const users = newUsers(3);
		await seed({
			users,
			meetings: users.flatMap((u) =>
				Array.from({ length: 50 }, (_, i) => ({ hostEmail: u.email, topic: `m${i}`, ended: { endedMinutesAgo: 60 + i, participants: 2 } })),
			),
		});
		const workflow = await syncWorkflow({ hosts: 'list', userIds: users.map((u) => u.email).join(',') });
		await h().sandbox.delete('/_sandbox/requests');
		const [run] = await poll(workflow, 1);
		const items = emitted(run);
		expect(items).toHaveLength(150);
		expect(new Set(items.map((i) => i.uuid)).size).toBe(150);
		const calls = ((await h().sandbox.get('/_sandbox/requests')).data as Array<{ path: string }>).filter((r) => r.path.startsWith('/v2/'));
		// The report's rows have no host_id: the host's ID is read once per user named by email.
		const expected = users.flatMap((u) => [`/v2/report/users/${encodeURIComponent(u.email)}/meetings`, `/v2/users/${encodeURIComponent(u.email)}`]);
		expect(calls.map((c) => c.path).sort()).toEqual(expected.sort());
	});

	it('finds ended webinars too (the user’s webinars, their past instances, each instance’s details)', async () => {
		const users = newUsers(1);
		const seeded = (await seed({
			users,
			meetings: [{ hostEmail: users[0].email, topic: 'a meeting', ended: { endedMinutesAgo: 60, participants: 2 } }],
			webinars: [
				{ hostEmail: users[0].email, topic: 'webinar ended', ended: { endedMinutesAgo: 45, participants: 5 } },
				{ hostEmail: users[0].email, topic: 'webinar not held', start_time: new Date(Date.now() + 86_400_000).toISOString().slice(0, 19) + 'Z' },
			],
		})) as Seeded & { webinars: Seeded['meetings'] };
		const workflow = await syncWorkflow({ hosts: 'list', userIds: users[0].email, sessionTypes: 'both' });
		const [run] = await poll(workflow, 1);
		const items = emitted(run);
		expect(items.map((i) => [i.sessionType, i.topic]).sort()).toEqual([
			['meeting', 'a meeting'],
			['webinar', 'webinar ended'],
		]);
		expect(items.find((i) => i.sessionType === 'webinar')!.uuid).toBe(seeded.webinars[0].instances[0].uuid);
	});

	it.each([
		['meeting', ['meeting']],
		['both', ['meeting', 'webinar']],
	])('Sessions = %s with participants: a webinar Zoom lists in the meetings report is never read as a meeting', async (sessionTypes, kinds) => {
		const users = newUsers(1);
		const seeded = (await seed({
			users,
			meetings: [{ hostEmail: users[0].email, topic: 'the meeting', ended: { endedMinutesAgo: 60, participants: 2 } }],
			webinars: [{ hostEmail: users[0].email, topic: 'the webinar', ended: { endedMinutesAgo: 45, participants: 3 } }],
		})) as Seeded & { webinars: Seeded['meetings'] };
		const workflow = await syncWorkflow({ hosts: 'list', userIds: users[0].email, sessionTypes, includeParticipants: true, output: 'session' });
		await h().sandbox.delete('/_sandbox/requests');
		const [run] = await poll(workflow, 1);
		const items = emitted(run);
		const uuids: Record<string, string> = { meeting: seeded.meetings[0].instances[0].uuid, webinar: seeded.webinars[0].instances[0].uuid };
		expect(items.map((i) => [i.sessionType, i.uuid]).sort()).toEqual(kinds.map((kind) => [kind, uuids[kind]]).sort());
		expect(items.every((i) => Array.isArray(i.participants) && i.participants.length >= 2)).toBe(true);
		const log = (await h().sandbox.get('/_sandbox/requests')).data as Array<{ path: string; status: number }>;
		expect(log.filter((r) => r.status >= 400)).toEqual([]);
		expect(log.filter((r) => decodeURIComponent(decodeURIComponent(r.path)).includes(uuids.webinar) && r.path.startsWith('/v2/past_meetings/'))).toEqual([]);
	});

	it('with participants, one item per participant carries the session fields Attendance Match reads', async () => {
		const users = newUsers(1);
		const seeded = await seed({ users, meetings: [{ hostEmail: users[0].email, topic: 'with people', ended: { endedMinutesAgo: 90, participants: 4, rejoinFraction: 0.5 } }] });
		const workflow = await syncWorkflow({ hosts: 'list', userIds: users[0].email, includeParticipants: true, output: 'participant' });
		const [run] = await poll(workflow, 1);
		const rows = emitted(run);
		expect(rows.length).toBeGreaterThanOrEqual(4);
		expect(rows.every((r) => r.sessionUuid === seeded.meetings[0].instances[0].uuid && r.sessionTopic === 'with people' && 'join_time' in r)).toBe(true);
	});
});

describe('the daily sync and the webhook trigger in one workflow', () => {
	it('each ended session is synced once, whichever trigger brings it first', async () => {
		const users = newUsers(1);
		const seeded = await seed({
			users,
			meetings: [
				{ hostEmail: users[0].email, topic: 'X', ended: { endedMinutesAgo: 60, participants: 3 } },
				{ hostEmail: users[0].email, topic: 'Y', ended: { endedMinutesAgo: 60, participants: 3 } },
				{ hostEmail: users[0].email, topic: 'Z', start_time: new Date(Date.now() + 3600_000).toISOString().slice(0, 19) + 'Z', duration: 30 },
			],
		});
		const [x, y, z] = seeded.meetings;
		const webhookId = randomUUID();
		const participants = participantsSkippingProcessed(h().credentials.s2s, [300, 0]);
		const workflow = await h().n8n.createWorkflow({
			name: `both triggers ${webhookId.slice(0, 8)}`,
			nodes: [
				dailySyncNode(h().credentials.s2s, { hosts: 'list', userIds: users[0].email, options: { settleMinutes: 0.1 } }, [0, -100]),
				zoomTriggerNode('Webhook', webhookId, ['meeting.ended'], h().credentials.webhook, [0, 100]),
				participants,
			],
			connections: {
				[SYNC]: { main: [[{ node: 'Participants', type: 'main', index: 0 }]] },
				Webhook: { main: [[{ node: 'Participants', type: 'main', index: 0 }]] },
			},
			settings: { executionOrder: 'v1', timezone: 'UTC' },
		});
		const url = `${h().n8n.state.url}/webhook/${webhookId}/zoom`;
		const participantCalls = async () =>
			((await h().sandbox.get('/_sandbox/requests')).data as Array<{ path: string; status: number }>)
				.filter((r) => r.path.endsWith('/participants') && r.status === 200)
				.map((r) => decodeURIComponent(decodeURIComponent(r.path)));
		await h().sandbox.delete('/_sandbox/requests');

		// The poll brings X and Y; then the webhook delivers X again: not synced a second time.
		await h().n8n.activate(workflow);
		await h().n8n.waitForExecutions(workflow, 1);
		for (let tries = 0; tries < 50; tries++) {
			const probe = await h().sandbox.post('/_sandbox/webhooks/send', { url, event: 'meeting.ended', meetingId: x.id, retries: false });
			if (probe.data.attempts?.[0]?.status === 200) break;
			await delay(200);
		}
		let executions = await h().n8n.waitForExecutions(workflow, 2);
		const webhookRun = readRun(executions[0]);
		expect(webhookRun.Webhook.outputs[0][0].uuid).toBe(x.instances[0].uuid);
		expect(webhookRun.Participants.outputs[0] ?? []).toEqual([]);

		// Z ends now; the webhook delivers it first, then the next poll brings it too: synced once.
		const ended = await h().sandbox.post(`/_sandbox/meetings/${z.id}/end`, { participants: 3 });
		expect(ended.status).toBeLessThan(300);
		await h().sandbox.post('/_sandbox/webhooks/send', { url, event: 'meeting.ended', meetingId: z.id, retries: false });
		executions = await h().n8n.waitForExecutions(workflow, 3);
		expect(readRun(executions[0]).Participants.outputs[0]).toHaveLength(3);
		await h().n8n.deactivate(workflow);
		await delay(6500);
		await h().n8n.activate(workflow);
		executions = await h().n8n.waitForExecutions(workflow, 4);
		const pollRun = readRun(executions[0]);
		expect(pollRun[SYNC].outputs[0].map((i) => i.uuid)).toEqual([ended.data.uuid]);
		expect(pollRun.Participants.outputs[0] ?? []).toEqual([]);
		await h().n8n.deactivate(workflow);

		const calls = await participantCalls();
		for (const uuid of [x.instances[0].uuid, y.instances[0].uuid, ended.data.uuid]) {
			expect(calls.filter((path) => path.includes(uuid))).toHaveLength(1);
		}
	});
});
