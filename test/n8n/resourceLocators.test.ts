/**
 * The Zoom Connector's resource locators in a real n8n against the sandbox: the listSearch methods
 * called as the editor calls them (POST /rest/dynamic-node-parameters/resource-locator-results), and
 * workflows run with each mode (From list, By URL, By ID, an expression).
 */
import { harness, zoomCredentials, type CredentialRef } from '../harness/context';
import { sandboxCredentialData } from '../harness/setup';
import { NodeWorkflow, PKG, zoomConnectorNode, type WorkflowRun } from '../harness/workflows';

const h = () => harness();
type Kind = 'oauth2' | 's2s';

interface Seeded {
	id: number;
	topic: string;
	instances: Array<{ uuid: string; start_time: string }>;
	latestUuid: string;
}
interface ListResult {
	results: Array<{ name: string; value: string; description?: string }>;
	paginationToken?: string;
}

let planning: Seeded; // upcoming, with registrants
let retro: Seeded; // 3 ended instances, recorded
let onApproval: Seeded; // manual approval: registrants wait as pending
let webinar: Seeded;
let endedWebinar: Seeded; // 2 ended instances
let apiToken: string;
const rl = (mode: string, value: string) => ({ __rl: true, mode, value });

/** What the editor asks n8n when a From list dropdown opens or is searched. */
async function search(
	methodName: string,
	parameters: Record<string, unknown>,
	options: { kind?: Kind; filter?: string; paginationToken?: string; credential?: CredentialRef } = {},
): Promise<ListResult> {
	const kind = options.kind ?? 'oauth2';
	return await h().n8n.restCall<ListResult>('POST', '/dynamic-node-parameters/resource-locator-results', {
		nodeTypeAndVersion: { name: `${PKG}.zoomConnector`, version: 2 },
		path: 'parameters.meetingId',
		methodName,
		currentNodeParameters: {
			authentication: kind === 'oauth2' ? 'zoomConnectorOAuth2Api' : 'zoomConnectorServerToServerOAuthApi',
			...parameters,
		},
		credentials: zoomCredentials(kind, options.credential),
		...(options.filter !== undefined ? { filter: options.filter } : {}),
		...(options.paginationToken ? { paginationToken: options.paginationToken } : {}),
	});
}

async function run(kind: Kind, parameters: Record<string, unknown>): Promise<WorkflowRun> {
	const workflow = new NodeWorkflow(h().n8n, [zoomConnectorNode(kind, parameters)]);
	try {
		return await workflow.run();
	} finally {
		await workflow.remove();
	}
}

beforeAll(async () => {
	const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
	const seeded = await h().sandbox.post('/_sandbox/scenario', {
		meetings: [
			{ topic: 'Locator: quarterly planning', type: 2, start_time: inTwoDays, registrants: 3 },
			{ topic: 'Locator: team retro', ended: { instances: 3, participants: 4, recording: true } },
			{ topic: 'Locator: workshop on approval', type: 2, start_time: inTwoDays, settings: { approval_type: 1 } },
		],
		webinars: [
			{ topic: 'Locator: product webinar', type: 5, start_time: inTwoDays },
			{ topic: 'Locator: ended webinar', ended: { instances: 2, participants: 3 } },
		],
	});
	expect(seeded.status).toBeLessThan(300);
	[planning, retro, onApproval] = seeded.data.meetings;
	[webinar, endedWebinar] = seeded.data.webinars;
	apiToken = (await h().sandbox.post('/_sandbox/tokens', { kind: 'oauth' })).data.access_token;
	for (const [first, email] of [['Pat', 'pat@example.com'], ['Sam', 'sam@example.com']]) {
		const added = await h().sandbox.post(`/v2/meetings/${onApproval.id}/registrants`, { first_name: first, last_name: 'Pending', email }, { headers: { Authorization: `Bearer ${apiToken}` } });
		expect(added.status).toBe(201);
	}
});

afterEach(async () => {
	await h().sandbox.delete('/_sandbox/faults');
});

