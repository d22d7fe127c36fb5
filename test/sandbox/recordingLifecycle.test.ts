/** Trash, delete and recover cloud recordings and single files in the sandbox. */
import type { AxiosInstance } from 'axios';

import { encodeUuid, startHarness } from './helpers';
import type { Harness } from './helpers';

let h: Harness;
let api: AxiosInstance;
beforeAll(async () => {
	h = await startHarness();
	api = h.api(await h.token());
});
afterAll(() => h.sandbox.close());

async function recorded(topic: string) {
	const s = await h.control('POST', '/scenario', { meetings: [{ topic, ended: { participants: 2, recording: true } }] });
	return s.meetings[0] as { id: number; latestUuid: string };
}

it('one file to the trash and back; the whole recording to the trash, back, then deleted for good', async () => {
	const m = await recorded('Lifecycle');
	const path = `/meetings/${encodeUuid(m.latestUuid, 2)}/recordings`;
	const files: { id: string; file_type: string }[] = (await api.get(path)).data.recording_files;
	expect(files.length).toBeGreaterThan(2);
	const chat = files.find((f) => f.file_type === 'CHAT') as { id: string };

	expect((await api.delete(`${path}/${chat.id}`, { params: { action: 'trash' } })).status).toBe(204);
	expect((await api.get(path)).data.recording_files.map((f: { id: string }) => f.id)).not.toContain(chat.id);
	expect((await api.put(`${path}/${chat.id}/status`, { action: 'recover' })).status).toBe(204);
	expect((await api.get(path)).data.recording_files.map((f: { id: string }) => f.id)).toContain(chat.id);

	// By numeric ID: the latest recorded instance.
	expect((await api.delete(`/meetings/${m.id}/recordings`, { params: { action: 'trash' } })).status).toBe(204);
	expect((await api.get(path)).data.code).toBe(3301);
	expect((await api.put(`${path}/status`, { action: 'recover' })).status).toBe(204);
	expect((await api.get(path)).data.recording_files).toHaveLength(files.length);

	expect((await api.delete(path, { params: { action: 'delete' } })).status).toBe(204);
	expect((await api.put(`${path}/status`, { action: 'recover' })).data.code).toBe(3301);
	expect((await api.get(path)).status).toBe(404);
});

it('refuses an unknown action or file like Zoom', async () => {
	const m = await recorded('Refusals');
	const path = `/meetings/${encodeUuid(m.latestUuid, 2)}/recordings`;
	expect((await api.delete(path, { params: { action: 'shred' } })).data.code).toBe(300);
	expect((await api.put(`${path}/status`, { action: 'undo' })).data.code).toBe(300);
	expect((await api.delete(`${path}/no-such-file`)).status).toBe(404);
});
