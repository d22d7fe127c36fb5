/**
 * Past Session, Report, Recording and Authorization of the Zoom Connector node inside a real n8n,
 * against the sandbox: ended sessions seeded through /_sandbox/scenario, the node run in a workflow,
 * its output compared with what the sandbox itself answers (direct calls with a token of its own).
 */
import axios from 'axios';

import { harness } from '../harness/context';
import { connectOAuth2 } from '../harness/oauth';
import { sandboxCredentialData } from '../harness/setup';
import { NodeWorkflow, zoomConnectorNode, type NodeSpec, type WorkflowRun } from '../harness/workflows';

const h = () => harness();
type Kind = 'oauth2' | 's2s';
const KINDS: Kind[] = ['oauth2', 's2s'];

interface SeededInstance {
	uuid: string;
	start_time: string;
	participants: number;
}
interface SeededSession {
	id: number;
	topic: string;
	instances: SeededInstance[];
	latestUuid: string;
}
interface LogEntry {
	time: string;
	method: string;
	path: string;
	query: Record<string, string>;
	status: number;
}

let standup: SeededSession; // 3 ended instances, rejoins and a guest
let slashMeeting: SeededSession; // instance UUID contains "//"
let recorded: SeededSession; // recorded 30 minutes ago
let oldRecorded: SeededSession; // recorded about 70 days ago
let big: SeededSession; // 10,000 participants
let small: SeededSession; // 5 attendees, 3 absentees, UUID starting with "/"
let apiToken: string;


async function run(kind: Kind, parameters: Record<string, unknown>, extra: NodeSpec[] = []): Promise<WorkflowRun> {
	const workflow = new NodeWorkflow(h().n8n, [zoomConnectorNode(kind, parameters), ...extra]);
	try {
		return await workflow.run();
	} finally {
		await workflow.remove();
	}
}

/** Every row of a Zoom list, read straight from the sandbox with a token of our own. */
async function direct(path: string, key: string, params: Record<string, unknown> = {}): Promise<any[]> {
	const rows: any[] = [];
	let token = '';
	do {
		const response = await h().sandbox.get(`/v2${path}`, {
			params: { ...params, page_size: 300, ...(token ? { next_page_token: token } : {}) },
			headers: { Authorization: `Bearer ${apiToken}` },
		});
		expect(response.status).toBe(200);
		rows.push(...response.data[key]);
		token = response.data.next_page_token;
	} while (token);
	return rows;
}

async function requests(): Promise<LogEntry[]> {
	return (await h().sandbox.get('/_sandbox/requests')).data;
}

const spaced = (id: number) => String(id).replace(/^(\d{3})(\d{4})(\d+)$/, '$1 $2 $3');

beforeAll(async () => {
	const seeded = await h().sandbox.post('/_sandbox/scenario', {
		meetings: [
			{ topic: 'Past: weekly standup', ended: { instances: 3, participants: 8, rejoinFraction: 0.5, guests: 1 } },
			{ topic: 'Past: double slash', ended: { participants: 4, uuidStyle: 'double-slash' } },
			{ topic: 'Past: recorded', ended: { participants: 3, recording: true } },
			{ topic: 'Past: recorded long ago', ended: { participants: 2, recording: true, endedMinutesAgo: 70 * 24 * 60 } },
		],
		webinars: [
			{ topic: 'Past: big webinar', ended: { participants: 10_000 } },
			{ topic: 'Past: small webinar', ended: { participants: 5, uuidStyle: 'slash' }, absentees: 3 },
		],
	});
	expect(seeded.status).toBeLessThan(300);
	[standup, slashMeeting, recorded, oldRecorded] = seeded.data.meetings;
	[big, small] = seeded.data.webinars;
	expect(slashMeeting.latestUuid).toContain('//');
	expect(small.latestUuid.startsWith('/')).toBe(true);
	const token = await h().sandbox.post('/_sandbox/tokens', { kind: 's2s' });
	apiToken = token.data.access_token;
});

