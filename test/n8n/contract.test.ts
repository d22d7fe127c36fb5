/**
 * Zoom's contract in real n8n: every operation of the Zoom Connector node (meetings and webinars, with
 * the OAuth2 and the Server-to-Server credential) and the Zoom Daily Sync Trigger run against the
 * sandbox, and every request in the sandbox's log must be an endpoint of Zoom's SDK (@zoom/rivet, read
 * by test/contract/rivetEndpoints.ts) or one of the OAuth/download URLs Zoom documents apart.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { findEndpoint, matchesPath, OUTSIDE_REST } from '../contract/rivetEndpoints';
import { authentication, harness, type CredentialRef } from '../harness/context';
import { delay } from '../harness/n8n';
import { connectOAuth2 } from '../harness/oauth';
import { PACKAGE_DIR } from '../harness/paths';
import { sandboxCredentialData } from '../harness/setup';
import { DAILY_SYNC, dailySyncNode, NodeWorkflow, PKG, type NodeSpec } from '../harness/workflows';

const h = () => harness();
type Kind = 'oauth2' | 's2s';

interface LogEntry {
	method: string;
	path: string;
	status: number;
}
interface Seeded {
	id: number;
	latestUuid: string;
}

const requests = async (): Promise<LogEntry[]> => (await h().sandbox.get('/_sandbox/requests')).data;
const future = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 19) + 'Z';
const today = () => new Date().toISOString().slice(0, 10);
const monthAgo = () => new Date(Date.now() - 28 * 86_400_000).toISOString().slice(0, 10);

/** Requests that are neither a Rivet endpoint nor one of Zoom's OAuth/download URLs. */
function notZoom(log: LogEntry[]): string[] {
	return log
		.filter((r) => !findEndpoint(r.method, r.path) && !OUTSIDE_REST.some((o) => o.method === r.method && matchesPath(o.path, r.path)))
		.map((r) => `${r.method} ${r.path} → ${r.status}`);
}

/** Fresh sessions for one run, so deletes and registrant changes touch nothing another test reads. */
async function seed(tag: string) {
	const response = await h().sandbox.post('/_sandbox/scenario', {
		meetings: [
			{ topic: `contract upcoming ${tag}`, start_time: future(), registrants: 3 },
			{ topic: `contract past ${tag}`, ended: { participants: 3, recording: true } },
		],
		webinars: [
			{ topic: `contract upcoming webinar ${tag}`, start_time: future(), registrants: 3 },
			{ topic: `contract past webinar ${tag}`, ended: { participants: 3 }, absentees: 2 },
		],
	});
	expect(response.status).toBeLessThan(300);
	const [meeting, pastMeeting] = response.data.meetings as Seeded[];
	const [webinar, pastWebinar] = response.data.webinars as Seeded[];
	return { meeting, pastMeeting, webinar, pastWebinar };
}

