/**
 * Meeting Summary and Engagement operations of the Zoom Connector node in a real n8n against the
 * sandbox: both credentials, every item paired with its input, Continue On Fail per item, and each
 * request an endpoint of Zoom's SDK (Rivet).
 */
import { harness } from '../harness/context';
import { runZoomConnector } from '../harness/workflows';

type Kind = 'oauth2' | 's2s';
const KINDS: Kind[] = ['oauth2', 's2s'];
const h = () => harness();

interface SeededSession {
	id: number;
	latestUuid: string;
	instances: { uuid: string }[];
}
interface Logged {
	method: string;
	path: string;
	query: Record<string, string>;
	status: number;
}


const run = (kind: Kind, parameters: Record<string, unknown>, options: { items?: Array<Record<string, unknown>>; continueOnFail?: boolean } = {}) =>
	runZoomConnector(h().n8n, kind, parameters, options);

async function ok(kind: Kind, parameters: Record<string, unknown>, items?: Array<Record<string, unknown>>) {
	const result = await run(kind, parameters, { items });
	expect(result.nodes.Zoom.error).toBeUndefined();
	return result;
}

async function zoomRequests(): Promise<Logged[]> {
	return ((await h().sandbox.get('/_sandbox/requests')).data as Logged[]).filter((r) => r.path.startsWith('/v2/'));
}

let meeting: SeededSession; // two ended instances, each with a summary
let webinar: SeededSession; // 12 attendees with Q&A, polls and a survey

beforeAll(async () => {
	const seeded = await h().sandbox.post('/_sandbox/scenario', {
		meetings: [{ topic: 'Engagement: planning', ended: { instances: 2, participants: 3 } }],
		webinars: [{ topic: 'Engagement: launch', ended: { participants: 12 } }],
	});
	expect(seeded.status).toBe(200);
	[meeting] = seeded.data.meetings;
	[webinar] = seeded.data.webinars;
	for (const [i, instance] of meeting.instances.entries()) {
		const summary = await h().sandbox.post('/_sandbox/summaries', {
			uuid: instance.uuid,
			overview: `Overview ${i}`,
			details: [{ label: 'Roadmap', summary: `Topic ${i}` }],
			nextSteps: [`Step ${i}`],
			createdMinutesAgo: (1 - i) * 60 * 24 * 10,
		});
		expect(summary.status).toBe(200);
	}
	const engagement = await h().sandbox.post('/_sandbox/engagement', {
		meetingId: webinar.id,
		generate: { askEvery: 4, pollEvery: 3, surveyEvery: 6, outsiders: 1 },
	});
	expect(engagement.data).toMatchObject({ qa: 4, polls: 8, survey: 2 });
});

describe.each(KINDS)('Meeting Summary with %s', (kind) => {
	it('Get reads an instance’s summary by UUID: Zoom’s fields plus overview, topics, next steps and full text', async () => {
		const uuid = meeting.instances[1].uuid;
		const result = await ok(kind, { resource: 'meetingSummary', operation: 'get', sessionId: '={{ $json.uuid }}', simplify: false }, [{ uuid }]);
		const [summary] = result.json('Zoom');
		expect(summary).toMatchObject({
			meeting_uuid: uuid,
			meeting_id: meeting.id,
			overview: 'Overview 1',
			topics: [{ label: 'Roadmap', summary: 'Topic 1' }],
			nextSteps: ['Step 1'],
			edited: false,
		});
		expect(summary.fullText).toContain('Topic 1');
		expect(result.nodes.Zoom.items[0][0].pairedItem).toEqual({ item: 0 });
	});

	it('Get Many lists the summaries created in the range, every page', async () => {
		const from = new Date(Date.now() - 5 * 86_400_000).toISOString();
		const result = await ok(kind, { resource: 'meetingSummary', operation: 'getAll', from, returnAll: true });
		const mine = result.json('Zoom').filter((s) => s.meeting_id === meeting.id);
		// The summary created 10 days ago is outside the range.
		expect(mine.map((s) => s.meeting_uuid)).toEqual([meeting.instances[1].uuid]);
		const calls = (await zoomRequests()).filter((r) => r.path === '/v2/meetings/meeting_summaries');
		expect(calls.at(-1)?.query.from).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
	});

	it('a meeting ID instead of a UUID fails before any call; with Continue On Fail the good item still runs', async () => {
		await h().sandbox.delete('/_sandbox/requests');
		const result = await run(
			kind,
			{ resource: 'meetingSummary', operation: 'get', sessionId: '={{ $json.ref }}' },
			{ items: [{ ref: String(meeting.id) }, { ref: meeting.instances[0].uuid }], continueOnFail: true },
		);
		const items = result.nodes.Zoom.items[0];
		expect(items).toHaveLength(2);
		expect(items[0].json.error).toMatch(/holds a meeting ID/);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[1].json).toMatchObject({ overview: 'Overview 0' });
		expect(items[1].pairedItem).toEqual({ item: 1 });
		expect((await zoomRequests()).filter((r) => r.path.includes('meeting_summary'))).toHaveLength(1);
	});
});

