/**
 * Zoom Attendance Match with Participants: Fetch From Zoom, in a real n8n against the sandbox: the node reads
 * the ended meeting's or webinar's participants itself and sorts them exactly as it sorts the same rows fed
 * from Past Session › Get Participants on its Participants input. Zoom's refusals (a missing scope, a session
 * that does not exist) stop the node with Zoom's reason, or with Continue On Fail send every input item to
 * No Match with it.
 */
import { randomUUID } from 'node:crypto';

import { authentication, harness, zoomCredentials } from '../harness/context';
import { MATCH, MatchWorkflow } from '../harness/attendanceMatchWorkflow';
import { sandboxCredentialData } from '../harness/setup';
import { PKG, postToWebhook, readRun } from '../harness/workflows';

const h = () => harness();

interface SeededSession {
	id: number;
	topic: string;
	latestUuid: string;
}

let meeting: SeededSession; // rejoins and a guest
let webinar: SeededSession;
let apiToken: string;

/** Every participant row of the session, straight from the sandbox with a token of our own. */
async function directParticipants(type: 'meeting' | 'webinar', session: SeededSession): Promise<Array<Record<string, any>>> {
	const path = `/v2/past_${type}s/${encodeURIComponent(encodeURIComponent(session.latestUuid))}/participants`;
	const response = await h().sandbox.get(path, { params: { page_size: 300 }, headers: { Authorization: `Bearer ${apiToken}` } });
	expect(response.status).toBe(200);
	expect(response.data.next_page_token || '').toBe('');
	return response.data.participants;
}

/** Half the participants' emails registered (one in capitals), plus two people who never came. */
function registrationsFor(rows: Array<Record<string, any>>): Array<Record<string, unknown>> {
	const emails = [...new Set(rows.map((row) => String(row.user_email ?? '')).filter(Boolean))];
	expect(emails.length).toBeGreaterThanOrEqual(4);
	const registered = emails.slice(0, Math.ceil(emails.length / 2));
	return [
		...registered.map((email, i) => ({ email: i === 0 ? email.toUpperCase() : email, first_name: `First${i}`, last_name: `Last${i}` })),
		{ email: 'absent.one@example.com', first_name: 'Absent', last_name: 'One' },
		{ email: 'absent.two@example.com', first_name: 'Absent', last_name: 'Two' },
	];
}

const matchParameters = { minimumAttendance: 0, options: { addSummary: true } };

/** What the two ways must agree on, per output: who, how, how long, when. */
const shape = (outputs: Array<Array<Record<string, any>>>) =>
	outputs.map((items) =>
		items.map((json) => ({
			email: json.email,
			status: json.attendanceStatus,
			seconds: json.attendedSeconds,
			segments: json.segments,
			first: json.firstJoinTime,
			last: json.lastLeaveTime,
			reason: json.noMatchReason,
			name: json.name,
			user_email: json.user_email,
		})),
	);