/** Every operation of the Zoom Connector node, once each, in an order where each finds what it needs. */
function operations(s: Awaited<ReturnType<typeof seed>>, kind: Kind): Array<Record<string, unknown>> {
	const registrantOps = (sessionType: 'meeting' | 'webinar', id: number) => {
		const ref = sessionType === 'meeting' ? { sessionType, meetingId: id } : { sessionType, webinarId: id };
		return [
			{ resource: 'registrant', operation: 'add', ...ref, email: `new-${sessionType}@example.com`, firstName: 'New' },
			{ resource: 'registrant', operation: 'getAll', ...ref, status: 'approved', returnAll: true },
			{ resource: 'registrant', operation: 'approve', ...ref, registrants: 'participant0@example.com' },
			{ resource: 'registrant', operation: 'deny', ...ref, registrants: 'participant1@example.com' },
			{ resource: 'registrant', operation: 'cancel', ...ref, registrants: 'participant2@example.com' },
		];
	};
	const pastOps = (sessionType: 'meeting' | 'webinar', past: Seeded) => [
		{ resource: 'pastSession', operation: 'get', sessionType, sessionId: String(past.id) },
		{ resource: 'pastSession', operation: 'getInstances', sessionType, sessionId: String(past.id) },
		{ resource: 'pastSession', operation: 'getParticipants', sessionType, sessionId: String(past.id), returnAll: true, addSessionFields: true },
		{ resource: 'pastSession', operation: 'getParticipants', sessionType, sessionId: past.latestUuid, returnAll: true, addSessionFields: false },
	];
	const ops: Array<Record<string, unknown>> = [
		{ resource: 'user', operation: 'get', userId: 'me' },
		{ resource: 'user', operation: 'getAll', returnAll: true, status: 'active' },
		{ resource: 'meeting', operation: 'create', userId: 'me', topic: 'contract created', type: 2, startTime: future() },
		{ resource: 'meeting', operation: 'get', meetingId: s.meeting.id },
		{ resource: 'meeting', operation: 'getInvitation', meetingId: s.meeting.id },
		{ resource: 'meeting', operation: 'update', meetingId: s.meeting.id, updateFields: { agenda: 'contract' } },
		{ resource: 'meeting', operation: 'getAll', userId: 'me', listType: 'scheduled', returnAll: true },
		{ resource: 'webinar', operation: 'create', userId: 'me', topic: 'contract webinar', type: 5, startTime: future() },
		{ resource: 'webinar', operation: 'get', webinarId: s.webinar.id },
		{ resource: 'webinar', operation: 'update', webinarId: s.webinar.id, updateFields: { agenda: 'contract' } },
		{ resource: 'webinar', operation: 'getAll', userId: 'me', listType: 'scheduled', returnAll: true },
		...registrantOps('meeting', s.meeting.id),
		...registrantOps('webinar', s.webinar.id),
		...pastOps('meeting', s.pastMeeting),
		...pastOps('webinar', s.pastWebinar),
		{ resource: 'pastSession', operation: 'getAbsentees', sessionId: String(s.pastWebinar.id), returnAll: true },
		{ resource: 'report', operation: 'getMeeting', sessionId: String(s.pastMeeting.id) },
		{ resource: 'report', operation: 'getMeetingParticipants', sessionId: String(s.pastMeeting.id), returnAll: true },
		{ resource: 'report', operation: 'getWebinar', sessionId: String(s.pastWebinar.id) },
		{ resource: 'report', operation: 'getWebinarParticipants', sessionId: String(s.pastWebinar.id), returnAll: true, includeRegistrantId: true },
		{ resource: 'recording', operation: 'get', sessionId: String(s.pastMeeting.id), includeDownloadToken: true },
		{ resource: 'recording', operation: 'getAll', userId: 'me', from: monthAgo(), to: today(), returnAll: true },
		{ resource: 'recording', operation: 'getTranscript', sessionId: String(s.pastMeeting.id) },
		{ resource: 'recording', operation: 'download', sessionId: String(s.pastMeeting.id), pickFileBy: 'fileType', fileType: 'MP4', binaryPropertyName: 'data' },
		{ resource: 'meeting', operation: 'delete', meetingId: s.meeting.id },
		{ resource: 'webinar', operation: 'delete', webinarId: s.webinar.id },
	];
	// Revoke ends the credential, so it comes last, on a credential of this test's own.
	if (kind === 'oauth2') ops.push({ resource: 'authorization', operation: 'revoke' });
	return ops;
}

/** A fresh, connected OAuth2 credential (revoked at the end), or the shared Server-to-Server one. */
async function credentialFor(kind: Kind): Promise<CredentialRef> {
	if (kind === 's2s') return h().credentials.s2s;
	const name = `contract OAuth2 ${randomUUID().slice(0, 8)}`;
	const id = await h().n8n.createCredential(name, 'zoomConnectorOAuth2Api', sandboxCredentialData(h().sandboxUrl).oauth2);
	await connectOAuth2(h().n8n, id);
	return { id, name };
}

describe('@zoom/rivet is a development tool only', () => {
	it('is a devDependency, never a runtime one, and nothing in dist/ names it', () => {
		const manifest = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
		expect(manifest.devDependencies?.['@zoom/rivet']).toBe('0.4.0');
		expect(manifest.dependencies?.['@zoom/rivet']).toBeUndefined();
		const files = (readdirSync(join(PACKAGE_DIR, 'dist'), { recursive: true }) as string[]).filter((f) => /\.(js|ts)$/.test(f));
		expect(files.length).toBeGreaterThan(10);
		expect(files.filter((f) => readFileSync(join(PACKAGE_DIR, 'dist', f), 'utf8').includes('@zoom/rivet'))).toEqual([]);
	});
});

