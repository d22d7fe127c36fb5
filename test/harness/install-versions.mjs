// Installs several n8n versions into the cache at once (install-n8n.sh each, which returns in about a
// second for a version already installed), for `npm test`: the compatibility pass needs n8n 1.x and
// the newest 2.x beside the development version, and on a cold cache installing them side by side
// takes less time than one after another (see docs/COMPATIBILITY.md for the figures).
// ZOOM_INSTALL_SERIAL=1 installs them one after another instead.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** Runs install-n8n.sh for one { n8n, node } entry, its output prefixed with the version. */
function install(entry) {
	const started = Date.now();
	return new Promise((resolve) => {
		const child = spawn('bash', [join(import.meta.dirname, 'install-n8n.sh')], {
			env: { ...process.env, N8N_VERSION: entry.n8n, NODE_VERSION: entry.node },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const prefix = `[n8n ${entry.n8n}] `;
		let pending = '';
		const relay = (chunk) => {
			const lines = (pending + chunk.toString()).split('\n');
			pending = lines.pop() ?? '';
			for (const line of lines) console.log(prefix + line);
		};
		child.stdout.on('data', relay);
		child.stderr.on('data', relay);
		child.on('close', (code) => {
			if (pending) console.log(prefix + pending);
			resolve({ ...entry, ok: code === 0, seconds: Math.round((Date.now() - started) / 1000) });
		});
	});
}

/** Installs every entry (in parallel unless ZOOM_INSTALL_SERIAL is set); resolves with each one's result. */
export async function installVersions(entries) {
	if (process.env.ZOOM_INSTALL_SERIAL) {
		const results = [];
		for (const entry of entries) results.push(await install(entry));
		return results;
	}
	return await Promise.all(entries.map(install));
}
