/**
 * The example workflows (examples/*.json), imported as `npm start` imports them and run end to end
 * in a real n8n against the Zoom sandbox and the Brevo stand-in: calendar events become Zoom
 * meetings, ended sessions become attendance, account-wide ingestion reads everything, and the
 * webinar's contacts, lists and emails arrive at "api.brevo.com" through n8n's own Brevo and HTTP Request nodes.
 */
import axios from 'axios';
import { randomUUID } from 'node:crypto';

import { harness } from '../harness/context';
import { createBody, exampleFiles, readExample, withHarnessCredentials, type ExampleWorkflow } from '../harness/examples';
import { delay } from '../harness/n8n';
import { postToWebhook, readRun, type NodeRun } from '../harness/workflows';

const h = () => harness();

interface Imported {
	id: string;
	workflow: ExampleWorkflow;
}

/** Imports an example with the harness's credentials; `patch` adjusts a node for the shared sandbox. */
async function importExample(file: string, patch?: (workflow: ExampleWorkflow) => void): Promise<Imported> {
	const workflow = withHarnessCredentials(readExample(file), h().state);
	patch?.(workflow);
	const id = await h().n8n.createWorkflow(createBody(workflow));
	return { id, workflow };
}

function webhookUrl(workflow: ExampleWorkflow, nodeName: string): string {
	const node = workflow.nodes.find((n) => n.name === nodeName)!;
	const base = `${h().n8n.state.url}/webhook`;
	// n8n's Webhook node is served at its path; a community trigger at <webhookId>/<path>.
	return node.type === 'n8n-nodes-base.webhook' ? `${base}/${node.parameters.path}` : `${base}/${node.webhookId}/${node.parameters.path}`;
}

async function seed(body: Record<string, unknown>): Promise<any> {
	const response = await h().sandbox.post('/_sandbox/scenario', body);
	expect(response.status).toBeLessThan(300);
	return response.data;
}

let zoomToken: string;
/** Reads the sandbox's Zoom API directly, with a token of its own. */
async function zoomGet(path: string) {
	if (!zoomToken) zoomToken = (await h().sandbox.post('/_sandbox/tokens', { kind: 's2s' })).data.access_token;
	return await h().sandbox.get(`/v2${path}`, { headers: { Authorization: `Bearer ${zoomToken}` } });
}

/** Sends a Zoom webhook signed by the sandbox until the trigger is registered and accepts it. */
async function sendZoomEvent(url: string, body: Record<string, unknown>) {
	for (let tries = 0; tries < 100; tries++) {
		const response = await h().sandbox.post('/_sandbox/webhooks/send', { url, retries: false, ...body });
		expect(response.status).toBe(200);
		const status = response.data.attempts?.[0]?.status;
		if (status === 200) return response.data;
		if (status !== 404) throw new Error(`the trigger answered ${status}: ${JSON.stringify(response.data)}`);
		await delay(200);
	}
	throw new Error(`the trigger at ${url} was never registered`);
}

async function executionsOf(workflowId: string, count: number, timeoutMs = 60_000): Promise<Array<{ status: string; nodes: Record<string, NodeRun>; raw: any }>> {
	const executions = await h().n8n.waitForExecutions(workflowId, count, timeoutMs);
	return executions.map((e) => ({ status: e.status, nodes: readRun(e), raw: e }));
}

/** A failed run fails the test with n8n's error and the node that raised it. */
function expectSuccess(run: { status: string; raw: any }): void {
	const error = run.raw?.data?.resultData?.error;
	if (run.status !== 'success') {
		throw new Error(`execution ${run.raw?.id} ended ${run.status}: ${error?.message} (node ${error?.node?.name ?? run.raw?.data?.resultData?.lastNodeExecuted}) ${error?.description ?? ''}`);
	}
}

const out = (nodes: Record<string, NodeRun>, name: string, output = 0) => nodes[name]?.outputs[output] ?? [];

function newUser(label: string) {
	const tag = randomUUID().slice(0, 8);
	return { email: `${label}-${tag}@example.com`, first_name: label, last_name: tag };
}

it('every example has a 16-character id, a name, and only credentials npm start can supply', () => {
	const files = exampleFiles();
	expect(files.length).toBeGreaterThanOrEqual(5);
	for (const file of files) {
		const workflow = readExample(file);
		expect(workflow.id).toMatch(/^[A-Za-z0-9]{16}$/);
		expect(workflow.name.length).toBeGreaterThan(10);
		expect(() => withHarnessCredentials(workflow, h().state)).not.toThrow();
	}
	expect(new Set(files.map((f) => readExample(f).id)).size).toBe(files.length);
});

