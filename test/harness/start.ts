/**
 * `npm start`: the Zoom sandbox plus a real n8n with this package installed, an owner, credentials
 * already pointed at the sandbox (OAuth2 connected, Server-to-Server, webhook secret), and the example
 * workflows imported. Ctrl-C stops everything: this process stops n8n when it gets the signal, and the
 * reaper (reaper.mjs) stops it if this process is ended before it could (npm and tsx receive a terminal's
 * Ctrl-C too, and may end first).
 */
import { existsSync } from 'node:fs';

import { SANDBOX_DEFAULTS } from '../../sandbox';
import { createBody, EXAMPLES_DIR, exampleFiles, readExample, usesBrevo, withHarnessCredentials } from './examples';
import { OWNER } from './n8n';
import { startEnvironment, type Environment } from './setup';

/** Imports examples/*.json, pointing their credentials at the ones just created. */
async function importExamples(environment: Environment): Promise<string[]> {
	if (!existsSync(EXAMPLES_DIR)) return [];
	const imported: string[] = [];
	for (const file of exampleFiles()) {
		const workflow = withHarnessCredentials(readExample(file), environment.state);
		await environment.n8n.createWorkflow(createBody(workflow));
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
	// The Brevo stand-in (and n8n's route to it) only when an example talks to Brevo.
	const brevo = existsSync(EXAMPLES_DIR) && exampleFiles().some((file) => usesBrevo(readExample(file)));
	const brevoPort = Number(process.env.BREVO_STANDIN_PORT ?? 4020);
	const environment = await startEnvironment({ sandboxPort, brevo, brevoPort, n8n: { port: n8nPort, logName: 'n8n-start' } });
	const examples = await importExamples(environment);

	const { n8n, sandbox, state, brevo: brevoStandIn } = environment;
	const brevoLines = brevoStandIn
		? `
  Brevo stand-in: ${brevoStandIn.url}/_brevo/state   (n8n reaches api.brevo.com there through HTTPS_PROXY; credential "${state.brevo?.credential.name}")`
		: '';
	console.log(`
Ready.
  n8n:          ${n8n.state.url}   (pid ${n8n.state.pid}, log: ${n8n.state.logFile})
  login:        ${OWNER.email} / ${OWNER.password}
  Zoom sandbox: ${sandbox.url}   (control API: ${sandbox.url}/_sandbox, see sandbox/README.md)
  credentials:  "${state.credentials.oauth2.name}" (connected), "${state.credentials.s2s.name}", "${state.credentials.webhook.name}"
  webhook secret token: ${SANDBOX_DEFAULTS.webhookSecretToken}${brevoLines}
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
		await brevoStandIn?.close();
		process.exit(0);
	};
	process.removeAllListeners('SIGINT');
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
	process.on('SIGHUP', () => void stop());
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
