// `npx tsx sandbox/cli.ts`: run the sandbox on ZOOM_SANDBOX_PORT (default 4010) until SIGINT/SIGTERM.
import { SANDBOX_DEFAULTS, startSandbox } from './index';

async function main(): Promise<void> {
	const port = Number(process.env.ZOOM_SANDBOX_PORT ?? 4010);
	const sandbox = await startSandbox({ port, host: '127.0.0.1' });
	console.log(`Zoom sandbox listening on ${sandbox.url}`);
	console.log(`  REST API base:   ${sandbox.url}/v2`);
	console.log(`  OAuth authorize: ${sandbox.url}/oauth/authorize   token: ${sandbox.url}/oauth/token`);
	console.log(`  Control API:     ${sandbox.url}/_sandbox/...`);
	for (const [k, v] of Object.entries(SANDBOX_DEFAULTS)) console.log(`  ${k.padEnd(20)} ${v}`);
	const stop = (signal: string) => {
		console.log(`\n${signal}: stopping Zoom sandbox`);
		sandbox.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.once('SIGINT', () => stop('SIGINT'));
	process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err) => {
	console.error(err);
	process.exit(1);
});
