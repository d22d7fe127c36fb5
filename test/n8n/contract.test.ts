/**
 * Zoom's contract in real n8n: every operation of the Zoom Connector node (meetings and webinars, with
 * the OAuth2 and the Server-to-Server credential; the list is test/contract/connectorOperations.ts, held
 * to the node's operations by test/unit/contractCoverage.test.ts) and the Zoom Daily Sync Trigger run against the
 * sandbox, and every request in the sandbox's log must be an endpoint of Zoom's SDK (@zoom/rivet, read
 * by test/contract/rivetEndpoints.ts) or one of the OAuth/download URLs Zoom documents apart.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { contractOperations, type ContractSessions, type Kind, type Seeded } from '../contract/connectorOperations';
import { findEndpoint, matchesPath, OUTSIDE_REST } from '../contract/rivetEndpoints';
import { authentication, harness, type CredentialRef } from '../harness/context';
import { delay } from '../harness/n8n';
import { connectOAuth2 } from '../harness/oauth';
import { PACKAGE_DIR } from '../harness/paths';
import { sandboxCredentialData } from '../harness/setup';
import { DAILY_SYNC, dailySyncNode, NodeWorkflow, PKG, type NodeSpec } from '../harness/workflows';

const h = () => harness();

interface LogEntry {
	method: string;
	path: string;
	status: number;
}

const requests = async (): Promise<LogEntry[]> => (await h().sandbox.get('/_sandbox/requests')).data;
const future = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 19) + 'Z';

/** Requests that are neither a Rivet endpoint nor one of Zoom's OAuth/download URLs. */
function notZoom(log: LogEntry[]): string[] {
	return log
		.filter((r) => !findEndpoint(r.method, r.path) && !OUTSIDE_REST.some((o) => o.method === r.method && matchesPath(o.path, r.path)))
		.map((r) => `${r.method} ${r.path} → ${r.status}`);
}

async function control(path: string, body: Record<string, unknown> = {}) {
	const response = await h().sandbox.post(path, body);
	expect([path, response.status]).toEqual([path, 200]);
	return response.data;
}

/**
 * Fresh sessions for one run, so deletes and registrant changes touch nothing another test reads: live
 * ones for End, a summary and engagement on the ended ones, tracking sources on the upcoming webinar.
 */
async function seed(tag: string): Promise<ContractSessions> {
	const data = await control('/_sandbox/scenario', {
		meetings: [
			{ topic: `contract upcoming ${tag}`, start_time: future(), registrants: 3 },
			{ topic: `contract past ${tag}`, ended: { participants: 3, recording: true } },
			{ topic: `contract live ${tag}`, start_time: future() },
		],
		webinars: [
			{ topic: `contract upcoming webinar ${tag}`, start_time: future(), registrants: 3 },
			{ topic: `contract past webinar ${tag}`, ended: { participants: 3 }, absentees: 2 },
			{ topic: `contract live webinar ${tag}`, start_time: future() },
		],
	});
	const [meeting, pastMeeting, liveMeeting] = data.meetings as Seeded[];
	const [webinar, pastWebinar, liveWebinar] = data.webinars as Seeded[];
	await control(`/_sandbox/meetings/${liveMeeting.id}/start`);
	await control(`/_sandbox/webinars/${liveWebinar.id}/start`);
	await control('/_sandbox/summaries', { uuid: pastMeeting.latestUuid, overview: 'Contract', details: [{ label: 'Scope', summary: 'All' }], nextSteps: ['Ship'] });
	for (const past of [pastMeeting, pastWebinar]) {
		await control('/_sandbox/engagement', { meetingId: past.id, generate: { askEvery: 1, pollEvery: 1, surveyEvery: 1 } });
	}
	await control('/_sandbox/tracking_sources', { webinarId: webinar.id, sources: [{ source_name: 'Newsletter', visitor_count: 4, registration_count: 1 }] });
	return { meeting, pastMeeting, liveMeeting, webinar, pastWebinar, liveWebinar };
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
		const ops = contractOperations(sessions, kind);
		// One chain, each node once (executeOnce), so every operation runs exactly one time.
		const nodes = ops.map(
			({ nodeName, ...parameters }, index) =>
				({
					name: nodeName ?? `${index} ${parameters.resource} ${parameters.operation}`,
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
			// Always Output Data hides an empty answer as one empty item: every operation here has data to return.
			const empty = nodes.filter((node) => (run.nodes[node.name]?.outputs[0] ?? []).every((json) => Object.keys(json ?? {}).length === 0));
			expect(empty.map((node) => node.name)).toEqual([]);
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
