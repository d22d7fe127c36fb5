/**
 * The files of the chosen meeting's cloud recording, with type and size: GET /meetings/{meetingId}/recordings
 * (https://developers.zoom.us/docs/api/meetings/#tag/cloud-recording/GET/meetings/{meetingId}/recordings),
 * of the chosen instance when one is picked, else the most recent one.
 */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { looksLikeUuid, parseSessionRef } from '../../../shared/ids';
import { zoomApiRequest } from '../../../shared/transport';
import { encodeSessionRef } from '../../../shared/uuid';
import {
	currentText,
	fileSize,
	listOrMessage,
	matchesSearch,
	messageItem,
	shortTime,
} from './results';

/** recording_type as people say it: "shared_screen_with_speaker_view" → "Shared screen with speaker view". */
function readable(type: unknown): string {
	const text = typeof type === 'string' ? type.replace(/_/g, ' ') : '';
	return text ? text[0].toUpperCase() + text.slice(1) : '';
}

export async function searchRecordingFiles(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const instance = currentText(this, 'instanceId');
	const session = parseSessionRef(currentText(this, 'sessionId'));
	const ref =
		instance && looksLikeUuid(instance)
			? instance
			: 'kind' in session
				? session.kind === 'id'
					? session.id
					: session.uuid
				: '';
	if (!ref) {
		return {
			results: [messageItem('Choose the meeting first', 'The files are those of its recording.')],
		};
	}
	return await listOrMessage(async () => {
		const recording = await zoomApiRequest.call(
			this,
			'GET',
			`/meetings/${encodeSessionRef(ref)}/recordings`,
		);
		const files = Array.isArray(recording.recording_files)
			? (recording.recording_files as IDataObject[])
			: [];
		const results = files
			.filter((file) => typeof file.id === 'string' && file.id)
			.map((file) => {
				const kind = readable(file.recording_type) || String(file.file_type ?? 'File');
				return {
					name: `${kind} (${String(file.file_type ?? '?')}, ${fileSize(file.file_size)})`,
					value: String(file.id),
					description: [shortTime(file.recording_start), `File ID ${String(file.id)}`]
						.filter(Boolean)
						.join(' · '),
				};
			})
			.filter((item) => matchesSearch(filter, item.name, item.value));
		return files.length ? { results } : { results: [messageItem('This recording has no files')] };
	});
}
