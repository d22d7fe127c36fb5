// Stops the servers the harness started once the process that started them is gone, however it went
// (Ctrl-C reaching npm and tsx first, SIGKILL, a crash). They run in process groups of their own, so a
// terminal's SIGINT never reaches them, and a dying parent's exit hook is not always run.
//   node reaper.mjs <parent pid> <groups file>
// The groups file holds one process-group id a line, appended as the harness spawns servers.
import { existsSync, readFileSync, rmSync } from 'node:fs';

const parent = Number(process.argv[2]);
const groupsFile = process.argv[3];

const alive = (pid) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
};
const groups = () =>
	existsSync(groupsFile)
		? readFileSync(groupsFile, 'utf8').split('\n').map(Number).filter((pid) => pid > 0)
		: [];
const signal = (pids, name) => {
	for (const pid of pids) {
		try {
			process.kill(-pid, name);
		} catch {
			// that group is gone already
		}
	}
};

const watch = setInterval(() => {
	if (alive(parent)) return;
	clearInterval(watch);
	const started = groups();
	signal(started, 'SIGTERM');
	// n8n shuts down within a few seconds of SIGTERM; whatever is left after 15 s is killed.
	const deadline = Date.now() + 15_000;
	const finish = setInterval(() => {
		const left = started.filter(alive);
		if (left.length && Date.now() < deadline) return;
		clearInterval(finish);
		signal(left, 'SIGKILL');
		rmSync(groupsFile, { force: true });
		process.exit(0);
	}, 200);
}, 250);
