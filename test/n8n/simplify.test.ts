/**
 * n8n's UX guidelines in a real n8n against the sandbox: Simplify (on by default) gives exactly the
 * documented fields Zoom sent, off gives Zoom's whole answer; every Delete and Remove answers exactly { deleted: true }, one item per input
 * item, paired with it.
 */
import { SIMPLIFIED_FIELDS } from 'n8n-nodes-zoom-connector/nodes/ZoomConnector/shared/simplify';

import { harness } from '../harness/context';
import { NodeWorkflow, zoomConnectorNode, type WorkflowRun } from '../harness/workflows';

const h = () => harness();
type Kind = 'oauth2' | 's2s';
type Json = Record<string, any>;

const rl = (value: string) => ({ __rl: true, mode: 'id', value });

/** One Zoom Connector node, each input item its own run when `items` are given. */
async function run(kind: Kind, parameters: Json, options: { items?: Json[] } = {}): Promise<WorkflowRun> {
	const node = zoomConnectorNode(kind, parameters);
	const workflow = new NodeWorkflow(h().n8n, [node], { splitItems: options.items !== undefined });
	try {
		const result = await workflow.run(options.items ? { items: options.items } : {});
		expect(result.nodes.Zoom.error).toBeUndefined();
		return result;
	} finally {
		await workflow.remove();
	}
}

let zoomToken: string;
/** Zoom's answer read straight from the sandbox, with a token of its own. */
async function zoomGet(path: string): Promise<{ status: number; data: Json }> {
	if (!zoomToken) zoomToken = (await h().sandbox.post('/_sandbox/tokens', { kind: 's2s' })).data.access_token;
	return await h().sandbox.get(`/v2${path}`, { headers: { Authorization: `Bearer ${zoomToken}` }, validateStatus: () => true });
}

async function seed(body: Json): Promise<Json> {
	const response = await h().sandbox.post('/_sandbox/scenario', body);
	expect(response.status).toBeLessThan(300);
	return response.data;
}

const inTwoDays = () => new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 19) + 'Z';