describe.each(KINDS)('Engagement with %s', (kind) => {
	const session = () => ({ resource: 'engagement', sessionType: 'webinar', sessionId: String(webinar.id), returnAll: true });

	it('Get Q&A: one item per question, the outsider who asked too, from the past-session and the report API', async () => {
		const past = (await ok(kind, { ...session(), operation: 'getQa', source: 'pastSession' })).json('Zoom');
		expect(past.map((r) => r.email)).toEqual(['participant0@example.com', 'participant4@example.com', 'participant8@example.com', 'outsider0@example.com']);
		expect(past[0]).toMatchObject({ kind: 'question', name: 'Participant 0', question: 'Question from Participant 0?', answer: 'Yes.', sessionId: webinar.id, sessionUuid: webinar.latestUuid });
		const report = (await ok(kind, { ...session(), operation: 'getQa', source: 'report' })).json('Zoom');
		expect(report).toHaveLength(4);
		expect(report[0]).toMatchObject({ questionStatus: 'answered', questionId: expect.any(String) });
		const paths = (await zoomRequests()).map((r) => r.path);
		expect(paths).toEqual(expect.arrayContaining([`/v2/past_webinars/${webinar.id}/qa`, `/v2/report/webinars/${webinar.id}/qa`]));
	});

	it('Get Poll Answers and Get Survey Answers: one item per person and question; Limit caps the rows', async () => {
		const polls = (await ok(kind, { ...session(), operation: 'getPolls', source: 'pastSession' })).json('Zoom');
		expect(polls).toHaveLength(8);
		expect(polls.slice(0, 2).map((r) => [r.email, r.question, r.pollId])).toEqual([
			['participant0@example.com', 'How did you hear about us?', 'poll-1'],
			['participant0@example.com', 'Would you buy?', 'poll-1'],
		]);
		const survey = (await ok(kind, { ...session(), operation: 'getSurvey' })).json('Zoom');
		expect(survey.map((r) => [r.email, r.surveyName, r.answer])).toEqual([
			['participant0@example.com', 'Feedback', '1'],
			['participant6@example.com', 'Feedback', '2'],
		]);
		const limited = (await ok(kind, { ...session(), operation: 'getPolls', source: 'report', returnAll: false, limit: 3 })).json('Zoom');
		expect(limited).toHaveLength(3);
	});

	it('an unknown webinar is Zoom’s 404, per item with Continue On Fail', async () => {
		const result = await run(
			kind,
			{ ...session(), operation: 'getPolls', source: 'pastSession', sessionId: '={{ $json.id }}' },
			{ items: [{ id: '99999999999' }, { id: String(webinar.id) }], continueOnFail: true },
		);
		const items = result.nodes.Zoom.items[0];
		expect(items[0].json).toMatchObject({ httpCode: '404', zoomCode: 3001 });
		expect(items.slice(1).every((item) => item.pairedItem.item === 1)).toBe(true);
		expect(items).toHaveLength(9);
	});
});