afterEach(async () => {
	await h().sandbox.delete('/_sandbox/faults');
});

describe('Past Session', () => {
	it.each(KINDS)('Get reads the latest ended instance from a pasted ID (%s)', async (kind) => {
		const result = await run(kind, { resource: 'pastSession', operation: 'get', sessionType: 'meeting', sessionId: spaced(standup.id) });
		expect(result.nodes.Zoom.error).toBeUndefined();
		expect(result.json('Zoom')).toEqual([
			expect.objectContaining({ id: standup.id, uuid: standup.latestUuid, topic: 'Past: weekly standup', participants_count: expect.any(Number) }),
		]);
	});

	it('Get of a webinar by a UUID starting with "/" reads its report, double-encoding the UUID', async () => {
		await h().sandbox.delete('/_sandbox/requests');
		const result = await run('s2s', { resource: 'pastSession', operation: 'get', sessionType: 'webinar', sessionId: small.latestUuid });
		expect(result.nodes.Zoom.error).toBeUndefined();
		expect(result.json('Zoom')).toEqual([expect.objectContaining({ id: small.id, uuid: small.latestUuid })]);
		const paths = (await requests()).map((r) => r.path);
		expect(paths).toEqual([`/v2/report/webinars/${encodeURIComponent(encodeURIComponent(small.latestUuid))}`]);
		expect(paths[0]).toMatch(/^\/v2\/report\/webinars\/%252F/);
	});

	it.each(KINDS)('Get Instances lists every ended instance of a recurring meeting (%s)', async (kind) => {
		const result = await run(kind, { resource: 'pastSession', operation: 'getInstances', sessionType: 'meeting', sessionId: `https://us05web.zoom.us/j/${standup.id}?pwd=abc` });
		expect(result.nodes.Zoom.error).toBeUndefined();
		const uuids = result.json('Zoom').map((i) => i.uuid);
		expect(uuids).toHaveLength(3);
		expect(new Set(uuids)).toEqual(new Set(standup.instances.map((i) => i.uuid)));
	});

	it.each(KINDS)('Get Participants of a UUID with "//" returns Zoom’s rows untouched, rejoins as several rows (%s)', async (kind) => {
		// The standup's instances each have rejoins; the "//" meeting proves double encoding on this path.
		const expected = await direct(`/past_meetings/${encodeURIComponent(encodeURIComponent(slashMeeting.latestUuid))}/participants`, 'participants');
		await h().sandbox.delete('/_sandbox/requests');
		const result = await run(kind, { resource: 'pastSession', operation: 'getParticipants', sessionType: 'meeting', sessionId: slashMeeting.latestUuid, returnAll: true, simplify: false });
		expect(result.nodes.Zoom.error).toBeUndefined();
		expect(result.json('Zoom')).toEqual(
			expected.map((row) => ({ ...row, sessionId: slashMeeting.id, sessionUuid: slashMeeting.latestUuid, sessionTopic: 'Past: double slash' })),
		);
		const log = await requests();
		expect(log.map((r) => r.path)).toContain(`/v2/past_meetings/${encodeURIComponent(encodeURIComponent(slashMeeting.latestUuid))}/participants`);

		const instance = standup.instances[0];
		const rejoins = await run(kind, {
			resource: 'pastSession',
			operation: 'getParticipants',
			sessionType: 'meeting',
			sessionId: instance.uuid,
			returnAll: true,
			addSessionFields: false,
			simplify: false,
		});
		const rows = rejoins.json('Zoom');
		expect(rows).toEqual(await direct(`/past_meetings/${encodeURIComponent(instance.uuid)}/participants`, 'participants'));
		const perEmail = new Map<string, number>();
		for (const row of rows) perEmail.set(row.user_email, (perEmail.get(row.user_email) ?? 0) + 1);
		expect([...perEmail.values()].some((n) => n > 1)).toBe(true); // rejoins stay separate rows
		expect(rows.some((row) => row.user_email === '' && row.id === '')).toBe(true); // the guest
		expect(rows[0]).not.toHaveProperty('sessionId');
	});

	it('Return All reads all 34 pages of a 10,000-participant webinar: every row once, with session fields', async () => {
		await h().sandbox.delete('/_sandbox/requests');
		const result = await run('s2s', { resource: 'pastSession', operation: 'getParticipants', sessionType: 'webinar', sessionId: String(big.id), returnAll: true, simplify: false });
		expect(result.nodes.Zoom.error).toBeUndefined();
		const rows = result.json('Zoom');
		expect(rows).toHaveLength(10_000);
		expect(new Set(rows.map((r) => r.user_id)).size).toBe(10_000);
		expect(new Set(rows.map((r) => r.user_email)).size).toBe(10_000);
		expect(rows.every((r) => r.sessionId === big.id && r.sessionUuid === big.latestUuid && r.sessionTopic === 'Past: big webinar')).toBe(true);
		const pages = (await requests()).filter((r) => r.path.endsWith('/participants'));
		expect(pages).toHaveLength(34);
		expect(pages.every((p) => p.status === 200 && p.query.page_size === '300')).toBe(true);
	});

	it('a 429 with Retry-After in the middle of paging is waited out, and no row is lost or doubled', async () => {
		const pattern = `^/v2/past_webinars/[^/]+/participants$`;
		// Faults are taken in order: a no-op delay for the first 4 pages, then one 429 with Retry-After: 2.
		await h().sandbox.post('/_sandbox/faults', { method: 'GET', path: pattern, kind: 'delay', delayMs: 0, count: 4 });
		await h().sandbox.post('/_sandbox/faults', { method: 'GET', path: pattern, kind: 'status', status: 429, retryAfter: 2, count: 1 });
		await h().sandbox.delete('/_sandbox/requests');
		const result = await run('oauth2', { resource: 'pastSession', operation: 'getParticipants', sessionType: 'webinar', sessionId: big.id, returnAll: true, simplify: false });
		expect(result.nodes.Zoom.error).toBeUndefined();
		const rows = result.json('Zoom');
		expect(rows).toHaveLength(10_000);
		expect(new Set(rows.map((r) => r.user_id)).size).toBe(10_000);

		const pages = (await requests()).filter((r) => r.path.endsWith('/participants'));
		expect(pages.map((p) => p.status)).toEqual([200, 200, 200, 200, 429, ...Array(30).fill(200)]);
		// The retried page asked for the same token as the refused one, at least 2 s later.
		expect(pages[5].query.next_page_token).toBe(pages[4].query.next_page_token);
		expect(Date.parse(pages[5].time) - Date.parse(pages[4].time)).toBeGreaterThanOrEqual(1900);
	});

	it('Limit stops early, and Get Absentees lists the registrants who did not attend', async () => {
		await h().sandbox.delete('/_sandbox/requests');
		const limited = await run('s2s', { resource: 'pastSession', operation: 'getParticipants', sessionType: 'webinar', sessionId: big.id, returnAll: false, limit: 7 });
		expect(limited.json('Zoom')).toHaveLength(7);
		expect((await requests()).filter((r) => r.path.endsWith('/participants'))).toHaveLength(1);

		for (const kind of KINDS) {
			const absent = await run(kind, { resource: 'pastSession', operation: 'getAbsentees', sessionId: small.latestUuid, returnAll: true });
			expect(absent.nodes.Zoom.error).toBeUndefined();
			expect(absent.json('Zoom').map((r) => r.email).sort()).toEqual(['participant5@example.com', 'participant6@example.com', 'participant7@example.com']);
		}
	});

	it('an ID that is neither a number nor a UUID fails before any call, naming the field', async () => {
		await h().sandbox.delete('/_sandbox/requests');
		const result = await run('s2s', { resource: 'pastSession', operation: 'getParticipants', sessionType: 'meeting', sessionId: 'my weekly meeting', returnAll: true });
		expect(result.nodes.Zoom.error?.message).toBe('The field "Meeting or Webinar ID or UUID" must be a meeting/webinar ID or UUID, not "my weekly meeting"');
		expect(result.nodes.Zoom.error?.description).toMatch(/numeric ID .* or an instance UUID/);
		const instances = await run('s2s', { resource: 'pastSession', operation: 'getInstances', sessionType: 'meeting', sessionId: standup.latestUuid });
		expect(instances.nodes.Zoom.error?.message).toMatch(/^The field "Meeting or Webinar ID" must be a numeric meeting\/webinar ID/);
		expect(await requests()).toEqual([]);
	});
});