describe('listSearch in n8n', () => {
	it('Meeting: the list is searchable by topic and names each meeting with its time and ID', async () => {
		const found = await search('searchMeetings', { resource: 'meeting', operation: 'get' }, { filter: 'QUARTERLY plan' });
		expect(found.results).toEqual([
			{ name: 'Locator: quarterly planning', value: String(planning.id), description: expect.stringContaining(`ID ${planning.id}`) },
		]);
		expect(found.results[0].description).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC · /);
		const none = await search('searchMeetings', { resource: 'meeting', operation: 'get' }, { filter: 'no such topic here' });
		expect(none.results).toEqual([]);
	});

	it('Meeting: pages follow Zoom’s next_page_token, nothing listed twice', async () => {
		await h().sandbox.post('/_sandbox/config', { maxPageSize: 1 });
		try {
			const seen: string[] = [];
			let token: string | undefined;
			let calls = 0;
			do {
				const page = await search('searchMeetings', { resource: 'meeting', operation: 'get' }, { filter: 'Locator:', paginationToken: token });
				seen.push(...page.results.map((r) => r.value));
				token = page.paginationToken;
				calls++;
			} while (token && calls < 50);
			expect(seen).toContain(String(planning.id));
			expect(new Set(seen).size).toBe(seen.length);
		} finally {
			await h().sandbox.post('/_sandbox/config', { maxPageSize: 300 });
		}
	});

	it('Webinar: the user’s webinars, paged by page_number, searchable by topic', async () => {
		const found = await search('searchWebinars', { resource: 'webinar', operation: 'get' }, { filter: 'product web' });
		expect(found.results).toEqual([expect.objectContaining({ name: 'Locator: product webinar', value: String(webinar.id) })]);
	});

	it('Past instances of the chosen meeting: newest first, named by start time', async () => {
		const ended = await search('searchEndedSessions', { resource: 'pastSession', operation: 'getParticipants', sessionType: 'meeting' }, { filter: 'team retro' });
		expect(ended.results.map((r) => r.value)).toEqual([String(retro.id)]);
		const instances = await search('searchPastInstances', {
			resource: 'pastSession',
			operation: 'getParticipants',
			sessionType: 'meeting',
			sessionId: rl('list', String(retro.id)),
		});
		const newestFirst = [...retro.instances].sort((a, b) => b.start_time.localeCompare(a.start_time));
		expect(instances.results.map((r) => r.value)).toEqual(newestFirst.map((i) => i.uuid));
		expect(instances.results[0].name).toBe(`${newestFirst[0].start_time.slice(0, 10)} ${newestFirst[0].start_time.slice(11, 16)} UTC`);
		const noMeeting = await search('searchPastInstances', { resource: 'pastSession', operation: 'getParticipants', sessionId: rl('list', '') });
		expect(noMeeting.results).toEqual([expect.objectContaining({ name: 'Choose the meeting first', value: '' })]);
	});

	it('Past instances follow the operation: a webinar report lists the webinar’s instances', async () => {
		const instances = await search('searchPastInstances', { resource: 'report', operation: 'getWebinarParticipants', sessionId: rl('id', String(endedWebinar.id)) });
		const newestFirst = [...endedWebinar.instances].sort((a, b) => b.start_time.localeCompare(a.start_time));
		expect(instances.results.map((r) => r.value)).toEqual(newestFirst.map((i) => i.uuid));
		const log: Array<{ path: string }> = (await h().sandbox.get('/_sandbox/requests')).data;
		expect(log.map((r) => r.path)).toContain(`/v2/past_webinars/${endedWebinar.id}/instances`);
	});

	it('Recording files of the chosen meeting, with type and size', async () => {
		const files = await search('searchRecordingFiles', { resource: 'recording', operation: 'download', sessionId: rl('id', String(retro.id)) });
		expect(files.results.length).toBeGreaterThan(0);
		for (const file of files.results) expect(file.name).toMatch(/\((MP4|M4A|CHAT|TRANSCRIPT|CC|CSV|TIMELINE|SUMMARY|[A-Z_]+), [\d.]+ (B|KB|MB|GB)\)$/);
		expect(files.results.some((f) => /\(MP4, /.test(f.name))).toBe(true);
	});

	it('Users (Server-to-Server): "me" first, then the account’s users, searchable by email', async () => {
		const all = await search('searchUsers', { resource: 'user', operation: 'get' }, { kind: 's2s' });
		expect(all.results[0]).toEqual(expect.objectContaining({ value: 'me', name: 'Me (the connected user)' }));
		expect(all.results.some((u) => u.name.includes('<host@example.com>'))).toBe(true);
		const one = await search('searchUsers', { resource: 'user', operation: 'get' }, { kind: 's2s', filter: 'host@example' });
		expect(one.results.map((u) => u.name)).toEqual([expect.stringContaining('<host@example.com>')]);
	});

	it('Registrants by status: Cancel lists the approved ones, Approve the pending ones (none here)', async () => {
		const parameters = { resource: 'registrant', sessionType: 'meeting', meetingId: rl('list', String(planning.id)) };
		const cancel = await search('searchRegistrants', { ...parameters, operation: 'cancel' });
		expect(cancel.results).toHaveLength(3);
		expect(cancel.results.every((r) => r.description?.startsWith('Approved · '))).toBe(true);
		const approve = await search('searchRegistrants', { ...parameters, operation: 'approve' });
		expect(approve.results).toEqual([]);
	});

	it('A missing scope is the list’s one line, naming the scope', async () => {
		const app = { kind: 's2s', clientId: 'locator-no-list-app', clientSecret: 'locator-no-list-secret', scopes: ['meeting:read:meeting:admin'] };
		expect((await h().sandbox.post('/_sandbox/apps', app)).status).toBe(200);
		const data = { ...sandboxCredentialData(h().sandboxUrl).s2s, clientId: app.clientId, clientSecret: app.clientSecret };
		const id = await h().n8n.createCredential('S2S without list scope', 'zoomConnectorServerToServerOAuthApi', data);
		const result = await search('searchMeetings', { resource: 'meeting', operation: 'get' }, { kind: 's2s', credential: { id, name: 'S2S without list scope' } });
		expect(result.results).toEqual([expect.objectContaining({ value: '', name: expect.stringContaining('meeting:read:list_meetings') })]);
		// Users: "me" still listed, then the reason.
		const users = await search('searchUsers', { resource: 'user', operation: 'get' }, { kind: 's2s', credential: { id, name: 'S2S without list scope' } });
		expect(users.results[0].value).toBe('me');
		expect(users.results[1]).toEqual(expect.objectContaining({ value: '', name: expect.stringContaining('user:read:list_users:admin') }));
	});

	it('A rate limit Zoom will not lift soon is the list’s one line, saying when to retry', async () => {
		await h().sandbox.post('/_sandbox/faults', { method: 'GET', path: '^/v2/users/[^/]+/meetings$', kind: 'status', status: 429, retryAfter: 3600, count: 1 });
		const result = await search('searchMeetings', { resource: 'meeting', operation: 'get' });
		expect(result.results).toHaveLength(1);
		expect(result.results[0].value).toBe('');
		expect(result.results[0].name).toMatch(/^⚠ /);
		expect(`${result.results[0].name} ${result.results[0].description ?? ''}`).toMatch(/\d{2}:\d{2}/);
	});
});

