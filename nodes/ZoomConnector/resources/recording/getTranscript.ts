import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { downloadFile, getRecording, pickFile, recordingRefField } from './files';
import { parseVtt } from './vtt';

export const description: INodeProperties[] = [recordingRefField(['getTranscript'])];

/**
 * One item: the recording's audio transcript (the TRANSCRIPT file, WebVTT) as segments with speaker,
 * start, end and text, plus the full text and the speakers.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const recording = await getRecording.call(this, itemIndex);
	const file = pickFile(this, itemIndex, recording, { fileType: 'TRANSCRIPT' });
	const downloaded = await downloadFile.call(this, itemIndex, recording, file);
	const transcript = parseVtt(downloaded.data.toString('utf8'));
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