describe('every request the nodes send is an endpoint Zoom publishes', () => {
	it.each<Kind>(['oauth2', 's2s'])('every Zoom Connector operation, meetings and webinars (%s)', async (kind) => {
		const sessions = await seed(randomUUID().slice(0, 8));
		const credential = await credentialFor(kind);
		const credentialKey = kind === 'oauth2' ? 'zoomConnectorOAuth2Api' : 'zoomConnectorServerToServerOAuthApi';
		const ops = operations(sessions, kind);
		// One chain, each node once (executeOnce), so every operation runs exactly one time.
		const nodes = ops.map(
			(parameters, index) =>
				({
					name: `${index} ${parameters.resource} ${parameters.operation}`,
					type: `${PKG}.zoomConnector`,
					parameters: { authentication: authentication(kind), ...parameters },
					credentials: { [credentialKey]: credential },
					executeOnce: true,
					alwaysOutputData: true,
				}) as NodeSpec,
		);
		await h().sandbox.delete('/_sandbox/requests');
		const workflow = new NodeWorkflow(h().n8n, nodes);
		try {
			const run = await workflow.run();
			const failed = nodes.filter((node) => run.nodes[node.name]?.error).map((node) => `${node.name}: ${run.nodes[node.name].error?.message}`);
			expect(failed).toEqual([]);
			expect(nodes.filter((node) => !run.nodes[node.name]).map((node) => node.name)).toEqual([]);
		} finally {
			await workflow.remove();
		}
		const log = await requests();
		expect(log.length).toBeGreaterThanOrEqual(ops.length);
		expect(notZoom(log)).toEqual([]);
		// Nothing was refused as unknown: a 404 here would be a path Zoom lacks that the sandbox still served.
		expect(log.filter((r) => r.status === 404).map((r) => `${r.method} ${r.path}`)).toEqual([]);
	});

	it('the Zoom Daily Sync Trigger, all hosts, meetings and webinars, with participants', async () => {
		const tag = randomUUID().slice(0, 8);
		const users = [{ email: `contract-${tag}@example.com`, first_name: 'Contract', last_name: tag }];
		await h().sandbox.post('/_sandbox/scenario', {
			users,
			meetings: [{ hostEmail: users[0].email, topic: `sync meeting ${tag}`, ended: { endedMinutesAgo: 60, participants: 2 } }],
			webinars: [{ hostEmail: users[0].email, topic: `sync webinar ${tag}`, ended: { endedMinutesAgo: 50, participants: 2 } }],
		});
		for (const hosts of [
			{ hosts: 'all' },
			{ hosts: 'list', userIds: users[0].email },
		]) {
			const workflowId = await h().n8n.createWorkflow({
				name: `contract daily sync ${tag}`,
				nodes: [dailySyncNode(h().credentials.s2s, { ...hosts, sessionTypes: 'both', includeParticipants: true, output: 'participant' })],
				connections: {},
				settings: { executionOrder: 'v1', timezone: 'UTC' },
			});
			await h().sandbox.delete('/_sandbox/requests');
			try {
				await h().n8n.activate(workflowId);
				const executions = await h().n8n.waitForExecutions(workflowId, 1, 60_000);
				await h().n8n.deactivate(workflowId);
				const items = executions[0]?.data?.resultData?.runData?.[DAILY_SYNC]?.[0]?.data?.main?.[0] ?? [];
				const topics = new Set(items.map((item: { json: { sessionTopic?: string } }) => item.json.sessionTopic));
				expect([...topics]).toEqual(expect.arrayContaining([`sync meeting ${tag}`, `sync webinar ${tag}`]));
			} finally {
				await h().n8n.deleteWorkflow(workflowId).catch(() => undefined);
			}
			await delay(500);
			const log = await requests();
			expect(log.some((r) => r.path.startsWith('/v2/report/webinars/'))).toBe(true);
			expect(notZoom(log)).toEqual([]);
			expect(log.filter((r) => r.status === 404).map((r) => `${r.method} ${r.path}`)).toEqual([]);
		}
	});
});
