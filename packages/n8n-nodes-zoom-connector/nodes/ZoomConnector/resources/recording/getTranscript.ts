import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { downloadFile, getRecording, pickFile, recordingRefField, type BinaryInput } from './files';
import { parseVtt } from './vtt';

export const description: INodeProperties[] = recordingRefField(['getTranscript']);

/**
 * One item: the recording's audio transcript (the TRANSCRIPT file, WebVTT) as segments with speaker,
 * start, end and text, plus the full text and the speakers.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const recording = await getRecording.call(this, itemIndex);
	const file = pickFile(this, itemIndex, recording, { fileType: 'TRANSCRIPT' });
	const downloaded = await downloadFile.call(this, itemIndex, recording, file);
	const transcript = parseVtt(await readTranscript(this, itemIndex, downloaded.data));
	return {
		meetingId: recording.id ?? null,
		meetingUuid: recording.uuid ?? null,
		topic: recording.topic ?? null,
		startTime: recording.start_time ?? null,
		fileId: file.id ?? null,
		speakers: transcript.speakers,
		durationSeconds: transcript.durationSeconds,
		text: transcript.text,
		segments: transcript.segments as unknown as IDataObject[],
	};
}

/** A transcript is text of a few megabytes at most; a body far past that is not one, and is not read whole. */
const MAX_TRANSCRIPT_BYTES = 64 * 1024 * 1024;

async function readTranscript(
	context: IExecuteFunctions,
	itemIndex: number,
	data: BinaryInput,
): Promise<string> {
	if (Buffer.isBuffer(data)) return data.toString('utf8');
	const chunks: Buffer[] = [];
	let length = 0;
	for await (const chunk of data) {
		length += (chunk as Buffer).length;
		if (length > MAX_TRANSCRIPT_BYTES) {
			data.destroy();
			throw new NodeOperationError(context.getNode(), 'The transcript file is larger than 64 MiB', {
				itemIndex,
				description:
					'It is not a WebVTT transcript this node can parse; use Download File to get it as a file.',
			});
		}
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks).toString('utf8');
}