it('every example is named by what it does and carries a sticky note saying what it shows and what to change', () => {
	for (const file of exampleFiles()) {
		expect(file).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+\.json$/);
		const notes = readExample(file).nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote');
		expect(notes).toHaveLength(1);
		expect(notes[0].parameters.content).toMatch(/\*\*What it shows:\*\*/);
		expect(notes[0].parameters.content).toMatch(/\*\*What to change:\*\*/);
	}
});

describe.each([
	['interview-calendar-to-zoom-meetings.json', 'Interview: Jane Doe (backend)'],
	['booking-to-zoom-meetings.json', 'Intro call with Ada'],
])('%s', (file, title) => {
	it('event created → meeting with join_url in the invitation; changed → updated; cancelled → deleted', async () => {
		const { id, workflow } = await importExample(file);
		await h().n8n.activate(id);
		try {
			const created = await postToWebhook(webhookUrl(workflow, 'Event created'), {
				eventId: 'ev-1',
				title,
				start: '2030-05-06T10:00:00',
				timezone: 'Europe/Madrid',
				durationMinutes: 45,
				description: 'Second round',
			});
			expect(created.status).toBe(200);
			const invitation = created.data;
			expect(invitation).toMatchObject({ eventId: 'ev-1', zoomMeetingId: expect.any(Number), joinUrl: expect.stringMatching(/^https:\/\/.+\/j\/\d+/) });
			expect(invitation.invitation).toContain(invitation.joinUrl);
			expect(invitation.invitation).toContain(title);
			const meeting = (await zoomGet(`/meetings/${invitation.zoomMeetingId}`)).data;
			// 10:00 in Madrid (summer time) is 08:00 UTC.
			expect(meeting).toMatchObject({ topic: title, start_time: '2030-05-06T08:00:00Z', timezone: 'Europe/Madrid', duration: 45, join_url: invitation.joinUrl });

			const changed = await postToWebhook(webhookUrl(workflow, 'Event changed'), {
				eventId: 'ev-1',
				zoomMeetingId: invitation.zoomMeetingId,
				title: `${title} (moved)`,
				start: '2030-05-07T16:30:00',
				timezone: 'Europe/Madrid',
				durationMinutes: 30,
			});
			expect(changed.data).toEqual({ eventId: 'ev-1', zoomMeetingId: invitation.zoomMeetingId, updated: true });
			expect((await zoomGet(`/meetings/${invitation.zoomMeetingId}`)).data).toMatchObject({
				topic: `${title} (moved)`,
				start_time: '2030-05-07T14:30:00Z',
				duration: 30,
			});

			const cancelled = await postToWebhook(webhookUrl(workflow, 'Event cancelled'), { eventId: 'ev-1', zoomMeetingId: invitation.zoomMeetingId });
			expect(cancelled.data).toEqual({ eventId: 'ev-1', zoomMeetingId: invitation.zoomMeetingId, deleted: true });
			const gone = await zoomGet(`/meetings/${invitation.zoomMeetingId}`);
			expect(gone.status).toBe(404);
			expect(gone.data.code).toBe(3001);
		} finally {
			await h().n8n.deactivate(id);
		}
	});
});

