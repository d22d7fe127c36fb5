/**
 * Compatibility smoke suite, part 1 (run by run-tests.mjs on every n8n of n8n-versions.json, the full
 * suite staying on the development version): in the n8n that N8N_VERSION names, the package loads as
 * an installed community package, both API credentials connect and pass n8n's credential test, each
 * resource of the Zoom Connector node (its one version, IDs as resource locators) answers one operation, and Zoom Attendance Match sorts a small
 * webinar seeded in the sandbox.
 */
import { randomUUID } from 'node:crypto';

import { harness, type CredentialRef } from '../harness/context';
import { connectOAuth2 } from '../harness/oauth';
import { N8N_VERSION } from '../harness/paths';
import { sandboxCredentialData } from '../harness/setup';
import { locator, NodeWorkflow, PKG, zoomConnectorNode, postToWebhook, readRun, type NodeSpec, type WorkflowRun } from '../harness/workflows';

const h = () => harness();
type Kind = 'oauth2' | 's2s';


async function run(kind: Kind, parameters: Record<string, unknown>, credential?: CredentialRef): Promise<WorkflowRun> {
	const workflow = new NodeWorkflow(h().n8n, [zoomConnectorNode(kind, parameters, { credential })]);
	try {
		return await workflow.run();
	} finally {
		await workflow.remove();
	}
}

/** One operation's items, failing the test with the node's error if it has one. */
async function ok(kind: Kind, parameters: Record<string, unknown>): Promise<Array<Record<string, any>>> {
	const result = await run(kind, parameters);
	expect(result.nodes.Zoom?.error).toBeUndefined();
	return result.json('Zoom');
}

interface SeededSession {
	id: number;
	latestUuid: string;
}
let smallWebinar: SeededSession; // 5 attendees (participant0–4), 3 registered absentees (participant5–7)
let recordedMeeting: SeededSession;

beforeAll(async () => {
	const seeded = await h().sandbox.post('/_sandbox/scenario', {
		meetings: [{ topic: 'Compat: recorded', ended: { participants: 3, recording: true } }],
		webinars: [{ topic: 'Compat: small webinar', ended: { participants: 5 }, absentees: 3 }],
	});
	expect(seeded.status).toBeLessThan(300);
	[recordedMeeting] = seeded.data.meetings;
	[smallWebinar] = seeded.data.webinars;
	// participant0, 2 and 4 ask a question; outsider0 asks without having attended or registered.
	const engagement = await h().sandbox.post('/_sandbox/engagement', { meetingId: smallWebinar.id, generate: { askEvery: 2, outsiders: 1 } });
	expect(engagement.status).toBe(200);
});

describe(`n8n ${N8N_VERSION}: the package`, () => {
	it('runs in the n8n it was asked for, with our nodes and credentials loaded under the package name', async () => {
		const settings = await h().n8n.restCall<{ versionCli: string }>('GET', '/settings');
		expect(settings.versionCli).toBe(N8N_VERSION);
		const nodeTypes = (await h().n8n.nodeTypes()).map((t) => t.name);
		for (const node of ['zoomConnector', 'zoomConnectorTrigger', 'zoomAttendanceMatch', 'zoomDailySyncTrigger']) {
			expect(nodeTypes).toContain(`${PKG}.${node}`);
		}
		const credentialTypes = (await h().n8n.credentialTypes()).map((t) => t.name);
		expect(credentialTypes).toEqual(
			expect.arrayContaining(['zoomConnectorOAuth2Api', 'zoomConnectorServerToServerOAuthApi', 'zoomConnectorWebhookApi']),
		);
	});
});

describe(`n8n ${N8N_VERSION}: credentials`, () => {
	it('an OAuth2 credential connects through the sandbox’s consent page and n8n’s callback, then calls Zoom', async () => {
		const id = await h().n8n.createCredential(`OAuth2 compat ${randomUUID().slice(0, 6)}`, 'zoomConnectorOAuth2Api', sandboxCredentialData(h().sandboxUrl).oauth2);
		const connected = await connectOAuth2(h().n8n, id);
		expect(connected.callbackStatus).toBeLessThan(400);
		expect((await h().n8n.getCredential(id)).data.oauthTokenData).toBeTruthy();
		const result = await run('oauth2', { resource: 'user', operation: 'get', userId: locator('me', 'list') }, { id, name: 'OAuth2 compat' });
		expect(result.nodes.Zoom.error).toBeUndefined();
		expect(result.json('Zoom')).toEqual([expect.objectContaining({ email: 'host@example.com' })]);
	});

	it('both API credentials pass n8n’s credential test, and a wrong secret fails it', async () => {
		await expect(h().n8n.testCredential(h().credentials.oauth2.id)).resolves.toMatchObject({ status: 'OK' });
		await expect(h().n8n.testCredential(h().credentials.s2s.id)).resolves.toMatchObject({ status: 'OK' });
		const wrong = { ...sandboxCredentialData(h().sandboxUrl).s2s, clientSecret: 'wrong-secret' };
		const id = await h().n8n.createCredential('S2S wrong secret', 'zoomConnectorServerToServerOAuthApi', wrong);
		await expect(h().n8n.testCredential(id)).resolves.toMatchObject({ status: 'Error' });
	});
});

