// Trash, delete and recover cloud recordings, whole or one file (Rivet: deleteMeetingOrWebinarRecordings,
// deleteRecordingFileForMeetingOrWebinar, recoverMeetingRecordings, recoverSingleRecording). A trashed
// recording or file is taken out of the instance (so every list and GET stops showing it) and kept here
// until recovered; "delete" forgets it.
import type {
	CloudRecordingDeleteMeetingOrWebinarRecordingsQueryParams,
	CloudRecordingRecoverMeetingRecordingsRequestBody,
} from '@zoom/rivet/meetings';

import type { Ctx, Route } from './core';
import { route } from './core';
import { ZoomError, json, validationError } from './http';
import type { Instance, Recording, RecordingFile } from './store';
import { latestInstance } from './store';

const trashedRecordings = new WeakMap<Instance, Recording>();
const trashedFiles = new WeakMap<Instance, RecordingFile[]>();

const NO_RECORDING = () => new ZoomError(404, 3301, 'There is no recording for this meeting.');

/** The instance `{id}` names: a UUID, or the latest instance of a numeric ID that has (or had) a recording. */
function instanceOf(ctx: Ctx): Instance {
	const raw = ctx.params.id;
	const { store } = ctx.sb;
	let instance: Instance | undefined;
	if (/^\d+$/.test(raw)) {
		const s = store.sessions.get(Number(raw));
		if (!s) throw new ZoomError(404, 3001, `Meeting does not exist: ${raw}.`);
		instance = latestInstance(s, (i) => i.recording !== undefined || trashedRecordings.has(i) || (trashedFiles.get(i)?.length ?? 0) > 0);
	} else instance = store.instances.get(raw);
	if (!instance) throw NO_RECORDING();
	return instance;
}

function deleteAction(ctx: Ctx): 'trash' | 'delete' {
	const action = (ctx.query.get('action') ?? 'trash') as CloudRecordingDeleteMeetingOrWebinarRecordingsQueryParams['action'];
	if (action !== 'trash' && action !== 'delete') throw validationError('action', `Invalid value: ${String(action)}.`);
	return action;
}

function requireRecover(ctx: Ctx): void {
	const { action } = ctx.body as CloudRecordingRecoverMeetingRecordingsRequestBody;
	if (action !== 'recover') throw validationError('action', `Invalid value: ${String(action)}.`);
}

function deleteAll(ctx: Ctx) {
	const instance = instanceOf(ctx);
	const action = deleteAction(ctx);
	const recording = instance.recording;
	if (!recording) {
		// Deleting a trashed recording for good is allowed; trashing it again is not.
		if (action === 'delete' && trashedRecordings.delete(instance)) return json(204);
		throw NO_RECORDING();
	}
	instance.recording = undefined;
	if (action === 'trash') trashedRecordings.set(instance, recording);
	else for (const f of recording.files) ctx.sb.store.files.delete(f.id);
	return json(204);
}

function deleteFile(ctx: Ctx) {
	const instance = instanceOf(ctx);
	const action = deleteAction(ctx);
	const files = instance.recording?.files ?? [];
	const at = files.findIndex((f) => f.id === ctx.params.fileId);
	if (at < 0) {
		const trashed = trashedFiles.get(instance) ?? [];
		const t = trashed.findIndex((f) => f.id === ctx.params.fileId);
		if (action === 'delete' && t >= 0) {
			trashed.splice(t, 1);
			ctx.sb.store.files.delete(ctx.params.fileId);
			return json(204);
		}
		throw new ZoomError(404, 3303, `The recording file does not exist: ${ctx.params.fileId}.`);
	}
	const [file] = files.splice(at, 1);
	if (action === 'trash') trashedFiles.set(instance, [...(trashedFiles.get(instance) ?? []), file]);
	else ctx.sb.store.files.delete(file.id);
	return json(204);
}

function recoverAll(ctx: Ctx) {
	requireRecover(ctx);
	const instance = instanceOf(ctx);
	const recording = trashedRecordings.get(instance);
	const files = trashedFiles.get(instance) ?? [];
	if (!recording && !files.length) throw NO_RECORDING();
	if (recording) {
		trashedRecordings.delete(instance);
		instance.recording = recording;
	}
	if (files.length && instance.recording) {
		instance.recording.files.push(...files);
		trashedFiles.delete(instance);
	}
	return json(204);
}

function recoverFile(ctx: Ctx) {
	requireRecover(ctx);
	const instance = instanceOf(ctx);
	const trashed = trashedFiles.get(instance) ?? [];
	const at = trashed.findIndex((f) => f.id === ctx.params.fileId);
	if (at < 0 || !instance.recording) throw new ZoomError(404, 3303, `The recording file does not exist: ${ctx.params.fileId}.`);
	instance.recording.files.push(...trashed.splice(at, 1));
	return json(204);
}

export const recordingLifecycleRoutes: Route[] = [
	route('DELETE', '/meetings/:id/recordings', 'Light', 'cloud_recording:delete:meeting_recording', 'recording:write', deleteAll),
	route('DELETE', '/meetings/:id/recordings/:fileId', 'Light', 'cloud_recording:delete:recording_file', 'recording:write', deleteFile),
	route('PUT', '/meetings/:id/recordings/status', 'Light', 'cloud_recording:update:recover_meeting_recordings', 'recording:write', recoverAll),
	route('PUT', '/meetings/:id/recordings/:fileId/status', 'Light', 'cloud_recording:update:recover_single_recording', 'recording:write', recoverFile),
];
