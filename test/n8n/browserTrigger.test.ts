/**
 * Registration: Automatic through n8n's own UI, in a real browser (see browser.test.ts for the harness): open a
 * workflow whose Zoom Connector Trigger registers itself with a Server-to-Server credential, press Publish as a
 * user does, and find exactly one event subscription in the sandbox with the chosen events and n8n's production
 * URL; unpublish it in the editor and find it gone.
 *
 * Screenshots go to test-artifacts/browser/2*.png; with UPDATE_DOCS_SCREENSHOTS=1 the published workflow is
 * copied to docs/screenshots/trigger-published.png (the README's trigger section shows it).
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';

import { AUTO_TRIGGER, autoRegistrationWorkflow, productionUrlOf, subscriptionsOf, until } from '../harness/autoRegistration';
import { ensureChromiumInstalled, launchBrowser, signIn, updateDocsScreenshots, type BrowserSession } from '../harness/browser';
import { harness, zoomCredentials } from '../harness/context';

const h = () => harness();
const DOCS: Record<string, string> = { '24-trigger-published': 'trigger-published.png' };
/** Two events, in the order Zoom lists them back. */
const EVENTS = ['meeting.ended', 'meeting.participant_joined'];

let session: BrowserSession;
let page: Page;
let workflowId = '';

beforeAll(async () => {
	const install = ensureChromiumInstalled();
	if (!install.cached) console.log(`[browser] chromium installed in ${install.seconds.toFixed(0)}s`);
	session = await launchBrowser();
	page = session.page;
	await session.step('trigger-sign-in', () => signIn(page, h().n8n.state.url));
}, 20 * 60_000);

afterAll(async () => {
	if (workflowId) {
		await h().n8n.deactivate(workflowId).catch(() => undefined);
		await h().n8n.deleteWorkflow(workflowId).catch(() => undefined);
	}
	await session?.close();
	if (session) updateDocsScreenshots(session.shots, DOCS);
});

describe('Registration: Automatic in n8n’s editor', () => {
	it('publishing the workflow registers one subscription with the chosen events and n8n’s production URL; unpublishing deletes it', async () => {
		const webhookId = randomUUID();
		const subscriptions = () => subscriptionsOf(webhookId);
		const name = `Zoom: meeting ended (browser test ${webhookId.slice(0, 8)})`;
		workflowId = await h().n8n.createWorkflow(
			autoRegistrationWorkflow(name, webhookId, { registration: 'automatic', authentication: 'zoomConnectorServerToServerOAuthApi', events: EVENTS }, zoomCredentials('s2s')),
		);
		expect(await subscriptions()).toEqual([]);

		await session.step('trigger-open', async () => {
			await page.goto(`${h().n8n.state.url}/workflow/${workflowId}`);
			await page.getByTestId('canvas-node').filter({ hasText: AUTO_TRIGGER }).first().waitFor({ state: 'visible' });
			await session.shot('20-trigger-workflow-opened');
		});

		await session.step('trigger-publish', async () => {
			// n8n 2.x has no Active toggle: Publish opens a modal asking for a version name (prefilled), then Publish again.
			await page.getByTestId('workflow-open-publish-modal-button').click();
			await page.getByTestId('workflow-publish-button').waitFor({ state: 'visible' });
			await session.shot('21-trigger-publish-modal');
			await page.getByTestId('workflow-publish-button').click();
			// The header's button reads "Published" beside a dot, and n8n shows the trigger's activation message.
			const header = page.getByTestId('workflow-open-publish-modal-button');
			await header.filter({ hasText: /^\s*Published\s*$/ }).waitFor({ state: 'visible', timeout: 60_000 });
			await header.getByTestId('workflow-active-version-indicator').waitFor({ state: 'visible' });
			const published = page.getByRole('dialog').filter({ hasText: 'Workflow published' });
			await published.waitFor({ state: 'visible' });
			await session.shot('22-trigger-published-message');
			await published.getByRole('button', { name: 'Got it' }).click();
			await published.waitFor({ state: 'hidden' });
		});

		// n8n activates in the background: the subscription appears once the node has registered it.
		const registered = await until('the subscription', subscriptions, (found) => found.length > 0);
		expect(registered).toEqual([expect.objectContaining({ events: EVENTS, url: productionUrlOf(webhookId), scope: 'account', accountSubscribed: true })]);
		expect((await h().n8n.apiCall('GET', `/workflows/${workflowId}`)).active).toBe(true);

		await session.step('trigger-node', async () => {
			// The node as the user sees it once published: the Automatic notice, the two credentials, the events.
			await page.getByTestId('canvas-node').filter({ hasText: AUTO_TRIGGER }).first().dblclick();
			const events = page.getByTestId('parameter-input-events');
			await events.filter({ hasText: 'Meeting Participant Joined' }).waitFor({ state: 'visible' });
			await page.getByText('On activation this node registers an event subscription').first().waitFor({ state: 'visible' });
			await session.shot('23-trigger-node-published');
			await page.keyboard.press('Escape');
			await events.waitFor({ state: 'hidden' });
			// Off the node, so its hover toolbar is not in the picture.
			await page.mouse.move(200, 700);
			await session.shot('24-trigger-published');
		});

		await session.step('trigger-unpublish', async () => {
			await page.getByTestId('version-menu-button').click();
			await page.getByTestId('version-menu').getByText('Unpublish', { exact: true }).click();
			const confirm = page.getByTestId('workflow-history-version-unpublish-modal');
			await confirm.waitFor({ state: 'visible' });
			await session.shot('25-trigger-unpublish-confirm');
			await confirm.getByRole('button', { name: 'Unpublish' }).click();
			await page.getByTestId('workflow-open-publish-modal-button').filter({ hasText: /^\s*Publish\s*$/ }).waitFor({ state: 'visible', timeout: 60_000 });
			await session.shot('26-trigger-unpublished');
		});

		await until('the subscription to be deleted', subscriptions, (found) => found.length === 0);
		expect((await h().n8n.apiCall('GET', `/workflows/${workflowId}`)).active).toBe(false);
	});
});
