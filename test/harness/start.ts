/**
 * `npm start`: the Zoom sandbox plus a real n8n with this package installed, an owner, credentials
 * already pointed at the sandbox (OAuth2 connected, Server-to-Server, webhook secret), and the example
 * workflows imported. Ctrl-C stops everything.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { SANDBOX_DEFAULTS } from '../../sandbox';
import { OWNER } from './n8n';
import { PACKAGE_DIR } from './paths';
import { startEnvironment, type Environment } from './setup';

const CREDENTIAL_TYPES: Record<string, 'oauth2' | 's2s' | 'webhook'> = {
	zoomConnectorOAuth2Api: 'oauth2',
	zoomConnectorServerToServerOAuthApi: 's2s',
	zoomConnectorWebhookApi: 'webhook',
};

/** Imports examples/*.json, pointing their Zoom credentials at the ones just created. */
async function importExamples(environment: Environment): Promise<string[]> {
	const folder = join(PACKAGE_DIR, 'examples');
	if (!existsSync(folder)) return [];
	const imported: string[] = [];
	for (const file of readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
		const workflow = JSON.parse(readFileSync(join(folder, file), 'utf8'));
		for (const node of workflow.nodes ?? []) {
			for (const type of Object.keys(node.credentials ?? {})) {
				const kind = CREDENTIAL_TYPES[type];
				if (kind) node.credentials[type] = environment.state.credentials[kind];
			}
		}
		await environment.n8n.createWorkflow({
			name: workflow.name ?? file,
			nodes: workflow.nodes,
			connections: workflow.connections,
			settings: workflow.settings ?? { executionOrder: 'v1' },
		});
		imported.push(workflow.name ?? file);
	}
	return imported;
}

async function main(): Promise<void> {
	const sandboxPort = Number(process.env.ZOOM_SANDBOX_PORT ?? 4010);
	const n8nPort = Number(process.env.N8N_PORT ?? 5678);
	// Interrupted while starting: exit, and the exit hook of the harness stops n8n.
	process.once('SIGINT', () => process.exit(130));
	console.log('Starting the Zoom sandbox and n8n (the first run installs n8n, several minutes)…');
	const environment = await startEnvironment({ sandboxPort, n8n: { port: n8nPort, logName: 'n8n-start' } });
	const examples = await importExamples(environment);

	const { n8n, sandbox, state } = environment;
	console.log(`
Ready.
  n8n:          ${n8n.state.url}   (log: ${n8n.state.logFile})
  login:        ${OWNER.email} / ${OWNER.password}
  Zoom sandbox: ${sandbox.url}   (control API: ${sandbox.url}/_sandbox, see sandbox/README.md)
  credentials:  "${state.credentials.oauth2.name}" (connected), "${state.credentials.s2s.name}", "${state.credentials.webhook.name}"
  webhook secret token: ${SANDBOX_DEFAULTS.webhookSecretToken}
  examples:     ${examples.length ? examples.join(', ') : 'none yet'}
  n8n ${state.timings.n8nStartSeconds}s to start.
Press Ctrl-C to stop.`);

	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping n8n and the sandbox…');
		await n8n.stop({ removeUserFolder: true });
		await sandbox.close();
		process.exit(0);
	};
	process.removeAllListeners('SIGINT');
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
