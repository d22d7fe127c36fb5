/**
 * The package through n8n's own UI, in a real browser (Debian's Chromium driven by playwright-core):
 * sign in, create a "Zoom Connector OAuth2 API" credential pointed at the sandbox, click Connect, press
 * Allow on the sandbox's consent page in n8n's popup, see "Account connected"; then open a workflow
 * that uses the credential, click "Execute workflow" and read the Zoom user in the node's output panel.
 *
 * Screenshots of every step go to test-artifacts/browser/*.png. With UPDATE_DOCS_SCREENSHOTS=1 the ones
 * docs/SANDBOX.md shows are copied to docs/screenshots/ (made small with pngquant when it is installed).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

import { SANDBOX_DEFAULTS } from '../../sandbox';
import { ensureChromiumInstalled, launchBrowser, signIn, updateDocsScreenshots, type BrowserSession } from '../harness/browser';
import { harness, type CredentialRef } from '../harness/context';
import { REPO_DIR } from '../harness/paths';
import { PKG, readRun } from '../harness/workflows';

const h = () => harness();
const CREDENTIAL_NAME = 'Zoom sandbox (browser)';
/** Screenshot name → file under docs/screenshots/ (the ones docs/SANDBOX.md shows). */
const DOCS: Record<string, string> = {
	'02-credential-filled': 'credential-custom-environment.png',
	'03-consent-page': 'sandbox-consent.png',
	'04-credential-connected': 'credential-connected.png',
	'06-workflow-executed': 'workflow-executed.png',
	'07-node-output': 'node-output.png',
	'11-meeting-list-open': 'resource-locator-meetings.png',
	'15-instance-list-open': 'resource-locator-instances.png',
};

let session: BrowserSession;
let page: Page;
let credential: CredentialRef | undefined;

const shot = async (name: string, target?: Page, options?: { fullPage?: boolean }): Promise<void> => {
	await session.shot(name, target, options);
};
const step = <T>(name: string, body: () => Promise<T>): Promise<T> => session.step(name, body);

const credentialModal = (): Locator => page.getByTestId('editCredential-modal');
const parameterInput = (name: string): Locator => credentialModal().getByTestId(`parameter-input-${name}`).locator('input');

/**
 * The workflow to run: an example from examples/ that needs nothing but the OAuth2 credential (a Manual
 * Trigger and read-only Zoom Connector calls, one of them User: Get "me"), or else one built here.
 */
function workflowToRun(credentialRef: CredentialRef): { name: string; zoomNode: string; nodes: any[]; connections: any; source: string } {
	const folder = join(REPO_DIR, 'examples');
	const files = existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.json')).sort() : [];
	for (const file of files) {
		let workflow: any;
		try {
			workflow = JSON.parse(readFileSync(join(folder, file), 'utf8'));
		} catch {
			continue;
		}
		const nodes: any[] = workflow.nodes ?? [];
		const allowed = ['n8n-nodes-base.manualTrigger', 'n8n-nodes-base.stickyNote', `${PKG}.zoomConnector`];
		if (!nodes.some((n) => n.type === 'n8n-nodes-base.manualTrigger')) continue;
		if (!nodes.every((n) => allowed.includes(n.type))) continue;
		const zoomNodes = nodes.filter((n) => n.type === `${PKG}.zoomConnector`);
		if (!zoomNodes.every((n) => ['get', 'getAll'].includes(n.parameters?.operation) && n.parameters?.authentication !== 'zoomConnectorServerToServerOAuthApi')) continue;
		const me = zoomNodes.find((n) => n.parameters?.resource === 'user' && n.parameters?.operation === 'get' && (n.parameters?.userId?.value ?? n.parameters?.userId ?? 'me') === 'me');
		if (!me) continue;
		for (const node of zoomNodes) node.credentials = { zoomConnectorOAuth2Api: credentialRef };
		return { name: `${workflow.name ?? file} (browser test)`, zoomNode: me.name, nodes, connections: workflow.connections, source: `examples/${file}` };
	}
	const trigger = 'When clicking ‘Execute workflow’';
	const zoomNode = 'Get my Zoom user';
	return {
		name: 'Zoom: who am I (browser test)',
		zoomNode,
		source: 'built by the test (no example fits)',
		nodes: [
			{ id: 'b7d1c7a2-0001-4c1e-9f00-000000000001', name: trigger, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'b7d1c7a2-0002-4c1e-9f00-000000000002',
				name: zoomNode,
				type: `${PKG}.zoomConnector`,
				typeVersion: 2,
				position: [260, 0],
				parameters: { authentication: 'zoomConnectorOAuth2Api', resource: 'user', operation: 'get', userId: { __rl: true, mode: 'list', value: 'me' } },
				credentials: { zoomConnectorOAuth2Api: credentialRef },
			},
		],
		connections: { [trigger]: { main: [[{ node: zoomNode, type: 'main', index: 0 }]] } },
	};
}