describe('Report', () => {
	it.each(KINDS)('Meeting Details and Meeting Participants match Zoom’s report (%s)', async (kind) => {
		const details = await run(kind, { resource: 'report', operation: 'getMeeting', sessionId: standup.id, simplify: false });
		expect(details.nodes.Zoom.error).toBeUndefined();
		expect(details.json('Zoom')).toEqual([expect.objectContaining({ id: standup.id, uuid: standup.latestUuid, tracking_fields: expect.any(Array) })]);

		const participants = await run(kind, { resource: 'report', operation: 'getMeetingParticipants', sessionId: standup.latestUuid, returnAll: true, simplify: false });
		expect(participants.nodes.Zoom.error).toBeUndefined();
		const expected = await direct(`/report/meetings/${encodeURIComponent(standup.latestUuid)}/participants`, 'participants');
		expect(participants.json('Zoom')).toEqual(
			expected.map((row) => ({ ...row, sessionId: standup.id, sessionUuid: standup.latestUuid, sessionTopic: 'Past: weekly standup' })),
		);
	});

	it.each(KINDS)('Webinar Participants carries registrant_id when asked (%s)', async (kind) => {
		const result = await run(kind, { resource: 'report', operation: 'getWebinarParticipants', sessionId: small.id, returnAll: true, includeRegistrantId: true });
		expect(result.nodes.Zoom.error).toBeUndefined();
		const rows = result.json('Zoom');
		expect(rows).toHaveLength(5);
		expect(rows.every((r) => typeof r.registrant_id === 'string' && r.registrant_id.length > 0)).toBe(true);
		expect(rows.every((r) => r.sessionUuid === small.latestUuid)).toBe(true);

		const without = await run(kind, { resource: 'report', operation: 'getWebinarParticipants', sessionId: small.latestUuid, returnAll: false, limit: 2 });
		expect(without.json('Zoom')).toHaveLength(2);
		expect(without.json('Zoom')[0]).not.toHaveProperty('registrant_id');
	});
});