describe('account-meetings-participants-recordings.json', () => {
	it('reads every user’s past instances, their participant reports, recordings and transcript segments', async () => {
		const [alice, bob] = [newUser('alice'), newUser('bob')];
		const seeded = await seed({
			users: [alice, bob],
			meetings: [
				{
					hostEmail: alice.email,
					topic: 'Alice weekly',
					type: 8,
					recurrence: { type: 2, repeat_interval: 1, weekly_days: '3', end_times: 6 },
					ended: { endedMinutesAgo: 120, instances: 2, participants: 3 },
				},
				{ hostEmail: bob.email, topic: 'Bob all-hands', recording: true, ended: { endedMinutesAgo: 90, participants: 5 } },
				{ hostEmail: bob.email, topic: 'Bob retro', recording: true, ended: { endedMinutesAgo: 80, participants: 2 } },
			],
		});
		const [weekly, allHands, retro] = seeded.meetings;
		// AI Companion summarised the all-hands; the retro has no summary.
		const summarised = await h().sandbox.post('/_sandbox/summaries', { uuid: allHands.instances[0].uuid, overview: 'Q3 plans shared.', details: [{ label: 'Hiring', summary: 'Two roles open.' }], nextSteps: ['Post the roles'] });
		expect(summarised.status).toBe(200);
		const { id, workflow } = await importExample('account-meetings-participants-recordings.json');
		await h().n8n.activate(id);
		try {
			const started = await postToWebhook(webhookUrl(workflow, 'Run backfill now'), {});
			expect(started.status).toBe(200);
			const [run] = await executionsOf(id, 1, 300_000);
			expectSuccess(run);
			const nodes = run.nodes;

			const users = out(nodes, 'All users').map((u) => u.email);
			expect(users).toEqual(expect.arrayContaining([alice.email, bob.email]));
			const instances = out(nodes, 'Past instances').map((i) => i.uuid);
			expect(instances).toEqual(expect.arrayContaining([...weekly.instances, ...allHands.instances].map((i: { uuid: string }) => i.uuid)));

			const participants = out(nodes, 'Store participants');
			const rowsOf = (uuid: string) => participants.filter((p) => p.sessionUuid === uuid);
			for (const instance of weekly.instances) {
				expect(rowsOf(instance.uuid)).toHaveLength(3);
				expect(rowsOf(instance.uuid).every((r) => r.sessionTopic === 'Alice weekly' && r.user_email && r.join_time)).toBe(true);
			}
			expect(rowsOf(allHands.instances[0].uuid)).toHaveLength(5);

			// Bob's all-hands was recorded: its files and its transcript in segments; Alice's were not.
			const recordings = out(nodes, 'Store recording');
			const recording = recordings.find((r) => r.meetingUuid === allHands.instances[0].uuid);
			expect(recording).toMatchObject({ topic: 'Bob all-hands', hostId: seeded.users[1].id });
			expect(recording!.files.map((f: { type: string }) => f.type).sort()).toEqual(['CHAT', 'M4A', 'MP4', 'TRANSCRIPT']);
			const transcript = out(nodes, 'Store transcripts').find((t) => t.meetingUuid === allHands.instances[0].uuid);
			expect(transcript).toMatchObject({ topic: 'Bob all-hands' });
			expect(transcript!.segments.length).toBeGreaterThan(0);
			expect(transcript!.segments[0]).toEqual(expect.objectContaining({ speaker: expect.any(String), text: expect.any(String), startSeconds: expect.any(Number) }));
			// Each transcript is stored with its meeting's summary next to it, or null and the reason.
			expect(transcript).toMatchObject({
				summary: { overview: 'Q3 plans shared.', topics: [{ label: 'Hiring', summary: 'Two roles open.' }], nextSteps: ['Post the roles'], fullText: expect.stringContaining('Two roles open.') },
				summaryMissingReason: null,
			});
			const retroTranscript = out(nodes, 'Store transcripts').find((t) => t.meetingUuid === retro.instances[0].uuid);
			expect(retroTranscript).toMatchObject({ topic: 'Bob retro', summary: null, summaryMissingReason: expect.any(String) });
			expect(retroTranscript!.segments.length).toBeGreaterThan(0);
			// Alice's instances have no recording: Zoom's 3301 takes them down the error branch, and the run goes on.
			const noRecording = out(nodes, 'No recording').filter((r) => r.zoomCode === 3301);
			expect(noRecording.length).toBeGreaterThanOrEqual(2);
			expect(recordings.find((r) => weekly.instances.some((i: { uuid: string }) => i.uuid === r.meetingUuid))).toBeUndefined();
		} finally {
			await h().n8n.deactivate(id);
		}
	});
});