describe(`n8n ${N8N_VERSION}: one Zoom Connector operation per resource`, () => {
	it('User: Get (OAuth2)', async () => {
		expect(await ok('oauth2', { resource: 'user', operation: 'get', userId: locator('me', 'list') })).toEqual([
			expect.objectContaining({ email: 'host@example.com' }),
		]);
	});

	it('Meeting: Create, then Registrant: Add to it (Server-to-Server)', async () => {
		const [meeting] = await ok('s2s', {
			resource: 'meeting',
			operation: 'create',
			userId: locator('me', 'list'),
			topic: 'Compat meeting',
			type: 2,
			startTime: '2030-07-01T09:30:00',
			additionalFields: { timezone: 'Europe/Berlin', duration: 45 },
			settings: { approvalType: 0 },
		});
		// 09:30 in Berlin in July is 07:30 UTC: the local time reached Zoom with its zone.
		expect(meeting).toMatchObject({ id: expect.any(Number), topic: 'Compat meeting', start_time: '2030-07-01T07:30:00Z' });

		const [registrant] = await ok('s2s', {
			resource: 'registrant',
			operation: 'add',
			sessionType: 'meeting',
			meetingId: locator(meeting.join_url, 'url'),
			email: 'ada@example.com',
			firstName: 'Ada',
		});
		expect(registrant).toMatchObject({ id: meeting.id, registrant_id: expect.any(String), join_url: expect.stringContaining(`/j/${meeting.id}?tk=`) });
	});

	it('Webinar: Get (OAuth2)', async () => {
		const [webinar] = await ok('oauth2', { resource: 'webinar', operation: 'get', webinarId: locator(String(smallWebinar.id), 'list') });
		expect(webinar).toMatchObject({ id: smallWebinar.id, topic: 'Compat: small webinar' });
	});

	it('Past Session: Get Absentees of the small webinar (Server-to-Server)', async () => {
		const absentees = await ok('s2s', { resource: 'pastSession', operation: 'getAbsentees', sessionId: locator(smallWebinar.latestUuid), returnAll: true });
		expect(absentees.map((row) => row.email).sort()).toEqual(['participant5@example.com', 'participant6@example.com', 'participant7@example.com']);
	});

	it('Report: Get Webinar Participants (OAuth2)', async () => {
		const rows = await ok('oauth2', { resource: 'report', operation: 'getWebinarParticipants', sessionId: locator(smallWebinar.id), returnAll: true });
		const emails = new Set(rows.map((row) => row.user_email));
		for (let i = 0; i < 5; i++) expect(emails).toContain(`participant${i}@example.com`);
	});

	it('Recording: Get (Server-to-Server)', async () => {
		const [recording] = await ok('s2s', { resource: 'recording', operation: 'get', sessionId: locator(recordedMeeting.id, 'list') });
		expect(recording).toMatchObject({ id: recordedMeeting.id, recording_files: expect.any(Array) });
		expect(recording.recording_files.length).toBeGreaterThan(0);
	});

	it('Authorization: Revoke Access with the Server-to-Server credential says it is for user OAuth2, without calling Zoom', async () => {
		await h().sandbox.delete('/_sandbox/requests');
		const result = await run('s2s', { resource: 'authorization', operation: 'revoke' });
		expect(result.nodes.Zoom.error?.message).toBe('Revoke Access works only with the OAuth2 (User) credential');
		expect((await h().sandbox.get('/_sandbox/requests')).data).toEqual([]);
	});
});

const MATCH = 'Zoom Attendance Match';

/**
 * Webhook → (Report: participants, Registrant: approved) → Attendance Match, inputs 0 and 1; with
 * `engagement`, Match with Include Engagement and the webinar's Q&A (Engagement: Get Q&A) on input 2.
 */