/** Webhook → Past Session › Get Participants (input 0) and Split Out registrations (input 1) → the match. */
async function runFromInput(type: 'meeting' | 'webinar', session: SeededSession, registrations: unknown[]) {
	const path = `attendance-input-${randomUUID()}`;
	const node = (name: string, type: string, typeVersion: number, parameters: Record<string, unknown>, x: number, y: number, extra = {}) => ({
		id: randomUUID(), name, type, typeVersion, parameters, position: [x, y], ...extra,
	});
	const id = await h().n8n.createWorkflow({
		name: `attendance from input ${path}`,
		nodes: [
			node('Start', 'n8n-nodes-base.webhook', 2, { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} }, 0, 0, { webhookId: randomUUID() }),
			node(
				'Participants',
				`${PKG}.zoomConnector`,
				2,
				{ authentication: authentication('s2s'), resource: 'pastSession', operation: 'getParticipants', sessionType: type, sessionId: { __rl: true, mode: 'id', value: String(session.id) }, returnAll: true, addSessionFields: false },
				220,
				0,
				{ credentials: zoomCredentials('s2s') },
			),
			node('Registrations', 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: 'body.registrations', options: {} }, 220, 200),
			node(MATCH, `${PKG}.zoomAttendanceMatch`, 2, { ...matchParameters, sessionTopic: session.topic, sessionId: String(session.id) }, 440, 100),
		],
		connections: {
			Start: { main: [[{ node: 'Participants', type: 'main', index: 0 }, { node: 'Registrations', type: 'main', index: 0 }]] },
			Participants: { main: [[{ node: MATCH, type: 'main', index: 0 }]] },
			Registrations: { main: [[{ node: MATCH, type: 'main', index: 1 }]] },
		},
	});
	try {
		await h().n8n.activate(id);
		expect((await postToWebhook(`${h().n8n.state.url}/webhook/${path}`, { registrations }, { timeoutMs: 60_000 })).status).toBe(200);
		const [execution] = await h().n8n.waitForExecutions(id, 1, 60_000);
		return readRun(execution)[MATCH];
	} finally {
		await h().n8n.deleteWorkflow(id).catch(() => undefined);
	}
}

const workflows: MatchWorkflow[] = [];
function fetching(
	type: 'meeting' | 'webinar',
	sessionId: unknown,
	options: { onError?: string; credential?: { id: string; name: string }; registrations?: boolean } = {},
) {
	const workflow = new MatchWorkflow(
		{ ...matchParameters, participantsSource: 'zoom', ...(options.registrations ? { registrationsSource: 'zoom' } : {}), authentication: authentication('s2s'), sessionType: type, sessionId },
		options.onError,
		[options.registrations ? 'run' : 'registrations'],
		zoomCredentials('s2s', options.credential),
	);
	workflows.push(workflow);
	return workflow;
}

beforeAll(async () => {
	const seeded = await h().sandbox.post('/_sandbox/scenario', {
		meetings: [{ topic: 'Fetch: team meeting', ended: { participants: 8, rejoinFraction: 0.5, guests: 1 }, registrants: 6 }],
		webinars: [{ topic: 'Fetch: launch webinar', ended: { participants: 9 }, absentees: 3 }],
	});
	expect(seeded.status).toBeLessThan(300);
	[meeting] = seeded.data.meetings;
	[webinar] = seeded.data.webinars;
	apiToken = (await h().sandbox.post('/_sandbox/tokens', { kind: 's2s' })).data.access_token;
});

afterAll(async () => {
	await Promise.all(workflows.map((w) => w.remove()));
});