describe('Recording', () => {
	it.each(KINDS)('Get returns the recording and its files (%s)', async (kind) => {
		const result = await run(kind, { resource: 'recording', operation: 'get', sessionId: recorded.id });
		expect(result.nodes.Zoom.error).toBeUndefined();
		const [recording] = result.json('Zoom');
		expect(recording).toMatchObject({ id: recorded.id, uuid: recorded.latestUuid });
		expect(recording.recording_files.map((f: any) => f.file_type).sort()).toEqual(['CHAT', 'M4A', 'MP4', 'TRANSCRIPT']);
	});

	it.each(KINDS)('Get Many walks a three-month range in windows of at most a month (%s)', async (kind) => {
		const today = new Date();
		const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 3, today.getUTCDate())).toISOString().slice(0, 10);
		await h().sandbox.delete('/_sandbox/requests');
		const userId = kind === 's2s' ? 'host@example.com' : 'me';
		const result = await run(kind, { resource: 'recording', operation: 'getAll', userId, from, returnAll: true });
		expect(result.nodes.Zoom.error).toBeUndefined();
		const uuids = result.json('Zoom').map((m) => m.uuid);
		expect(uuids).toEqual(expect.arrayContaining([recorded.latestUuid, oldRecorded.latestUuid]));
		expect(new Set(uuids).size).toBe(uuids.length);
		// Newest first: this month's recording before the one from 70 days ago.
		expect(uuids.indexOf(recorded.latestUuid)).toBeLessThan(uuids.indexOf(oldRecorded.latestUuid));

		const calls = (await requests()).filter((r) => r.path.endsWith('/recordings'));
		expect(calls.length).toBeGreaterThanOrEqual(3);
		expect(calls.every((c) => c.status === 200)).toBe(true);
		const windows = calls.map((c) => [c.query.from, c.query.to]).sort();
		expect(windows[0][0]).toBe(from);
		expect(windows[windows.length - 1][1]).toBe(today.toISOString().slice(0, 10));
		for (let i = 1; i < windows.length; i++) {
			expect(Date.parse(windows[i][0]) - Date.parse(windows[i - 1][1])).toBe(86_400_000);
		}

		const limited = await run(kind, { resource: 'recording', operation: 'getAll', userId, from, returnAll: false, limit: 1 });
		expect(limited.json('Zoom').map((m) => m.uuid)).toEqual([recorded.latestUuid]);
	});

	const toBase64: NodeSpec = {
		name: 'Bytes',
		type: 'n8n-nodes-base.extractFromFile',
		typeVersion: 1,
		parameters: { operation: 'binaryToPropery', binaryPropertyName: 'data', destinationKey: 'base64', options: {} },
	};

	async function directDownload(url: string): Promise<{ bytes: Buffer; contentType: string }> {
		const response = await axios.get(url, { headers: { Authorization: `Bearer ${apiToken}` }, responseType: 'arraybuffer' });
		return { bytes: Buffer.from(response.data), contentType: String(response.headers['content-type']) };
	}

	it.each([
		['oauth2', 'fileType', 'MP4', 'video/mp4', /\.mp4$/],
		['s2s', 'fileType', 'M4A', 'audio/mp4', /\.m4a$/],
		['oauth2', 'fileId', 'TRANSCRIPT', 'text/vtt', /\.vtt$/],
		['s2s', 'fileId', 'CHAT', 'text/plain', /\.txt$/],
	] as const)('Download File (%s, by %s) gives the %s byte for byte as %s', async (kind, pickFileBy, fileType, mimeType, name) => {
		const recording = (await h().sandbox.get(`/v2/meetings/${recorded.id}/recordings`, { headers: { Authorization: `Bearer ${apiToken}` } })).data;
		const file = recording.recording_files.find((f: any) => f.file_type === fileType);
		const result = await run(kind, { resource: 'recording', operation: 'download', sessionId: recorded.latestUuid, pickFileBy, fileType, fileId: file.id, binaryPropertyName: 'data' }, [toBase64]);
		expect(result.nodes.Zoom.error).toBeUndefined();
		const [item] = result.nodes.Zoom.items[0];
		expect(item.json).toMatchObject({ id: file.id, file_type: fileType, mimeType, bytes: file.file_size });
		expect(item.binary?.data).toMatchObject({ mimeType });
		expect(item.binary?.data.fileName).toMatch(name);

		const expected = await directDownload(file.download_url);
		expect(expected.bytes.length).toBe(file.file_size);
		expect(Buffer.from(result.json('Bytes')[0].base64, 'base64').equals(expected.bytes)).toBe(true);
	});

	it.each(KINDS)('Get Transcript parses the VTT into speaker segments (%s)', async (kind) => {
		const result = await run(kind, { resource: 'recording', operation: 'getTranscript', sessionId: recorded.id });
		expect(result.nodes.Zoom.error).toBeUndefined();
		const [transcript] = result.json('Zoom');
		expect(transcript).toMatchObject({ meetingId: recorded.id, meetingUuid: recorded.latestUuid, topic: 'Past: recorded' });
		expect(transcript.segments).toHaveLength(6);
		expect(transcript.segments[1]).toEqual({
			index: 2,
			cueId: '2',
			speaker: 'Participant 0',
			startSeconds: 7,
			endSeconds: 11,
			startTime: '00:00:07.000',
			endTime: '00:00:11.000',
			text: 'Can you all hear me okay?',
		});
		expect(transcript.speakers).toEqual(expect.arrayContaining(['Participant 0', 'Participant 1']));
		expect(transcript.text.split('\n')).toHaveLength(6);
		expect(transcript.text).toContain('Participant 1: Let us start with the agenda for this session.');
	});

	it('a recording without the requested file type fails with the list of what it has', async () => {
		const result = await run('s2s', { resource: 'recording', operation: 'download', sessionId: recorded.id, pickFileBy: 'fileType', fileType: 'SUMMARY', binaryPropertyName: 'data' });
		expect(result.nodes.Zoom.error?.message).toBe('The recording has no SUMMARY file');
		expect(result.nodes.Zoom.error?.description).toMatch(/MP4 \(.+\), M4A/);
	});
});

