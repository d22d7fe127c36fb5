/**
 * `npm start` as a user runs it in a terminal: it brings up the sandbox and n8n with the examples
 * imported, and Ctrl-C (SIGINT to the terminal's whole foreground process group, npm and tsx included)
 * leaves nothing running, whichever process receives the signal first.
 */
import { spawn } from 'node:child_process';
import { createConnection } from 'node:net';

import { delay, freePort } from '../harness/n8n';
import { REPO_DIR } from '../harness/paths';

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

function groupAlive(pgid: number): boolean {
	try {
		process.kill(-pgid, 0);
		return true;
	} catch {
		return false;
	}
}

async function listening(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const socket = createConnection({ host: '127.0.0.1', port });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

// npm start runs n8n in main mode: the queue-mode pass of npm test leaves it out.
(process.env.ZOOM_QUEUE ? describe.skip : describe)('npm start', () => {
	it('prints the editor URL with the examples imported, and Ctrl-C stops n8n and the sandbox', async () => {
		const [n8nPort, sandboxPort, brevoPort] = [await freePort(), await freePort(), await freePort()];
		// detached: its own process group, as a terminal's foreground job is.
		const npm = spawn('npm', ['start'], {
			cwd: REPO_DIR,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: { ...process.env, N8N_PORT: String(n8nPort), ZOOM_SANDBOX_PORT: String(sandboxPort), BREVO_STANDIN_PORT: String(brevoPort) },
		});
		let output = '';
		npm.stdout?.on('data', (chunk) => (output += chunk));
		npm.stderr?.on('data', (chunk) => (output += chunk));
		const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
		let n8nPid = 0;
		try {
			const deadline = Date.now() + 300_000;
			while (!output.includes('Press Ctrl-C to stop.')) {
				if (Date.now() > deadline || npm.exitCode !== null) throw new Error(`npm start did not get ready:\n${output.slice(-3000)}`);
				await delay(250);
			}
			expect(output).toContain(`n8n:          http://127.0.0.1:${n8nPort}`);
			const examples = /examples:\s+(.+)/.exec(output)?.[1] ?? '';
			expect(examples).not.toBe('none yet');
			expect(examples.split(', ').length).toBeGreaterThanOrEqual(5);
			n8nPid = Number(/\(pid (\d+),/.exec(output)?.[1]);
			expect(alive(n8nPid)).toBe(true);
			expect(await listening(n8nPort)).toBe(true);

			// Ctrl-C: the whole group at once, as a terminal sends it.
			process.kill(-npm.pid!, 'SIGINT');
			await exited;
			const stopDeadline = Date.now() + 40_000;
			while ((groupAlive(n8nPid) || (await listening(n8nPort)) || (await listening(sandboxPort))) && Date.now() < stopDeadline) await delay(250);
			expect({ n8nGroup: groupAlive(n8nPid), n8nPort: await listening(n8nPort), sandboxPort: await listening(sandboxPort) }).toEqual({
				n8nGroup: false,
				n8nPort: false,
				sandboxPort: false,
			});
		} finally {
			for (const pgid of [npm.pid ?? 0, n8nPid]) {
				try {
					if (pgid) process.kill(-pgid, 'SIGKILL');
				} catch {
					// gone, as it should be
				}
			}
		}
	}, 420_000);
});