describe('meeting-attendance-to-tickets.json', () => {
	it('the daily sync and the webhook each bring sessions; each is matched with the tickets once', async () => {
		const host = newUser('tickets');
		const seeded = await seed({
			users: [host],
			meetings: [
				{ hostEmail: host.email, topic: 'Online workshop day 1', ended: { endedMinutesAgo: 60, participants: 4 } },
				{ hostEmail: host.email, topic: 'Online workshop day 2', start_time: new Date(Date.now() + 3600_000).toISOString().slice(0, 19) + 'Z', duration: 60 },
			],
		});
		const [day1, day2] = seeded.meetings;
		// The example's daily sync looks at the connected user ("me"); here, at this scenario's host only,
		// so that sessions other tests left in the shared sandbox stay out of it.
		const { id, workflow } = await importExample('meeting-attendance-to-tickets.json', (wf) => {
			const sync = wf.nodes.find((n) => n.name === 'Daily sync 08:00 UTC')!;
			sync.parameters = { ...sync.parameters, hosts: 'list', userIds: host.email };
		});
		expect(workflow.settings).toMatchObject({ timezone: 'UTC' });
		expect(workflow.nodes.find((n) => n.name === 'Daily sync 08:00 UTC')!.parameters.pollTimes).toEqual({ item: [{ mode: 'everyDay', hour: 8, minute: 0 }] });

		// Activation polls once: day 1 ended an hour ago.
		await h().n8n.activate(id);
		try {
			let runs = await executionsOf(id, 1);
			const first = runs[0].nodes;
			expectSuccess(runs[0]);
			expect(out(first, 'Daily sync 08:00 UTC').map((s) => s.uuid)).toEqual([day1.instances[0].uuid]);
			// participant0..2 hold tickets (one typed in other case), participant3 has none, one buyer never came.
			expect(out(first, 'Mark tickets attended').map((t) => [t.ticketId, t.status, t.email]).sort()).toEqual([
				['TK-1001', 'attended', 'participant0@example.com'],
				['TK-1002', 'attended', 'participant1@example.com'],
				['TK-1003', 'attended', 'participant2@example.com'],
			]);
			expect(out(first, 'Mark tickets attended').every((t) => t.attendedMinutes > 0 && t.session === 'Online workshop day 1' && t.zoomMeetingId === String(day1.id))).toBe(true);
			expect(out(first, 'No match report')).toEqual([
				expect.objectContaining({ report: 'No match', email: 'participant3@example.com', name: 'Participant 3', guest: false, reason: 'not-registered' }),
			]);
			expect(out(first, 'Not attended')).toEqual([expect.objectContaining({ ticketId: 'TK-1004', status: 'not attended', email: 'no-show@example.com' })]);

			// Zoom's webhook for day 1 arrives late: the session was synced already, so nothing is matched again.
			const url = webhookUrl(workflow, 'Meeting ended');
			await sendZoomEvent(url, { event: 'meeting.ended', meetingId: day1.id });
			runs = await executionsOf(id, 2);
			if (!runs[0].nodes['Meeting ended']) throw new Error(`the newest run is not the webhook's: ${JSON.stringify(runs.map((r) => [r.raw.id, r.status, r.raw.mode, Object.keys(r.nodes)]))}`);
			expect(out(runs[0].nodes, 'Meeting ended')[0].uuid).toBe(day1.instances[0].uuid);
			expect(out(runs[0].nodes, 'Participants')).toEqual([]);
			expect(runs[0].nodes['Match tickets']).toBeUndefined();

			// Day 2 ends now; its webhook brings it in real time.
			const ended = await h().sandbox.post(`/_sandbox/meetings/${day2.id}/end`, { participants: 2 });
			expect(ended.status).toBeLessThan(300);
			await sendZoomEvent(url, { event: 'meeting.ended', meetingId: day2.id });
			runs = await executionsOf(id, 3);
			const third = runs[0].nodes;
			expect(out(third, 'Mark tickets attended').map((t) => t.ticketId).sort()).toEqual(['TK-1001', 'TK-1002']);
			expect(out(third, 'Mark tickets attended').every((t) => t.zoomMeetingId === String(day2.id))).toBe(true);
			expect(out(third, 'No match report')).toEqual([]);
			expect(out(third, 'Not attended').map((t) => t.ticketId).sort()).toEqual(['TK-1003', 'TK-1004']);
		} finally {
			await h().n8n.deactivate(id);
		}
	});
});

