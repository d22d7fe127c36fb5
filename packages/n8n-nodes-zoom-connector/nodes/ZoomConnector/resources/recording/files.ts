/**
 * A meeting's cloud recording and its files: read the recording, pick a file, download its bytes.
 * Downloads go through the transport with the file's absolute download_url, so the credential's
 * Bearer token is attached and Zoom's 302 to its storage host is followed by the HTTP client.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { zoomApiRequest, zoomApiRequestFull, type ZoomResponse } from '../../../shared/transport';
import { readSessionRef, sessionRefField } from '../../shared/ids';
import { fallbackFileName, fileNameFromDisposition } from './fileName';

export const SESSION_LABEL = 'Meeting or Webinar ID or UUID';

export function recordingRefField(operations: string[]): INodeProperties[] {
	return sessionRefField('recording', operations, {
		list: 'meeting',
	});
}

/** GET /meetings/{id or UUID}/recordings (webinars use the same path). */
export async function getRecording(
	this: IExecuteFunctions,
	itemIndex: number,
	qs: IDataObject = {},
): Promise<IDataObject> {
	const ref = readSessionRef(this, itemIndex, { label: SESSION_LABEL });
	return await zoomApiRequest.call(this, 'GET', `/meetings/${ref.segment}/recordings`, {
		qs,
		itemIndex,
	});
}

export function recordingFiles(recording: IDataObject): IDataObject[] {
	return Array.isArray(recording.recording_files)
		? (recording.recording_files as IDataObject[])
		: [];
}

/**
 * Zoom's recording file types that name one kind of file: the timeline is `TB` in Zoom's recording lists
 * (Rivet's CloudRecordingGetMeetingRecordingsResponse) and `TIMELINE` in recording events.
 */
const SAME_FILE_TYPES: string[][] = [['TIMELINE', 'TB']];

function sameFileType(listed: string, wanted: string): boolean {
	const [a, b] = [listed.toUpperCase(), wanted.toUpperCase()];
	return a === b || SAME_FILE_TYPES.some((names) => names.includes(a) && names.includes(b));
}

/** The file named by ID, or the first of a type; a NodeOperationError listing what the recording has otherwise. */
export function pickFile(
	context: IExecuteFunctions,
	itemIndex: number,
	recording: IDataObject,
	by: { fileId: string } | { fileType: string },
): IDataObject {
	const files = recordingFiles(recording);
	const file =
		'fileId' in by
			? files.find((f) => f.id === by.fileId)
			: files.find((f) => sameFileType(String(f.file_type), by.fileType) && f.download_url);
	if (file && typeof file.download_url === 'string') return file;
	const available =
		files.map((f) => `${String(f.file_type)}${f.id ? ` (${String(f.id)})` : ''}`).join(', ') ||
		'no files';
	throw new NodeOperationError(
		context.getNode(),
		'fileId' in by
			? `The recording has no file with ID "${by.fileId}"`
			: `The recording has no ${by.fileType} file`,
		{
			itemIndex,
			description: `The recording of "${String(recording.topic ?? recording.id)}" has: ${available}.`,
		},
	);
}

// The MIME types the brief of each Zoom file type calls for; the extension decides for the rest.
const MIME_BY_TYPE: Record<string, string> = {
	MP4: 'video/mp4',
	M4A: 'audio/mp4',
	TRANSCRIPT: 'text/vtt',
	CC: 'text/vtt',
	CHAT: 'text/plain',
	CHAT_MESSAGE: 'text/plain',
	CSV: 'text/csv',
	TB: 'application/json',
	TIMELINE: 'application/json',
	SUMMARY: 'application/json',
};
const MIME_BY_EXTENSION: Record<string, string> = {
	MP4: 'video/mp4',
	M4A: 'audio/mp4',
	VTT: 'text/vtt',
	TXT: 'text/plain',
	CSV: 'text/csv',
	JSON: 'application/json',
	JPG: 'image/jpeg',
};

export function mimeTypeOf(file: IDataObject, served?: string): string {
	return (
		MIME_BY_TYPE[String(file.file_type).toUpperCase()] ??
		MIME_BY_EXTENSION[String(file.file_extension).toUpperCase()] ??
		(served ? served.split(';')[0].trim() : 'application/octet-stream')
	);
}

function header(headers: Record<string, unknown>, name: string): unknown {
	const found = Object.keys(headers).find((key) => key.toLowerCase() === name);
	return found === undefined ? undefined : headers[found];
}

/** What prepareBinaryData takes: a Buffer or a Node stream (the node may not import node:stream itself). */
export type BinaryInput = Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0];

export interface DownloadedFile {
	/** The body as it arrives: n8n's binary data store writes it to disk (or S3) without holding it in memory. */
	data: BinaryInput;
	fileName: string;
	mimeType: string;
	/** Content-Length when the server sent one. */
	contentLength?: number;
}

export async function downloadFile(
	this: IExecuteFunctions,
	itemIndex: number,
	recording: IDataObject,
	file: IDataObject,
): Promise<DownloadedFile> {
	// The endpoint is unused when options.url is set: the absolute URL is called as it is.
	// Zoom's MP4s reach gigabytes: the body is streamed into n8n's binary data, never held whole.
	const response = (await zoomApiRequestFull.call(this, 'GET', '', {
		url: String(file.download_url),
		encoding: 'stream',
		itemIndex,
	})) as ZoomResponse<unknown>;
	const body = response.body;
	const isStream = typeof (body as { pipe?: unknown } | null)?.pipe === 'function';
	const data = isStream
		? (body as BinaryInput)
		: Buffer.isBuffer(body)
			? body
			: Buffer.from(typeof body === 'string' ? body : '');
	const length = Number(header(response.headers, 'content-length'));
	const fileName =
		fileNameFromDisposition(header(response.headers, 'content-disposition')) ??
		fallbackFileName(recording, file);
	const served = header(response.headers, 'content-type');
	return {
		data,
		fileName,
		mimeType: mimeTypeOf(file, typeof served === 'string' ? served : undefined),
		contentLength: Number.isSafeInteger(length) && length >= 0 ? length : undefined,
	};
}