function attendanceWorkflow(path: string, webinar: SeededSession, engagement = false): Record<string, unknown> {
	const position = (x: number, y = 0) => [x * 220, y * 200];
	const node = (spec: NodeSpec, at: number[]) => ({ id: randomUUID(), typeVersion: 1, position: at, ...spec });
	return {
		name: `compat attendance ${path}`,
		nodes: [
			node({ name: 'Start', type: 'n8n-nodes-base.webhook', typeVersion: 2, webhookId: randomUUID(), parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} } }, position(0)),
			node(zoomConnectorNode('s2s', { resource: 'report', operation: 'getWebinarParticipants', sessionId: locator(webinar.id), returnAll: true }, { name: 'Participants' }), position(1, 0)),
			node(zoomConnectorNode('s2s', { resource: 'registrant', operation: 'getAll', sessionType: 'webinar', webinarId: locator(webinar.id), status: 'approved', returnAll: true }, { name: 'Registrants' }), position(1, 1)),
			...(engagement
				? [node(zoomConnectorNode('s2s', { resource: 'engagement', operation: 'getQa', source: 'pastSession', sessionType: 'webinar', sessionId: locator(String(webinar.id)), returnAll: true }, { name: 'Q&A' }), position(1, 2))]
				: []),
			node(
				{
					name: MATCH,
					type: `${PKG}.zoomAttendanceMatch`,
					typeVersion: 2,
					parameters: { minimumAttendance: 0, ...(engagement ? { includeEngagement: true } : {}), options: { addSummary: true } },
				},
				position(2),
			),
		],
		connections: {
			Start: { main: [['Participants', 'Registrants', ...(engagement ? ['Q&A'] : [])].map((name) => ({ node: name, type: 'main', index: 0 }))] },
			Participants: { main: [[{ node: MATCH, type: 'main', index: 0 }]] },
			Registrants: { main: [[{ node: MATCH, type: 'main', index: 1 }]] },
			...(engagement ? { 'Q&A': { main: [[{ node: MATCH, type: 'main', index: 2 }]] } } : {}),
		},
	};
}

describe(`n8n ${N8N_VERSION}: Zoom Attendance Match`, () => {
	it('sorts a small seeded webinar’s participants and registrants into Attended and Absent, reconciled', async () => {
		const path = `compat-attendance-${randomUUID()}`;
		const id = await h().n8n.createWorkflow(attendanceWorkflow(path, smallWebinar));
		try {
			await h().n8n.activate(id);
			const response = await postToWebhook(`${h().n8n.state.url}/webhook/${path}`, {}, { timeoutMs: 60_000 });
			expect(response.status).toBe(200);
			const [execution] = await h().n8n.waitForExecutions(id, 1, 60_000);
			const match = readRun(execution)[MATCH];
			expect(match.error).toBeUndefined();
			const [attended, , absent] = match.outputs;
			expect(attended.map((row) => row.email).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `participant${i}@example.com`));
			expect(absent.map((row) => row.email).sort()).toEqual([5, 6, 7].map((i) => `participant${i}@example.com`));
			expect(attended[0]._summary).toMatchObject({ registrations: 8, attended: 5, absent: 3, errors: 0, reconciled: true });
			// The counts also reach the editor as an execution hint.
			expect(execution.data.resultData.runData[MATCH][0].hints).toEqual([
				expect.objectContaining({ message: expect.stringMatching(/ and 8 registrations in, attended 5, .*absent 3$/) }),
			]);
		} finally {
			await h().n8n.deleteWorkflow(id).catch(() => undefined);
		}
	});

	it('takes the Q&A on its Engagement input: questionsAsked and engagementScore per person, the outsider in No Match', async () => {
		const path = `compat-engagement-${randomUUID()}`;
		const id = await h().n8n.createWorkflow(attendanceWorkflow(path, smallWebinar, true));
		try {
			await h().n8n.activate(id);
			expect((await postToWebhook(`${h().n8n.state.url}/webhook/${path}`, {}, { timeoutMs: 60_000 })).status).toBe(200);
			const [execution] = await h().n8n.waitForExecutions(id, 1, 60_000);
			const match = readRun(execution)[MATCH];
			expect(match.error).toBeUndefined();
			const [attended, noMatch, absent] = match.outputs;
			const asked = (rows: Array<Record<string, any>>) => Object.fromEntries(rows.map((row) => [row.email, row.questionsAsked]));
			expect(asked(attended)).toEqual({ 'participant0@example.com': 1, 'participant1@example.com': 0, 'participant2@example.com': 1, 'participant3@example.com': 0, 'participant4@example.com': 1 });
			expect(absent.every((row) => row.questionsAsked === 0 && typeof row.engagementScore === 'number')).toBe(true);
			expect(noMatch.map((row) => [row.email, row.questionsAsked, row.noMatchReason])).toEqual([['outsider0@example.com', 1, 'not-registered']]);
			expect(attended[0]._summary).toMatchObject({ engagementRows: 4, engagedPeople: 4, engagedOnly: 1, engagementReconciled: true, reconciled: true });
		} finally {
			await h().n8n.deleteWorkflow(id).catch(() => undefined);
		}
	});
});