describe('webinar-attendance-to-brevo.json', () => {
	const brevo = () => axios.create({ baseURL: h().state.brevo!.url, validateStatus: () => true });

	it('attendees and absentees become Brevo contacts with the example’s attributes in their lists; the recording link is emailed', async () => {
		expect(h().state.brevo).toBeDefined();
		await brevo().post('/_brevo/reset', {});
		const host = newUser('webinar');
		const seeded = await seed({
			users: [host],
			webinars: [{ hostEmail: host.email, topic: 'Email automation 101', ended: { endedMinutesAgo: 45, participants: 4, rejoinFraction: 0.5 }, absentees: 2 }],
		});
		const [webinar] = seeded.webinars;
		// participant0 and 2 ask a question, participant0 and 3 answer both poll questions, an outsider asks too.
		const engagement = await h().sandbox.post('/_sandbox/engagement', { meetingId: webinar.id, generate: { askEvery: 2, pollEvery: 3, outsiders: 1 } });
		expect(engagement.status).toBe(200);
		const { id, workflow } = await importExample('webinar-attendance-to-brevo.json');
		await h().n8n.activate(id);
		try {
			await sendZoomEvent(webhookUrl(workflow, 'Webinar ended'), { event: 'webinar.ended', webinarId: webinar.id });
			const [run] = await executionsOf(id, 1);
			expectSuccess(run);

			const state = (await brevo().get('/_brevo/state')).data;
			const contact = (email: string) => state.contacts.find((c: { email: string }) => c.email === email);
			const matched = new Map(out(run.nodes, 'Match registrants', 0).map((json) => [json.email as string, json]));
			const hotLeads: string[] = [];
			for (let i = 0; i < 4; i++) {
				const email = `participant${i}@example.com`;
				const score = matched.get(email)?.engagementScore as number;
				const hot = score >= 60;
				if (hot) hotLeads.push(email);
				expect(contact(email)).toMatchObject({
					attributes: {
						FIRSTNAME: 'Participant',
						ATTENDANCE_STATUS: 'attended',
						WEBINAR_NAME: 'Email automation 101',
						MEETING_DURATION: expect.any(Number),
						MEETING_JOIN_DATE: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
						ENGAGEMENT_SCORE: score,
						QUESTIONS_ASKED: i % 2 === 0 ? 1 : 0,
					},
					listIds: hot ? [16, 18] : [16],
				});
				expect(contact(email).attributes.MEETING_DURATION).toBeGreaterThan(0);
			}
			// participant0 asked and answered every poll question; participant1 only attended.
			expect(matched.get('participant0@example.com')).toMatchObject({ questionsAsked: 1, pollsAnswered: 2 });
			expect(hotLeads).toContain('participant0@example.com');
			expect(hotLeads).not.toContain('participant1@example.com');
			// The outsider who asked without registering reaches No Match with the question counted.
			expect(out(run.nodes, 'Match registrants', 1).find((json) => json.email === 'outsider0@example.com')).toMatchObject({ questionsAsked: 1, attendedMinutes: 0 });
			for (const i of [4, 5]) {
				expect(contact(`participant${i}@example.com`)).toMatchObject({
					attributes: { FIRSTNAME: 'Participant', ATTENDANCE_STATUS: 'absent', WEBINAR_NAME: 'Email automation 101', MEETING_DURATION: 0, MEETING_JOIN_DATE: null, ENGAGEMENT_SCORE: 0, QUESTIONS_ASKED: 0 },
					listIds: [17],
				});
			}
			expect(state.contacts).toHaveLength(6);
			const members = (listId: number) => state.lists.find((l: { id: number }) => l.id === listId).contacts.sort();
			expect(members(16)).toEqual([0, 1, 2, 3].map((i) => `participant${i}@example.com`));
			expect(members(17)).toEqual(['participant4@example.com', 'participant5@example.com']);
			expect(members(18)).toEqual(hotLeads.sort());
			// What n8n sent: the Brevo node's upserts (updateEnabled) and one list call per list, through the proxy.
			const calls = state.requests.map((r: { method: string; path: string; status: number }) => `${r.method} ${r.path} ${r.status}`);
			expect(calls.filter((c: string) => c === 'POST /v3/contacts 201')).toHaveLength(6);
			expect(calls).toContain('POST /v3/contacts/lists/16/contacts/add 201');
			expect(calls).toContain('POST /v3/contacts/lists/17/contacts/add 201');
			expect(calls).toContain('POST /v3/contacts/lists/18/contacts/add 201');
			expect(state.requests.find((r: { path: string }) => r.path === '/v3/contacts').body).toMatchObject({ updateEnabled: true });
			expect(state.requests.every((r: { tls: boolean }) => r.tls)).toBe(true);

			// Zoom redelivers the event: the session was processed, Brevo sees nothing new.
			await sendZoomEvent(webhookUrl(workflow, 'Webinar ended'), { event: 'webinar.ended', webinarId: webinar.id, eventTs: Date.now() + 1 });
			await executionsOf(id, 2);
			expect((await brevo().get('/_brevo/requests')).data).toHaveLength(state.requests.length);

			// The recording is ready: each registrant (attendees and absentees) gets the link.
			const delivered = await sendZoomEvent(webhookUrl(workflow, 'Recording completed'), { event: 'recording.completed', meetingId: webinar.id });
			const shareUrl = JSON.parse(delivered.body).payload.object.share_url;
			const runs = await executionsOf(id, 3);
			expectSuccess(runs[0]);
			const emails = (await brevo().get('/_brevo/state')).data.emails;
			expect(emails).toHaveLength(6);
			expect(emails.map((e: { to: Array<{ email: string }> }) => e.to[0].email).sort()).toEqual([0, 1, 2, 3, 4, 5].map((i) => `participant${i}@example.com`));
			for (const email of emails) {
				expect(email).toMatchObject({ subject: 'Recording: Email automation 101', sender: { email: 'webinars@example.com', name: 'Webinar team' } });
				expect(email.textContent).toContain(shareUrl);
			}
		} finally {
			await h().n8n.deactivate(id);
		}
	});
});
