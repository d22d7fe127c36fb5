/** Brings up the sandbox and n8n with credentials pointed at it: shared by the tests and `npm start`. */
import { startSandbox, SANDBOX_DEFAULTS, type RunningSandbox } from '../../sandbox';
import { startBrevo, type RunningBrevo } from '../../sandbox/brevo';
import { ensureN8nInstalled, N8n, type N8nOptions } from './n8n';
import type { HarnessState } from './context';
import { connectOAuth2 } from './oauth';
import { queueEnvironment, startHelper, startQueueServices, stopQueueServices, type QueueServicesState } from './queue';

export interface Environment {
	sandbox: RunningSandbox;
	n8n: N8n;
	state: HarnessState;
	/** The Brevo stand-in, when started with `brevo: true`. */
	brevo?: RunningBrevo;
	/** PostgreSQL and Redis, in queue mode. */
	queueServices?: QueueServicesState;
}

export function sandboxCredentialData(sandboxUrl: string) {
	const custom = { environment: 'custom', apiBaseUrl: `${sandboxUrl}/v2`, oauthBaseUrl: `${sandboxUrl}/oauth` };
	return {
		oauth2: { ...custom, clientId: SANDBOX_DEFAULTS.oauthClientId, clientSecret: SANDBOX_DEFAULTS.oauthClientSecret },
		s2s: {
			...custom,
			accountId: SANDBOX_DEFAULTS.s2sAccountId,
			clientId: SANDBOX_DEFAULTS.s2sClientId,
			clientSecret: SANDBOX_DEFAULTS.s2sClientSecret,
		},
		webhook: { secretToken: SANDBOX_DEFAULTS.webhookSecretToken },
	};
}

export const BREVO_CREDENTIAL_NAME = 'Brevo stand-in';

/**
 * `brevo: true` also starts the Brevo stand-in, gives n8n the environment that routes its calls to
 * api.brevo.com there (HTTPS_PROXY, NO_PROXY, NODE_EXTRA_CA_CERTS) and creates a Brevo credential.
 */
export async function startEnvironment(
	options: {
		sandboxPort?: number;
		n8n?: N8nOptions;
		brevo?: boolean;
		brevoPort?: number;
		/** n8n in queue mode: PostgreSQL, Redis, main + `workers` workers + one webhook processor. */
		queue?: { workers: number };
	} = {},
): Promise<Environment> {
	const timings: Record<string, number> = {};
	let mark = Date.now();
	const install = ensureN8nInstalled();
	timings[install.cached ? 'n8nInstallCachedSeconds' : 'n8nInstallColdSeconds'] = (Date.now() - mark) / 1000;

	const sandbox = await startSandbox({ port: options.sandboxPort ?? 0, quiet: true });
	const brevo = options.brevo ? await startBrevo({ port: options.brevoPort ?? 0 }) : undefined;
	mark = Date.now();
	const queueServices = options.queue ? await startQueueServices() : undefined;
	const sharedEnv = { ...brevo?.env, ...(queueServices ? queueEnvironment(queueServices) : {}), ...options.n8n?.env };
	const { n8n, startSeconds } = await N8n.start({ ...options.n8n, env: sharedEnv });
	timings.n8nStartSeconds = startSeconds;
	if (options.queue) {
		mark = Date.now();
		const roles = [...Array<'worker'>(options.queue.workers).fill('worker'), 'webhook' as const];
		// One after another: started together on two cores they take longer than in turn.
		n8n.state.helpers = [];
		for (const role of roles) n8n.state.helpers.push(await startHelper(n8n, role, sharedEnv));
		timings.queueHelpersStartSeconds = (Date.now() - mark) / 1000;
	}

	const data = sandboxCredentialData(sandbox.url);
	const oauth2Id = await n8n.createCredential('Zoom sandbox (OAuth2)', 'zoomConnectorOAuth2Api', data.oauth2);
	const connect = await connectOAuth2(n8n, oauth2Id);
	if (connect.callbackStatus >= 400) throw new Error(`OAuth callback failed: ${connect.callbackBody.slice(0, 300)}`);
	const s2sId = await n8n.createCredential('Zoom sandbox (Server-to-Server)', 'zoomConnectorServerToServerOAuthApi', data.s2s);
	const webhookId = await n8n.createCredential('Zoom sandbox (webhook secret)', 'zoomConnectorWebhookApi', data.webhook);
	const brevoCredentialId = brevo ? await n8n.createCredential(BREVO_CREDENTIAL_NAME, 'sendInBlueApi', { apiKey: brevo.apiKey }) : undefined;
	timings.setupSeconds = (Date.now() - mark) / 1000;

	const state: HarnessState = {
		sandboxUrl: sandbox.url,
		n8n: n8n.state,
		credentials: {
			oauth2: { id: oauth2Id, name: 'Zoom sandbox (OAuth2)' },
			s2s: { id: s2sId, name: 'Zoom sandbox (Server-to-Server)' },
			webhook: { id: webhookId, name: 'Zoom sandbox (webhook secret)' },
		},
		timings,
		...(brevo && brevoCredentialId ? { brevo: { url: brevo.url, credential: { id: brevoCredentialId, name: BREVO_CREDENTIAL_NAME } } } : {}),
	};
	if (queueServices) state.queue = { services: queueServices, env: sharedEnv, webhookUrl: n8n.state.helpers?.find((h) => h.role === 'webhook')?.url ?? '' };
	return { sandbox, n8n, state, brevo, queueServices };
}

export async function stopEnvironment(environment: Environment): Promise<void> {
	await environment.n8n.stop({ removeUserFolder: true });
	if (environment.queueServices) await stopQueueServices(environment.queueServices);
	await environment.sandbox.close();
	await environment.brevo?.close();
}