describe('Simplify', () => {
	let upcoming: Json; // scheduled, 3 registrants
	let ended: Json; // ended, 3 participants, recorded

	beforeAll(async () => {
		const seeded = await seed({
			meetings: [
				{ topic: 'Simplify: planning', type: 2, start_time: inTwoDays(), registrants: 3 },
				{ topic: 'Simplify: retro', ended: { participants: 3, recording: true } },
			],
		});
		[upcoming, ended] = seeded.meetings;
	});

	/** Simplify on (the default: the parameter is not set) and off, for one operation. */
	async function both(kind: Kind, parameters: Json): Promise<{ simple: Json[]; full: Json[]; fields: readonly string[] }> {
		const fields = SIMPLIFIED_FIELDS[parameters.resource][parameters.operation];
		const simple = (await run(kind, parameters)).json('Zoom');
		const full = (await run(kind, { ...parameters, simplify: false })).json('Zoom');
		expect(simple.length).toBeGreaterThan(0);
		expect(simple.length).toBe(full.length);
		return { simple, full, fields };
	}

	/** Each simplified item is its full item cut to the documented fields Zoom sent, in the list's order. */
	function expectDocumentedSubset(simple: Json[], full: Json[], fields: readonly string[]) {
		simple.forEach((item, index) => {
			expect(Object.keys(item)).toEqual(fields.filter((field) => field in full[index]));
			for (const field of Object.keys(item)) expect(item[field]).toEqual(full[index][field]);
			expect(Object.keys(item).length).toBeLessThanOrEqual(10);
			expect(Object.keys(full[index]).length).toBeGreaterThan(10);
		});
	}

	it('Meeting › Get: the documented fields on, exactly Zoom’s answer off', async () => {
		const { simple, full, fields } = await both('oauth2', { resource: 'meeting', operation: 'get', meetingId: rl(String(upcoming.id)) });
		expectDocumentedSubset(simple, full, fields);
		expect(Object.keys(simple[0])).toEqual(['id', 'uuid', 'topic', 'type', 'status', 'start_time', 'duration', 'timezone', 'join_url', 'host_id']);
		// Zoom signs each start_url afresh (its zak token), so that one field differs from call to call.
		const raw = (await zoomGet(`/meetings/${upcoming.id}`)).data;
		expect(full).toEqual([{ ...raw, start_url: expect.stringMatching(/^https:\/\/[^/]+\/s\/\d+\?zak=/) }]);
		expect(full[0].settings).toBeDefined();
		expect(simple[0].settings).toBeUndefined();
	});

	it('User › Get: the documented fields on, exactly Zoom’s answer off', async () => {
		const { simple, full, fields } = await both('s2s', { resource: 'user', operation: 'get', userId: rl('host@example.com') });
		expectDocumentedSubset(simple, full, fields);
		expect(simple[0]).toMatchObject({ email: 'host@example.com' });
		expect(full).toEqual([(await zoomGet('/users/host@example.com')).data]);
	});

	it('Registrant › Get Many: one simplified item per registrant, keeping what Zoom Attendance Match reads', async () => {
		const { simple, full, fields } = await both('oauth2', {
			resource: 'registrant',
			operation: 'getAll',
			sessionType: 'meeting',
			meetingId: rl(String(upcoming.id)),
			status: 'approved',
			returnAll: true,
		});
		expect(simple).toHaveLength(3);
		expectDocumentedSubset(simple, full, fields);
		for (const item of simple) expect(Object.keys(item)).toEqual(expect.arrayContaining(['id', 'email', 'first_name', 'last_name', 'status', 'join_url']));
		const raw = (await zoomGet(`/meetings/${upcoming.id}/registrants?status=approved&page_size=300`)).data.registrants;
		expect(full).toEqual(raw);
	});

	it('Past Session › Get Participants: Zoom’s participant fields the match reads, plus the session fields', async () => {
		const { simple, full, fields } = await both('s2s', {
			resource: 'pastSession',
			operation: 'getParticipants',
			sessionType: 'meeting',
			sessionId: rl(ended.latestUuid),
			returnAll: true,
		});
		expect(simple).toHaveLength(full.length);
		simple.forEach((item, index) => {
			expect(Object.keys(item)).toEqual(fields.filter((field) => field in full[index]));
			for (const field of Object.keys(item)) expect(item[field]).toEqual(full[index][field]);
			expect(item).toMatchObject({ sessionUuid: ended.latestUuid, user_email: expect.any(String), join_time: expect.any(String), leave_time: expect.any(String) });
		});
		const raw = (await zoomGet(`/past_meetings/${encodeURIComponent(encodeURIComponent(ended.latestUuid))}/participants?page_size=300`)).data.participants as Json[];
		expect(full.map(({ sessionId, sessionUuid, sessionTopic, ...zoom }) => zoom)).toEqual(raw);
	});

	it('Meeting Summary › Get: Zoom’s meeting fields and this node’s overview, topics, next steps and full text', async () => {
		await h().sandbox.post('/_sandbox/summaries', { uuid: ended.latestUuid, overview: 'Agreed', details: [{ label: 'Scope', summary: 'All' }], nextSteps: ['Ship'] });
		const { simple, full, fields } = await both('s2s', { resource: 'meetingSummary', operation: 'get', sessionId: rl(String(ended.id)), instanceId: rl(ended.latestUuid) });
		expectDocumentedSubset(simple, full, fields);
		expect(simple[0]).toMatchObject({ meeting_uuid: ended.latestUuid, overview: 'Agreed', topics: [{ label: 'Scope', summary: 'All' }], nextSteps: ['Ship'], fullText: expect.any(String) });
	});

	it('Report › Get Meeting Details: the ended session’s times and counts', async () => {
		const { simple, full, fields } = await both('s2s', { resource: 'report', operation: 'getMeeting', sessionId: rl(ended.latestUuid) });
		expectDocumentedSubset(simple, full, fields);
		expect(simple[0]).toMatchObject({ uuid: ended.latestUuid, participants_count: expect.any(Number), start_time: expect.any(String), end_time: expect.any(String) });
		const raw = (await zoomGet(`/report/meetings/${encodeURIComponent(encodeURIComponent(ended.latestUuid))}`)).data;
		expect(full).toEqual([raw]);
	});

	it('Recording › Get: the documented fields on (files kept whole), the whole recording off', async () => {
		const { simple, full, fields } = await both('s2s', { resource: 'recording', operation: 'get', sessionId: rl(ended.latestUuid) });
		expectDocumentedSubset(simple, full, fields);
		expect(simple[0].recording_files).toEqual(full[0].recording_files);
		expect(simple[0].recording_files.length).toBeGreaterThan(0);
	});
});