beforeAll(async () => {
	// Installs Debian's chromium on a fresh machine (root needed); throws with the reason otherwise.
	const install = ensureChromiumInstalled();
	if (!install.cached) console.log(`[browser] chromium installed in ${install.seconds.toFixed(0)}s`);
	session = await launchBrowser();
	page = session.page;
}, 20 * 60_000);

afterAll(async () => {
	await session?.close();
	if (session) updateDocsScreenshots(session.shots, DOCS);
});

describe('n8n’s editor in a real browser', () => {
	it('signs in as the owner', async () => {
		await step('sign-in', async () => {
			await signIn(page, h().n8n.state.url, () => shot('00-sign-in'));
			// Only for the picture: let the workflow list finish loading (bounded; the editor keeps a push connection).
			await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
			await shot('01-signed-in');
		});
	});

	it('creates a Zoom Connector OAuth2 credential for the sandbox and connects it through the consent page', async () => {
		const sandboxUrl = h().sandboxUrl;
		await step('credential', async () => {
			await page.goto(`${h().n8n.state.url}/home/credentials`);
			await page.getByTestId('add-resource-credential').click();
			await page.getByTestId('new-credential-type-select').click();
			await page.keyboard.type('Zoom Connector OAuth2');
			await page.getByTestId('new-credential-type-select-option').filter({ hasText: 'Zoom Connector OAuth2 API' }).first().click();
			await page.getByTestId('new-credential-type-button').click();
			await credentialModal().waitFor({ state: 'visible' });

			await credentialModal().getByTestId('credential-name').click();
			const name = credentialModal().getByTestId('inline-edit-input');
			await name.fill(CREDENTIAL_NAME);
			await name.press('Enter');
			await parameterInput('clientId').fill(SANDBOX_DEFAULTS.oauthClientId);
			await parameterInput('clientSecret').fill(SANDBOX_DEFAULTS.oauthClientSecret);
			await credentialModal().getByTestId('parameter-input-environment').click();
			await page.getByRole('option').filter({ hasText: /^\s*Custom/ }).first().click();
			await parameterInput('apiBaseUrl').fill(`${sandboxUrl}/v2`);
			await parameterInput('oauthBaseUrl').fill(`${sandboxUrl}/oauth`);
			await expect(parameterInput('oauthBaseUrl').inputValue()).resolves.toBe(`${sandboxUrl}/oauth`);
			await credentialModal().getByTestId('parameter-input-environment').scrollIntoViewIfNeeded();
			await shot('02-credential-filled');
		});

		await h().sandbox.delete('/_sandbox/requests');
		const popup = await step('connect', async () => {
			const banner = credentialModal().getByTestId('oauth-not-connected-banner');
			await banner.scrollIntoViewIfNeeded();
			const opened = page.context().waitForEvent('page', { timeout: 30_000 });
			await banner.getByRole('button', { name: /connect/i }).click();
			// n8n saves the credential, then opens the authorize URL in a popup window.
			const window = await opened;
			await window.waitForURL((url) => url.href.startsWith(`${sandboxUrl}/oauth/authorize`), { timeout: 30_000 });
			await window.getByRole('button', { name: 'Allow' }).waitFor({ state: 'visible' });
			await expect(window.locator('body').innerText()).resolves.toContain('Signed in as host@example.com');
			await shot('03-consent-page', window, { fullPage: true });
			return window;
		});

		await step('allow', async () => {
			const closed = popup.waitForEvent('close', { timeout: 30_000 }).then(
				() => true,
				() => false,
			);
			await popup.getByRole('button', { name: 'Allow' }).click();
			const success = credentialModal().getByTestId('oauth-connect-success-banner');
			await success.waitFor({ state: 'visible', timeout: 30_000 });
			await expect(success.innerText()).resolves.toMatch(/Account connected/);
			await success.scrollIntoViewIfNeeded();
			await shot('04-credential-connected');
			// n8n's callback page closes the popup once it has told the editor.
			expect(await closed).toBe(true);
		});

		// The connection is real: n8n stored the sandbox's token, got through the code grant.
		const credentials = await h().n8n.restCall<Array<{ id: string; name: string; type: string }>>('GET', '/credentials');
		const created = credentials.filter((c) => c.name === CREDENTIAL_NAME);
		expect(created).toHaveLength(1);
		expect(created[0].type).toBe('zoomConnectorOAuth2Api');
		credential = { id: created[0].id, name: created[0].name };
		const stored = await h().n8n.getCredential(credential.id);
		expect(stored.data).toMatchObject({
			environment: 'custom',
			apiBaseUrl: `${sandboxUrl}/v2`,
			oauthBaseUrl: `${sandboxUrl}/oauth`,
			clientId: SANDBOX_DEFAULTS.oauthClientId,
		});
		// n8n's REST API shows only that token data is stored (it answers `true`, never the token itself).
		expect(stored.data.oauthTokenData).toBe(true);
		// The sandbox saw the code exchanged for a token, and n8n's own credential test passes with it.
		const log: Array<{ method: string; path: string; status: number }> = (await h().sandbox.get('/_sandbox/requests')).data;
		expect(log).toContainEqual(expect.objectContaining({ method: 'POST', path: '/oauth/token', status: 200 }));
		await expect(h().n8n.testCredential(credential.id)).resolves.toMatchObject({ status: 'OK' });
	});

	it('opens a workflow with that credential, executes it and shows the sandbox user in the output panel', async () => {
		expect(credential).toBeDefined();
		const workflow = workflowToRun(credential!);
		console.log(`[browser] workflow: ${workflow.source}`);
		const workflowId = await h().n8n.createWorkflow({ name: workflow.name, nodes: workflow.nodes, connections: workflow.connections });

		await step('open-workflow', async () => {
			await page.goto(`${h().n8n.state.url}/home/workflows`);
			// Other tests leave workflows behind: narrow the list with its search box, then open ours by name.
			const search = page.getByPlaceholder(/^Search/).first();
			await search.fill(workflow.name);
			await page.getByText(workflow.name, { exact: true }).first().click();
			await page.waitForURL((url) => url.pathname.includes(`/workflow/${workflowId}`), { timeout: 30_000 });
			await page.getByTestId('canvas-node').filter({ hasText: workflow.zoomNode }).first().waitFor({ state: 'visible' });
			await shot('05-workflow-opened');
		});

		await step('execute', async () => {
			await page.getByTestId('execute-workflow-button').click();
			await page.getByText('Workflow executed successfully').first().waitFor({ state: 'visible', timeout: 60_000 });
			const zoomNode = page.getByTestId('canvas-node').filter({ hasText: workflow.zoomNode }).first();
			await zoomNode.getByTestId('canvas-node-status-success').waitFor({ state: 'visible' });
			// The button is back from its running state.
			await page.getByTestId('execute-workflow-button').filter({ hasText: /Execute workflow/ }).waitFor({ state: 'visible' });
			await shot('06-workflow-executed');
		});

		await step('output', async () => {
			await page.getByTestId('canvas-node').filter({ hasText: workflow.zoomNode }).first().dblclick();
			const output = page.getByTestId('output-panel');
			await output.waitFor({ state: 'visible' });
			await output.getByTestId('radio-button-json').click();
			await output.getByText('"host@example.com"').first().waitFor({ state: 'visible', timeout: 30_000 });
			const shown = await output.innerText();
			expect(shown).toContain('1 item');
			expect(shown).toContain('Sandbox Host');
			// Simplify is on by default: the documented fields (last_login_time the last), not Zoom's account_id.
			expect(shown).toContain('last_login_time');
			expect(shown).not.toContain('sandbox-account');
			await shot('07-node-output');
		});

		// What the UI showed is what n8n ran and saved: the sandbox's user, through our node.
		const executions = await h().n8n.waitForExecutions(workflowId, 1, 30_000);
		expect(executions[0].mode).toBe('manual');
		const run = readRun(executions[0]);
		expect(run[workflow.zoomNode].error).toBeUndefined();
		expect(run[workflow.zoomNode].outputs[0]).toEqual([
			expect.objectContaining({ email: 'host@example.com', display_name: 'Sandbox Host', last_login_time: expect.any(String) }),
		]);
	});

	it('picks a meeting from the From list dropdown, then a past meeting and its instance, and runs them', async () => {
		expect(credential).toBeDefined();
		const ns = Date.now().toString(36);
		const launch = `Browser ${ns}: launch rehearsal`;
		const weekly = `Browser ${ns}: weekly sync`;
		const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
		const seeded = await h().sandbox.post('/_sandbox/scenario', {
			meetings: [
				{ topic: launch, type: 2, start_time: inTwoDays },
				{ topic: weekly, ended: { instances: 3, participants: 4 } },
			],
		});
		expect(seeded.status).toBeLessThan(300);
		const [launchMeeting, weeklyMeeting] = seeded.data.meetings as Array<{ id: number; instances: Array<{ uuid: string; start_time: string }> }>;
		const trigger = 'When clicking ‘Execute workflow’';
		const zoomNode = 'Zoom Connector';
		const name = `Zoom: pick from lists (browser test ${ns})`;
		const workflowId = await h().n8n.createWorkflow({
			name,
			nodes: [
				{ id: 'b7d1c7a2-0101-4c1e-9f00-000000000001', name: trigger, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					id: 'b7d1c7a2-0102-4c1e-9f00-000000000002',
					name: zoomNode,
					type: `${PKG}.zoomConnector`,
					typeVersion: 2,
					position: [260, 0],
					parameters: { authentication: 'zoomConnectorOAuth2Api', resource: 'user', operation: 'get' },
					credentials: { zoomConnectorOAuth2Api: credential! },
				},
			],
			connections: { [trigger]: { main: [[{ node: zoomNode, type: 'main', index: 0 }]] } },
		});

		/** Chooses an option of an options parameter in the open node view. */
		const choose = async (parameter: string, option: string | RegExp) => {
			await page.getByTestId(`parameter-input-${parameter}`).click();
			await page.getByRole('option').filter({ hasText: option }).first().click();
		};
		/** The lines of the open From list dropdown. */
		const listItems = (): Locator => page.getByTestId('rlc-item').filter({ visible: true });
		/** Opens a From list dropdown, types `search` in its search box and waits for `pick` among its lines. */
		const openList = async (parameter: string, search: string, pick: string | RegExp): Promise<void> => {
			const locator = page.getByTestId(`resource-locator-${parameter}`);
			await locator.waitFor({ state: 'visible' });
			await locator.getByTestId('rlc-input').click();
			// The dropdown opens with its search box focused: type as a user would.
			if (search) {
				await page.locator('[data-test-id="rlc-search"]').filter({ visible: true }).first().waitFor({ state: 'visible' });
				await page.keyboard.type(search);
			}
			await listItems().filter({ hasText: pick }).first().waitFor({ state: 'visible', timeout: 30_000 });
		};

		await step('open-node', async () => {
			await page.goto(`${h().n8n.state.url}/workflow/${workflowId}`);
			const node = page.getByTestId('canvas-node').filter({ hasText: zoomNode }).first();
			await node.waitFor({ state: 'visible' });
			await node.dblclick();
			await page.getByTestId('parameter-input-resource').waitFor({ state: 'visible' });
			await shot('10-node-opened');
		});

		await step('meeting-get', async () => {
			await choose('resource', /^\s*Meeting\s*$/);
			await choose('operation', /^\s*Get\s*Get a Zoom meeting by its ID/);
			await openList('meetingId', 'launch reh', launch);
			// The list is the user's meetings filtered by topic: only ours is left.
			await expect(listItems().allInnerTexts()).resolves.toEqual([expect.stringContaining(launch)]);
			await shot('11-meeting-list-open');
			await listItems().filter({ hasText: launch }).first().click();
			await expect(page.getByTestId('resource-locator-meetingId').getByTestId('rlc-input').inputValue()).resolves.toContain(launch);
			await page.getByTestId('node-execute-button').first().click();
			const output = page.getByTestId('output-panel');
			await output.getByTestId('radio-button-json').click({ timeout: 60_000 });
			await output.getByText(launch).first().waitFor({ state: 'visible', timeout: 60_000 });
			await shot('12-meeting-output');
		});

		const newest = [...weeklyMeeting.instances].sort((a, b) => b.start_time.localeCompare(a.start_time));
		const chosen = newest[1];
		const chosenLabel = `${chosen.start_time.slice(0, 10)} ${chosen.start_time.slice(11, 16)} UTC`;
		await step('past-session', async () => {
			await choose('resource', /^\s*Past Session\s*$/);
			await choose('operation', /^\s*Get Participants/);
			await openList('sessionId', `${ns}: weekly`, weekly);
			await listItems().filter({ hasText: weekly }).first().click();
			await openList('instanceId', '', chosenLabel);
			// Newest first, each named by its start time.
			const shown = await listItems().allInnerTexts();
			expect(shown.map((text) => text.split('\n')[0].trim())).toEqual(newest.map((i) => `${i.start_time.slice(0, 10)} ${i.start_time.slice(11, 16)} UTC`));
			await shot('15-instance-list-open');
			await listItems().filter({ hasText: chosenLabel }).first().click();
			await page.getByTestId('node-execute-button').first().click();
			const output = page.getByTestId('output-panel');
			await output.getByTestId('radio-button-json').click({ timeout: 60_000 });
			await output.getByText(chosen.uuid).first().waitFor({ state: 'visible', timeout: 60_000 });
			await shot('16-participants-output');
		});

		// What the editor ran: the meeting picked, then the instance picked, through our node.
		const executions = await h().n8n.waitForExecutions(workflowId, 2, 30_000);
		const runs = executions.map((execution) => readRun(execution)[zoomNode]);
		const meetingRun = runs.find((run) => run.outputs[0]?.[0]?.topic === launch);
		expect(meetingRun?.outputs[0]).toEqual([expect.objectContaining({ id: launchMeeting.id, topic: launch })]);
		const participantsRun = runs.find((run) => run.outputs[0]?.[0]?.sessionUuid !== undefined);
		expect(participantsRun?.outputs[0].length).toBeGreaterThan(0);
		expect(participantsRun?.outputs[0].every((row) => row.sessionUuid === chosen.uuid && row.sessionId === weeklyMeeting.id)).toBe(true);
	});

	it('draws the Attendance Match with a third input, Engagement, when Include Engagement is on, two otherwise, and one (Registrations, or Start with both lists read from Zoom) with Participants: Fetch From Zoom', async () => {
		const match = (name: string, typeVersion: number, parameters: Record<string, unknown>, y: number) => ({
			id: randomUUID(), name, type: `${PKG}.zoomAttendanceMatch`, typeVersion, position: [0, y], parameters,
		});
		const name = `browser engagement inputs ${randomUUID().slice(0, 8)}`;
		const workflowId = await h().n8n.createWorkflow({
			name,
			nodes: [match('Match with engagement', 2, { includeEngagement: true }, 0), match('Match two inputs', 2, {}, 300), match('Match participants from Zoom', 2, { participantsSource: 'zoom' }, 600), match('Match both from Zoom', 2, { participantsSource: 'zoom', registrationsSource: 'zoom' }, 900)],
			connections: {},
		});
		await step('engagement-inputs', async () => {
			await page.goto(`${h().n8n.state.url}/workflow/${workflowId}`);
			const inputs = (node: string) => page.locator('.vue-flow__node').filter({ hasText: node }).getByTestId('canvas-node-input-handle');
			await inputs('Match with engagement').first().waitFor({ state: 'visible', timeout: 60_000 });
			await shot('08-attendance-match-inputs');
			expect(await inputs('Match with engagement').count()).toBe(3);
			expect(await inputs('Match two inputs').count()).toBe(2);
			expect(await inputs('Match participants from Zoom').count()).toBe(1);
			expect(await inputs('Match both from Zoom').count()).toBe(1);
			await expect(page.locator('.vue-flow__node').filter({ hasText: 'Match both from Zoom' }).innerText()).resolves.toContain('Start');
			await expect(page.locator('.vue-flow__node').filter({ hasText: 'Match with engagement' }).innerText()).resolves.toContain('Engagement');
		});
	});
});

