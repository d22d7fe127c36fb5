/** What the benchmarks that need n8n share: an environment that is always stopped, and a failure exit. */
import { startEnvironment, type Environment } from '../test/harness/setup';

export function benchmarkInN8n(body: (env: Environment) => Promise<void>, options: Parameters<typeof startEnvironment>[0] = {}): void {
	const run = async () => {
		const env = await startEnvironment(options);
		try {
			await body(env);
		} finally {
			await env.n8n.stop({ removeUserFolder: true });
			await env.sandbox.close();
		}
	};
	run().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