describe('every Delete and Remove answers exactly { deleted: true }, paired with its input item', () => {
	/** The node's items with their pairing, and a check that each is { deleted: true } alone. */
	function expectDeleted(result: WorkflowRun, count: number) {
		const items = result.nodes.Zoom.items[0];
		expect(items.map((item) => item.json)).toEqual(Array.from({ length: count }, () => ({ deleted: true })));
		expect(items.map((item) => item.pairedItem)).toEqual(Array.from({ length: count }, (_, item) => ({ item })));
	}

	it('Meeting › Delete and Webinar › Delete, two input items each', async () => {
		const seeded = await seed({
			meetings: [0, 1].map((i) => ({ topic: `Delete me ${i}`, type: 2, start_time: inTwoDays() })),
			webinars: [0, 1].map((i) => ({ topic: `Delete webinar ${i}`, start_time: inTwoDays() })),
		});
		const meetings = seeded.meetings.map((m: Json) => ({ id: String(m.id) }));
		expectDeleted(await run('oauth2', { resource: 'meeting', operation: 'delete', meetingId: rl('={{ $json.id }}') }, { items: meetings }), 2);
		for (const { id } of meetings) expect((await zoomGet(`/meetings/${id}`)).status).toBe(404);

		const webinars = seeded.webinars.map((w: Json) => ({ id: String(w.id) }));
		expectDeleted(await run('s2s', { resource: 'webinar', operation: 'delete', webinarId: rl('={{ $json.id }}') }, { items: webinars }), 2);
		for (const { id } of webinars) expect((await zoomGet(`/webinars/${id}`)).status).toBe(404);
	});

	it('Registrant › Delete, two registrants', async () => {
		const seeded = await seed({ meetings: [{ topic: 'Delete registrants', type: 2, start_time: inTwoDays(), registrants: 3 }] });
		const meetingId = String(seeded.meetings[0].id);
		const before = (await zoomGet(`/meetings/${meetingId}/registrants?status=approved`)).data.registrants as Json[];
		const items = before.slice(0, 2).map((r) => ({ registrantId: r.id }));
		const parameters = { resource: 'registrant', operation: 'delete', sessionType: 'meeting', meetingId: rl(meetingId), registrantId: rl('={{ $json.registrantId }}') };
		expectDeleted(await run('oauth2', parameters, { items }), 2);
		const after = (await zoomGet(`/meetings/${meetingId}/registrants?status=approved`)).data.registrants as Json[];
		expect(after.map((r) => r.id)).toEqual([before[2].id]);
	});

	it('Panelist › Remove and Remove All', async () => {
		const seeded = await seed({ webinars: [{ topic: 'Delete panelists', start_time: inTwoDays() }] });
		const webinarId = String(seeded.webinars[0].id);
		const people = [0, 1, 2].map((i) => ({ email: `delete-panelist${i}@example.com`, name: `Panelist ${i}` }));
		await run('s2s', { resource: 'panelist', operation: 'add', webinarId: rl(webinarId), panelists: { panelist: people } });
		expectDeleted(await run('s2s', { resource: 'panelist', operation: 'remove', webinarId: rl(webinarId), panelistId: people[0].email }), 1);
		const left = (await zoomGet(`/webinars/${webinarId}/panelists`)).data.panelists as Json[];
		expect(left.map((p) => p.email)).toEqual([people[1].email, people[2].email]);
		expectDeleted(await run('s2s', { resource: 'panelist', operation: 'removeAll', webinarId: rl(webinarId) }), 1);
		expect((await zoomGet(`/webinars/${webinarId}/panelists`)).data.panelists).toEqual([]);
	});

	it('Recording › Delete File (to the trash) and Delete (permanently)', async () => {
		const seeded = await seed({ meetings: [{ topic: 'Delete recording', ended: { participants: 2, recording: true } }] });
		const uuid = seeded.meetings[0].latestUuid as string;
		const path = `/meetings/${encodeURIComponent(encodeURIComponent(uuid))}/recordings`;
		const files = (await zoomGet(path)).data.recording_files as Json[];
		const recording = { resource: 'recording', sessionId: rl(uuid) };
		expectDeleted(await run('s2s', { ...recording, operation: 'deleteFile', recordingFileId: files[0].id, deleteAction: 'trash' }), 1);
		expect(((await zoomGet(path)).data.recording_files as Json[]).map((f) => f.id)).not.toContain(files[0].id);
		expectDeleted(await run('s2s', { ...recording, operation: 'deleteRecording', deleteAction: 'delete' }), 1);
		expect((await zoomGet(path)).status).toBe(404);
	});
});
