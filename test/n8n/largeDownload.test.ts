/**
 * Recording download of a file larger than n8n should hold in memory: the sandbox generates a 1.5 GiB MP4
 * as it sends it, and the node streams it into n8n's binary data (filesystem mode, n8n's default in main
 * mode). n8n's peak RSS (VmHWM of its process) must grow by far less than the file: the old code held the
 * whole body in an ArrayBuffer.
 *
 * In queue mode n8n keeps binary data in its database (workers and main must share it), and n8n itself refuses
 * files over N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE (512 MB by default, 1 GB at most; S3 mode for more): there
 * the run must end with n8n's message naming that setting, not with an out-of-memory worker.
 */
import { readFileSync } from 'node:fs';

import { authentication, harness, zoomCredentials } from '../harness/context';
import { NodeWorkflow, PKG } from '../harness/workflows';

const h = () => harness();
const FILE_BYTES = 1.5 * 1024 ** 3;
const QUEUE_MODE = Boolean(process.env.ZOOM_QUEUE);

/** Peak resident memory of a process so far, in bytes (Linux). */
function peakRss(pid: number): number {
	const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
	return Number(/(\d+)/.exec(line ?? '')?.[1] ?? Number.NaN) * 1024;
}

it(QUEUE_MODE ? 'Download File of a 1.5 GiB recording ends with n8n’s binary-size message in queue mode (database binary mode)' : 'Download File streams a 1.5 GiB recording into binary data without holding it in memory', async () => {
	const seeded = await h().sandbox.post('/_sandbox/scenario', {
		meetings: [{ topic: 'Past: long recording', ended: { participants: 1, recording: true, videoBytes: FILE_BYTES } }],
	});
	expect(seeded.status).toBeLessThan(300);
	const [meeting] = seeded.data.meetings as Array<{ id: number; latestUuid: string }>;

	const pid = h().state.n8n.pid;
	const before = peakRss(pid);
	const workflow = new NodeWorkflow(h().n8n, [
		{
			name: 'Zoom',
			type: `${PKG}.zoomConnector`,
			parameters: { authentication: authentication('s2s'), resource: 'recording', operation: 'download', sessionId: meeting.latestUuid, pickFileBy: 'fileType', fileType: 'MP4', binaryPropertyName: 'data' },
			credentials: zoomCredentials('s2s'),
		},
	]);
	try {
		const started = Date.now();
		const result = await workflow.run();
		const seconds = (Date.now() - started) / 1000;
		if (QUEUE_MODE) {
			expect(result.nodes.Zoom.error?.message).toMatch(/N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE/);
			return;
		}
		expect(result.nodes.Zoom.error).toBeUndefined();
		const [item] = result.nodes.Zoom.items[0];
		expect(item.json).toMatchObject({ file_type: 'MP4', file_size: FILE_BYTES, bytes: FILE_BYTES, mimeType: 'video/mp4' });
		expect(item.binary?.data).toMatchObject({ mimeType: 'video/mp4', bytes: FILE_BYTES });
		expect(item.binary?.data.fileName).toMatch(/\.mp4$/);
		const growth = peakRss(pid) - before;
		console.log(`1.5 GiB download in ${seconds.toFixed(1)} s; n8n peak RSS ${(before / 2 ** 20).toFixed(0)} → ${((before + growth) / 2 ** 20).toFixed(0)} MiB (+${(growth / 2 ** 20).toFixed(0)} MiB)`);
		expect(growth).toBeLessThan(FILE_BYTES / 4);
	} finally {
		await workflow.remove();
	}
});