describe('Zoom Attendance Match, Participants: Fetch From Zoom', () => {
	it.each([
		['meeting', () => meeting],
		['webinar', () => webinar],
	] as const)('a %s read from Zoom sorts as Past Session › Get Participants on the input does', async (type, session) => {
		const rows = await directParticipants(type, session());
		const registrations = registrationsFor(rows);
		const fromInput = await runFromInput(type, session(), registrations);
		expect(fromInput.error).toBeUndefined();

		const { nodes } = await fetching(type, { __rl: true, mode: 'list', value: String(session().id) }).run({ registrations });
		const fetched = nodes[MATCH];
		expect(fetched.error).toBeUndefined();
		expect(shape(fetched.outputs)).toEqual(shape(fromInput.outputs));

		const [attended, noMatch, absent] = fetched.items;
		expect(attended.length).toBe(registrations.length - 2);
		expect(absent.map((item) => item.json.email)).toEqual(['absent.one@example.com', 'absent.two@example.com']);
		expect(noMatch.length).toBeGreaterThan(0);
		// Zoom's topic and ID label every item; the summary reconciles with Zoom's rows.
		for (const item of [...attended, ...noMatch, ...absent]) expect(item.json).toMatchObject({ sessionTopic: session().topic, sessionId: String(session().id) });
		expect(attended[0].json._summary).toMatchObject({ participantRows: rows.length, registrations: registrations.length, reconciled: true });
		// Registrations are input 0 now; a person known only from Zoom's rows pairs with the item that ran the node.
		expect(attended[0].pairedItem).toEqual([{ item: 0, input: 0 }]);
		expect(absent[1].pairedItem).toEqual([{ item: registrations.length - 1, input: 0 }]);
		expect(noMatch.every((item) => JSON.stringify(item.pairedItem) === JSON.stringify([{ item: 0, input: 0 }]))).toBe(true);
	});

	it.each([
		['meeting', () => meeting, 6],
		['webinar', () => webinar, 12],
	] as const)('Registrations: Fetch From Zoom too: the %s’s approved registrants, one Start input, the same outputs as both lists on the inputs', async (type, session, registrantCount) => {
		const response = await h().sandbox.get(`/v2/${type}s/${session().id}/registrants`, { params: { status: 'approved', page_size: 300 }, headers: { Authorization: `Bearer ${apiToken}` } });
		expect(response.status).toBe(200);
		const registrants: Array<Record<string, any>> = response.data.registrants;
		expect(registrants).toHaveLength(registrantCount);
		const fromInput = await runFromInput(type, session(), registrants);
		expect(fromInput.error).toBeUndefined();

		const { nodes } = await fetching(type, { __rl: true, mode: 'id', value: String(session().id) }, { registrations: true }).run({ run: [{ go: 1 }, { go: 2 }] });
		const fetched = nodes[MATCH];
		expect(fetched.error).toBeUndefined();
		expect(shape(fetched.outputs)).toEqual(shape(fromInput.outputs));
		const [attended, noMatch, absent] = fetched.items;
		expect(attended.length + absent.length).toBe(registrantCount);
		expect(attended.length).toBeGreaterThan(0);
		// Zoom's registrant fields stay on the items; every item pairs with the first Start item.
		expect(attended[0].json).toMatchObject({ id: expect.any(String), status: 'approved' });
		for (const item of [...attended, ...noMatch, ...absent]) expect(item.pairedItem).toEqual([{ item: 0, input: 0 }]);
		expect(attended[0].json._summary).toMatchObject({ registrations: registrantCount, reconciled: true });
	});

	it('the editor’s From list of the session and its instances come from Zoom through this node', async () => {
		const list = async (methodName: string, parameters: Record<string, unknown>, filter?: string) =>
			await h().n8n.restCall<{ results: Array<{ name: string; value: string }> }>('POST', '/dynamic-node-parameters/resource-locator-results', {
				nodeTypeAndVersion: { name: `${PKG}.zoomAttendanceMatch`, version: 2 },
				path: 'parameters.sessionId',
				methodName,
				currentNodeParameters: { participantsSource: 'zoom', authentication: authentication('s2s'), ...parameters },
				credentials: zoomCredentials('s2s'),
				...(filter ? { filter } : {}),
			});
		const webinars = await list('searchEndedSessions', { sessionType: 'webinar' }, 'Fetch: launch');
		expect(webinars.results.map((r) => r.value)).toEqual([String(webinar.id)]);
		const instances = await list('searchPastInstances', { sessionType: 'meeting', sessionId: { __rl: true, mode: 'list', value: String(meeting.id) } });
		expect(instances.results.map((r) => r.value)).toEqual([meeting.latestUuid]);
	});

	it('an instance UUID reads that exact instance', async () => {
		const rows = await directParticipants('meeting', meeting);
		const { nodes } = await fetching('meeting', { __rl: true, mode: 'id', value: String(meeting.id) }).run({ registrations: registrationsFor(rows) });
		expect(nodes[MATCH].error).toBeUndefined();
		const byUuid = await fetching('meeting', { __rl: true, mode: 'id', value: meeting.latestUuid }).run({ registrations: registrationsFor(rows) });
		expect(shape(byUuid.nodes[MATCH].outputs)).toEqual(shape(nodes[MATCH].outputs));
	});

	it('a session Zoom does not know stops the node with Zoom’s reason, naming item 0', async () => {
		const { nodes } = await fetching('meeting', { __rl: true, mode: 'id', value: '99999999999' }).run({ registrations: [{ email: 'a@example.com' }] });
		const error = nodes[MATCH].error;
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toMatch(/not found|does not exist|404/i);
		expect(error?.context).toMatchObject({ itemIndex: 0 });
	});

	it('an app without the past-session scopes gets an error naming the missing scope; with Continue On Fail every input item reaches No Match with it', async () => {
		const app = { kind: 's2s', clientId: 'match-no-past-app', clientSecret: 'match-no-past-secret', scopes: ['meeting:read:meeting:admin'] };
		expect((await h().sandbox.post('/_sandbox/apps', app)).status).toBe(200);
		const data = { ...sandboxCredentialData(h().sandboxUrl).s2s, clientId: app.clientId, clientSecret: app.clientSecret };
		const credential = { id: await h().n8n.createCredential('S2S no past sessions', 'zoomConnectorServerToServerOAuthApi', data), name: 'S2S no past sessions' };
		const sessionId = { __rl: true, mode: 'id', value: String(meeting.id) };
		const registrations = [{ email: 'a@example.com' }, { email: 'b@example.com' }];

		const stopped = await fetching('meeting', sessionId, { credential }).run({ registrations });
		const error = stopped.nodes[MATCH].error;
		expect(error?.name).toBe('NodeApiError');
		expect(`${error?.message} ${error?.description}`).toMatch(/scope/i);
		expect(`${error?.message} ${error?.description}`).toMatch(/meeting:read:/);

		const continued = await fetching('meeting', sessionId, { credential, onError: 'continueRegularOutput' }).run({ registrations });
		const [attended, noMatch, absent] = continued.nodes[MATCH].items;
		expect(continued.nodes[MATCH].error).toBeUndefined();
		expect([attended.length, absent.length]).toEqual([0, 0]);
		expect(noMatch.map((item) => [item.json.email, item.json.noMatchReason, item.json.errorInput, item.pairedItem])).toEqual([
			['a@example.com', 'zoom-error', 'Participants', { item: 0, input: 0 }],
			['b@example.com', 'zoom-error', 'Participants', { item: 1, input: 0 }],
		]);
		expect(noMatch[0].json.error).toMatch(/scope/i);
	});

	it('an app that may read the participants but not the registrants: the error names the registrants’ scope; Continue On Fail sends the Start items to No Match', async () => {
		const app = { kind: 's2s', clientId: 'match-no-registrants-app', clientSecret: 'match-no-registrants-secret', scopes: ['meeting:read:past_meeting:admin', 'meeting:read:list_past_participants:admin'] };
		expect((await h().sandbox.post('/_sandbox/apps', app)).status).toBe(200);
		const data = { ...sandboxCredentialData(h().sandboxUrl).s2s, clientId: app.clientId, clientSecret: app.clientSecret };
		const credential = { id: await h().n8n.createCredential('S2S no registrants', 'zoomConnectorServerToServerOAuthApi', data), name: 'S2S no registrants' };
		const sessionId = { __rl: true, mode: 'id', value: String(meeting.id) };

		const stopped = await fetching('meeting', sessionId, { credential, registrations: true }).run({ run: [{ go: 1 }] });
		const error = stopped.nodes[MATCH].error;
		expect(error?.name).toBe('NodeApiError');
		expect(`${error?.message} ${error?.description}`).toMatch(/meeting:read:list_registrants/);

		const continued = await fetching('meeting', sessionId, { credential, registrations: true, onError: 'continueRegularOutput' }).run({ run: [{ go: 1 }] });
		expect(continued.nodes[MATCH].error).toBeUndefined();
		const [attended, noMatch, absent] = continued.nodes[MATCH].items;
		expect([attended.length, absent.length]).toEqual([0, 0]);
		expect(noMatch.map((item) => [item.json.go, item.json.noMatchReason, item.json.errorInput, item.pairedItem])).toEqual([[1, 'zoom-error', 'Registrations', { item: 0, input: 0 }]]);
	});
});
