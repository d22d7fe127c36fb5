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

/** The BENCH_N8N_ENV settings of this run, or "n8n defaults". */
export function settingsLabel(): string {
	const settings = (process.env.BENCH_N8N_ENV ?? '').split(/\s+/).filter(Boolean).join(' ');
	return settings || 'n8n defaults';
}

/**
 * Extra settings for the n8n under test: BENCH_N8N_ENV="NAME=value NAME2=value2" (e.g. n8n's expression
 * engine settings) and BENCH_N8N_NODE_OPTIONS (e.g. --cpu-prof, or a --require'd timing probe).
 */
export function n8nEnv(): Record<string, string> {
	const env: Record<string, string> = {};
	for (const pair of (process.env.BENCH_N8N_ENV ?? '').split(/\s+/).filter(Boolean)) {
		const at = pair.indexOf('=');
		if (at > 0) env[pair.slice(0, at)] = pair.slice(at + 1);
	}
	if (process.env.BENCH_N8N_NODE_OPTIONS) env.NODE_OPTIONS = `--max-old-space-size=2048 ${process.env.BENCH_N8N_NODE_OPTIONS}`;
	if (Object.keys(env).length > 0) console.log(`n8n started with ${JSON.stringify(env)}`);
	return env;
}