describe.each(KINDS)('Panelists and End with %s', (kind) => {
	it('Add (more than one call’s worth), Get Many, Remove by email, Remove All', async () => {
		const created = await h().sandbox.post('/_sandbox/scenario', { webinars: [{ topic: `Panel ${kind}`, start_time: '2030-01-01T10:00:00Z' }] });
		const webinarId = created.data.webinars[0].id as number;
		const people = Array.from({ length: 32 }, (_, i) => ({ email: `panelist${i}@example.com`, name: `Panelist ${i}` }));
		await h().sandbox.delete('/_sandbox/requests');
		const [added] = (await ok(kind, { resource: 'panelist', operation: 'add', webinarId: String(webinarId), panelists: { panelist: people } })).json('Zoom');
		expect(added).toMatchObject({ webinarId, added: 32, updated_at: expect.any(String) });
		expect((await zoomRequests()).filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([201, 201]);

		const listed = (await ok(kind, { resource: 'panelist', operation: 'getAll', webinarId: String(webinarId), returnAll: true })).json('Zoom');
		expect(listed.map((p) => p.email)).toEqual(people.map((p) => p.email));
		const [removed] = (await ok(kind, { resource: 'panelist', operation: 'remove', webinarId: String(webinarId), panelistId: 'Panelist3@example.com' })).json('Zoom');
		expect(removed).toEqual({ deleted: true });
		expect((await zoomRequests()).filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual([`/v2/webinars/${webinarId}/panelists/${listed[3].id}`]);
		const limited = (await ok(kind, { resource: 'panelist', operation: 'getAll', webinarId: String(webinarId), returnAll: false, limit: 5 })).json('Zoom');
		expect(limited.map((p) => p.email)).toEqual(['panelist0@example.com', 'panelist1@example.com', 'panelist2@example.com', 'panelist4@example.com', 'panelist5@example.com']);

		const unknown = await run(kind, { resource: 'panelist', operation: 'remove', webinarId: String(webinarId), panelistId: 'nobody@example.com' });
		expect(unknown.nodes.Zoom.error?.message).toMatch(/No panelist of webinar \d+ has the email nobody@example.com/);
		expect((await ok(kind, { resource: 'panelist', operation: 'removeAll', webinarId: String(webinarId) })).json('Zoom')).toEqual([{ deleted: true }]);
		expect((await ok(kind, { resource: 'panelist', operation: 'getAll', webinarId: String(webinarId), returnAll: true })).json('Zoom')).toEqual([]);
	});

	it('Add refuses a panelist without a valid email before any call', async () => {
		await h().sandbox.delete('/_sandbox/requests');
		const result = await run(kind, { resource: 'panelist', operation: 'add', webinarId: '98765432101', panelists: { panelist: [{ email: 'not-an-email', name: 'X' }] } });
		expect(result.nodes.Zoom.error?.message).toBe('Panelist 1 needs a valid email');
		expect(await zoomRequests()).toEqual([]);
	});

	it.each(['meeting', 'webinar'] as const)('End stops a live %s; one that is not live gets Zoom’s error', async (session) => {
		const created = await h().sandbox.post('/_sandbox/scenario', { [`${session}s`]: [{ topic: `Live ${kind}`, start_time: '2030-01-01T10:00:00Z' }] });
		const id = created.data[`${session}s`][0].id as number;
		const idField = session === 'meeting' ? 'meetingId' : 'webinarId';
		const notLive = await run(kind, { resource: session, operation: 'end', [idField]: String(id) });
		expect(notLive.nodes.Zoom.error?.httpCode).toBe('400');
		await h().sandbox.post(`/_sandbox/${session}s/${id}/start`);
		const [ended] = (await ok(kind, { resource: session, operation: 'end', [idField]: String(id) })).json('Zoom');
		expect(ended).toEqual({ success: true, id, status: 'ended' });
		const log = (await zoomRequests()).filter((r) => r.method === 'PUT');
		expect(log.at(-1)).toMatchObject({ path: `/v2/${session}s/${id}/status`, status: 204 });
	});
});

describe.each(KINDS)('Recording lifecycle with %s', (kind) => {
	it('Delete File to the trash, Recover File, Delete to the trash, Recover, Delete permanently', async () => {
		const seeded = await h().sandbox.post('/_sandbox/scenario', { meetings: [{ topic: `Recorded ${kind}`, ended: { participants: 2, recording: true } }] });
		const uuid = seeded.data.meetings[0].latestUuid as string;
		const recording = { resource: 'recording', sessionId: uuid };
		const [before] = (await ok(kind, { ...recording, operation: 'get' })).json('Zoom');
		const fileId = before.recording_files[0].id as string;
		const fileCount = () => ok(kind, { ...recording, operation: 'get' }).then((r) => r.json('Zoom')[0].recording_files.length as number);

		expect((await ok(kind, { ...recording, operation: 'deleteFile', recordingFileId: fileId, deleteAction: 'trash' })).json('Zoom')).toEqual([
			{ deleted: true },
		]);
		expect(await fileCount()).toBe(before.recording_files.length - 1);
		await ok(kind, { ...recording, operation: 'recoverFile', recordingFileId: fileId });
		expect(await fileCount()).toBe(before.recording_files.length);

		await ok(kind, { ...recording, operation: 'deleteRecording', deleteAction: 'trash' });
		const gone = await run(kind, { ...recording, operation: 'get' });
		expect(gone.nodes.Zoom.error?.httpCode).toBe('404');
		await ok(kind, { ...recording, operation: 'recover' });
		expect(await fileCount()).toBe(before.recording_files.length);

		expect((await ok(kind, { ...recording, operation: 'deleteRecording', deleteAction: 'delete' })).json('Zoom')).toEqual([{ deleted: true }]);
		const after = await run(kind, { ...recording, operation: 'recover' });
		expect(after.nodes.Zoom.error?.httpCode).toBe('404');
		const calls = (await zoomRequests()).filter((r) => r.method === 'DELETE' || r.method === 'PUT').slice(-3);
		expect(calls.map((r) => [r.method, r.query.action ?? null])).toEqual([
			['PUT', null],
			['DELETE', 'delete'],
			['PUT', null],
		]);
	});
});

describe.each(KINDS)('Registrants with %s', (kind) => {
	it('Batch Add 35 people in two calls, Get one, Delete one; a bad entry fails before any call', async () => {
		const created = await h().sandbox.post('/_sandbox/scenario', { meetings: [{ topic: `Batch ${kind}`, type: 2, start_time: '2030-01-01T10:00:00Z', registration: true }] });
		const meetingId = String(created.data.meetings[0].id);
		const target = { resource: 'registrant', sessionType: 'meeting', meetingId };
		const people = Array.from({ length: 35 }, (_, i) => ({ email: `batch${i}@example.com`, first_name: `Batch${i}`, last_name: 'Person' }));
		await h().sandbox.delete('/_sandbox/requests');
		const added = (await ok(kind, { ...target, operation: 'batchAdd', registrants: JSON.stringify(people), autoApprove: true })).json('Zoom');
		expect(added.map((r) => r.email)).toEqual(people.map((p) => p.email));
		expect(added.every((r) => typeof r.join_url === 'string' && r.registrant_id)).toBe(true);
		expect((await zoomRequests()).filter((r) => r.path.endsWith('/batch_registrants')).map((r) => r.status)).toEqual([200, 200]);

		const [one] = (await ok(kind, { ...target, operation: 'get', registrantId: added[7].registrant_id })).json('Zoom');
		expect(one).toMatchObject({ email: 'batch7@example.com', first_name: 'Batch7', status: 'approved' });
		expect((await ok(kind, { ...target, operation: 'delete', registrantId: added[7].registrant_id })).json('Zoom')).toEqual([
			{ deleted: true },
		]);
		const gone = await run(kind, { ...target, operation: 'get', registrantId: added[7].registrant_id });
		expect(gone.nodes.Zoom.error?.httpCode).toBe('404');

		await h().sandbox.delete('/_sandbox/requests');
		const bad = await run(kind, { ...target, operation: 'batchAdd', registrants: '[{"email": "x@example.com"}]' });
		expect(bad.nodes.Zoom.error?.message).toBe('Registrant 1 in "Registrants (JSON)" needs a first_name');
		expect(await zoomRequests()).toEqual([]);
	});

	it('registration questions Get and Update; a webinar’s tracking sources', async () => {
		const created = await h().sandbox.post('/_sandbox/scenario', { webinars: [{ topic: `Questions ${kind}`, start_time: '2030-01-01T10:00:00Z', registration: true }] });
		const webinarId = String(created.data.webinars[0].id);
		const target = { resource: 'registrant', sessionType: 'webinar', webinarId };
		const questions = [{ field_name: 'job_title', required: true }];
		const custom = [{ title: 'Team size?', type: 'single_dropdown', answers: ['1-10', '11+'], required: true }];
		expect((await ok(kind, { ...target, operation: 'updateQuestions', questions: JSON.stringify(questions), customQuestions: JSON.stringify(custom) })).json('Zoom')).toEqual([
			{ success: true, id: Number(webinarId), questions: 1, custom_questions: 1 },
		]);
		expect((await ok(kind, { ...target, operation: 'getQuestions' })).json('Zoom')).toEqual([{ id: Number(webinarId), questions, custom_questions: custom }]);
		const wrong = await run(kind, { ...target, operation: 'updateQuestions', questions: '[{"field_name": "email"}]', customQuestions: '[]' });
		expect(wrong.nodes.Zoom.error?.message).toMatch(/unknown field_name: "email"/);

		await h().sandbox.post('/_sandbox/tracking_sources', { webinarId, sources: [{ source_name: 'Newsletter', visitor_count: 40, registration_count: 9 }] });
		const sources = (await ok(kind, { ...target, operation: 'getTrackingSources' })).json('Zoom');
		expect(sources).toEqual([expect.objectContaining({ source_name: 'Newsletter', visitor_count: 40, registration_count: 9, tracking_url: expect.any(String) })]);
	});
});

describe('Recording › Get Many for the Account', () => {
	it('walks every user and month window with Server-to-Server; Limit stops early; OAuth2 is refused before any call', async () => {
		const seeded = await h().sandbox.post('/_sandbox/scenario', {
			users: [{ email: 'rec-a@example.com', first_name: 'Rec', last_name: 'A' }, { email: 'rec-b@example.com', first_name: 'Rec', last_name: 'B' }],
			meetings: [
				{ topic: 'Account rec A', hostEmail: 'rec-a@example.com', ended: { participants: 2, recording: true, endedMinutesAgo: 60 } },
				{ topic: 'Account rec B old', hostEmail: 'rec-b@example.com', ended: { participants: 2, recording: true, endedMinutesAgo: 50 * 24 * 60 } },
			],
		});
		const ids = seeded.data.meetings.map((m: { id: number }) => m.id);
		const from = new Date(Date.now() - 80 * 86_400_000).toISOString().slice(0, 10);
		await h().sandbox.delete('/_sandbox/requests');
		const all = (await ok('s2s', { resource: 'recording', operation: 'getAllAccount', accountFrom: from, returnAll: true })).json('Zoom');
		const mine = all.filter((r) => ids.includes(r.id));
		expect(mine.map((r) => [r.topic, r.host_email]).sort()).toEqual([
			['Account rec A', 'rec-a@example.com'],
			['Account rec B old', 'rec-b@example.com'],
		]);
		const paths = (await zoomRequests()).map((r) => r.path.replace(/\/users\/[^/]+\/recordings$/, '/users/{userId}/recordings'));
		expect(new Set(paths)).toEqual(new Set(['/v2/users', '/v2/users/{userId}/recordings']));
		const perUser = (await zoomRequests()).filter((r) => r.path.endsWith('/recordings'));
		for (const call of perUser) expect(Date.parse(call.query.to) - Date.parse(call.query.from)).toBeLessThanOrEqual(31 * 86_400_000);

		const limited = (await ok('s2s', { resource: 'recording', operation: 'getAllAccount', accountFrom: from, returnAll: false, limit: 1 })).json('Zoom');
		expect(limited).toHaveLength(1);
		await h().sandbox.delete('/_sandbox/requests');
		const refused = await run('oauth2', { resource: 'recording', operation: 'getAllAccount', accountFrom: from, returnAll: true });
		expect(refused.nodes.Zoom.error?.message).toMatch(/needs the Server-to-Server OAuth credential/);
		expect(await zoomRequests()).toEqual([]);
	});
});