describe('Authorization', () => {
	it('Revoke Access revokes a freshly connected OAuth2 credential at Zoom, which then refuses its token', async () => {
		const name = `OAuth2 to revoke ${Date.now()}`;
		const id = await h().n8n.createCredential(name, 'zoomConnectorOAuth2Api', sandboxCredentialData(h().sandboxUrl).oauth2);
		const connected = await connectOAuth2(h().n8n, id);
		expect(connected.callbackStatus).toBeLessThan(400);
		const credential = { id, name };
		// n8n hands no token out over its API, so the sandbox's log shows what it accepts and refuses.
		const userGet = new NodeWorkflow(h().n8n, [zoomConnectorNode('oauth2', { resource: 'user', operation: 'get', userId: 'me' }, { credential })]);
		const before = await userGet.run();
		expect(before.nodes.Zoom.error).toBeUndefined();

		const revoke = new NodeWorkflow(h().n8n, [zoomConnectorNode('oauth2', { resource: 'authorization', operation: 'revoke' }, { credential })]);
		await h().sandbox.delete('/_sandbox/requests');
		const result = await revoke.run();
		await revoke.remove();
		expect(result.nodes.Zoom.error).toBeUndefined();
		const [output] = result.json('Zoom');
		expect(output).toMatchObject({ revoked: true, status: 'success', credential: name, reconnectRequired: true });
		expect(output.message).toMatch(/connect it to Zoom again/);
		expect((await requests()).map((r) => [r.method, r.path, r.status])).toEqual([['POST', '/oauth/revoke', 200]]);

		// The revoked access token is refused, and n8n's attempt to refresh it too: the grant is gone.
		await h().sandbox.delete('/_sandbox/requests');
		const after = await userGet.run();
		await userGet.remove();
		expect(after.nodes.Zoom.error).toBeDefined();
		const log = (await requests()).map((r) => [r.method, r.path, r.status]);
		expect(log[0]).toEqual(['GET', '/v2/users/me', 401]);
		expect(log).toContainEqual(['POST', '/oauth/token', 400]);
		expect(log.filter((r) => r[2] === 200)).toEqual([]);
	});

	it('Revoke Access with the Server-to-Server credential says it is for user OAuth2, without calling Zoom', async () => {
		await h().sandbox.delete('/_sandbox/requests');
		const result = await run('s2s', { resource: 'authorization', operation: 'revoke' });
		expect(result.nodes.Zoom.error?.message).toBe('Revoke Access works only with the OAuth2 (User) credential');
		expect(await requests()).toEqual([]);
	});
});