describe('workflows, every mode', () => {
	const spaced = (id: number) => String(id).replace(/^(\d{3})(\d{4})(\d+)$/, '$1 $2 $3');

	it.each([
		['From list', () => rl('list', String(planning.id))],
		['By URL (join URL)', () => rl('url', `https://us05web.zoom.us/j/${planning.id}?pwd=abc`)],
		['By URL (web portal)', () => rl('url', `https://zoom.us/meeting/${planning.id}`)],
		['By ID (as Zoom prints it)', () => rl('id', spaced(planning.id))],
		['By ID (an expression)', () => rl('id', `={{ ${planning.id} }}`)],
	])('Meeting › Get with %s', async (_mode, value) => {
		const result = await run('oauth2', { resource: 'meeting', operation: 'get', meetingId: value() });
		expect(result.nodes.Zoom.error).toBeUndefined();
		expect(result.json('Zoom')).toEqual([expect.objectContaining({ id: planning.id, topic: 'Locator: quarterly planning' })]);
	});

	it('Past Session › Get Participants: the meeting, then one instance from the list', async () => {
		const oldest = [...retro.instances].sort((a, b) => a.start_time.localeCompare(b.start_time))[0];
		const result = await run('s2s', {
			resource: 'pastSession',
			operation: 'getParticipants',
			sessionType: 'meeting',
			sessionId: rl('list', String(retro.id)),
			instanceId: rl('list', oldest.uuid),
			returnAll: true,
		});
		expect(result.nodes.Zoom.error).toBeUndefined();
		const rows = result.json('Zoom');
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.every((r) => r.sessionUuid === oldest.uuid)).toBe(true);
		// No instance: the most recent one.
		const latest = await run('s2s', { resource: 'pastSession', operation: 'getParticipants', sessionType: 'meeting', sessionId: rl('id', String(retro.id)), returnAll: true });
		expect(latest.json('Zoom').every((r) => r.sessionUuid === retro.latestUuid)).toBe(true);
	});

	it('User › Get with "me" from the list and by email', async () => {
		const me = await run('s2s', { resource: 'user', operation: 'get', userId: rl('list', 'me') });
		expect(me.nodes.Zoom.error).toBeUndefined();
		const byEmail = await run('s2s', { resource: 'user', operation: 'get', userId: rl('id', 'host@example.com') });
		expect(byEmail.json('Zoom')).toEqual([expect.objectContaining({ email: 'host@example.com' })]);
	});

	it('Registrant › Get with a registrant picked from the list', async () => {
		const listed = await search('searchRegistrants', { resource: 'registrant', operation: 'get', sessionType: 'meeting', meetingId: rl('list', String(planning.id)) });
		const result = await run('oauth2', {
			resource: 'registrant',
			operation: 'get',
			sessionType: 'meeting',
			meetingId: rl('list', String(planning.id)),
			registrantId: rl('list', listed.results[0].value),
		});
		expect(result.nodes.Zoom.error).toBeUndefined();
		expect(result.json('Zoom')).toEqual([expect.objectContaining({ id: listed.results[0].value })]);
	});

	it('Registrant › Approve with a pending registrant picked from the list: Approve lists only pending ones', async () => {
		const parameters = { resource: 'registrant', sessionType: 'meeting', meetingId: rl('list', String(onApproval.id)) };
		const pending = await search('searchRegistrants', { ...parameters, operation: 'approve' }, { filter: 'pat@' });
		expect(pending.results).toEqual([expect.objectContaining({ name: 'Pat Pending <pat@example.com>', description: expect.stringMatching(/^Pending · /) })]);
		const result = await run('oauth2', { ...parameters, operation: 'approve', registrants: rl('list', pending.results[0].value), options: {} });
		expect(result.nodes.Zoom.error).toBeUndefined();
		expect(result.json('Zoom')).toEqual([expect.objectContaining({ success: true, action: 'approve', updated: 1 })]);
		const after = await search('searchRegistrants', { ...parameters, operation: 'approve' });
		expect(after.results.map((r) => r.name)).toEqual(['Sam Pending <sam@example.com>']);
		const cancellable = await search('searchRegistrants', { ...parameters, operation: 'cancel' });
		expect(cancellable.results.map((r) => r.name)).toEqual(['Pat Pending <pat@example.com>']);
	});

	it('Recording › Download File with the file picked from the list', async () => {
		const files = await search('searchRecordingFiles', { resource: 'recording', operation: 'download', sessionId: rl('list', String(retro.id)) }, { filter: 'MP4' });
		expect(files.results.length).toBeGreaterThan(0);
		const result = await run('oauth2', {
			resource: 'recording',
			operation: 'download',
			sessionId: rl('list', String(retro.id)),
			pickFileBy: 'fileId',
			fileId: rl('list', files.results[0].value),
			binaryPropertyName: 'data',
		});
		expect(result.nodes.Zoom.error).toBeUndefined();
		expect(result.nodes.Zoom.items[0][0].json).toEqual(expect.objectContaining({ id: files.results[0].value, file_type: 'MP4' }));
		expect(result.nodes.Zoom.items[0][0].binary?.data).toBeDefined();
	});

	it('Meeting › Create with a time zone from Zoom’s list', async () => {
		const result = await run('oauth2', {
			resource: 'meeting',
			operation: 'create',
			userId: rl('list', 'me'),
			topic: 'Locator: in Kolkata time',
			type: 2,
			startTime: '2030-05-06T10:00:00',
			additionalFields: { timezone: 'Asia/Calcutta' },
		});
		expect(result.nodes.Zoom.error).toBeUndefined();
		expect(result.json('Zoom')).toEqual([expect.objectContaining({ timezone: 'Asia/Calcutta', start_time: '2030-05-06T04:30:00Z' })]);
	});

	it('a bad value in By ID fails with the field named, before any call', async () => {
		const result = await run('oauth2', { resource: 'meeting', operation: 'get', meetingId: rl('id', '12345') });
		expect(result.nodes.Zoom.error?.message).toMatch(/"Meeting ID" is not a meeting ID: 5 digits/);
	});
});
