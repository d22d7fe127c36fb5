/** What the benchmarks that need n8n share: an environment that is always stopped, and a failure exit. */
import { startEnvironment, stopEnvironment, type Environment } from '../test/harness/setup';

export function benchmarkInN8n(body: (env: Environment) => Promise<void>, options: Parameters<typeof startEnvironment>[0] = {}): void {
	const run = async () => {
		const env = await startEnvironment(options);
		try {
			await body(env);
		} finally {
			await stopEnvironment(env);
		}
	};
	run().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}

/** The p-th percentile (0–100) of the values, nearest rank. */
export function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
