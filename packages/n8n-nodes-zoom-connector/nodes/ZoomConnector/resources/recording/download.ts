import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { listAndIdModes, locatorProperty } from '../../shared/locators';
import { requireText } from '../../shared/validation';
import { downloadFile, getRecording, pickFile, recordingRefField } from './files';

const show = { resource: ['recording'], operation: ['download'] };

export const description: INodeProperties[] = [
	...recordingRefField(['download']),
	{
		displayName: 'Pick File By',
		name: 'pickFileBy',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'File ID',
				value: 'fileId',
				description: 'The ID of one file, from the recording’s recording_files',
			},
			{
				name: 'File Type',
				value: 'fileType',
				description: 'The first file of a type, such as the MP4 video',
			},
		],
		default: 'fileType',
		displayOptions: { show },
	},
	{
		displayName: 'File Type',
		name: 'fileType',
		type: 'options',
		options: [
			{ name: 'Audio (M4A)', value: 'M4A' },
			{ name: 'Chat (TXT)', value: 'CHAT' },
			{ name: 'Closed Captions (VTT)', value: 'CC' },
			{ name: 'Poll Results (CSV)', value: 'CSV' },
			{ name: 'Summary (JSON)', value: 'SUMMARY' },
			{ name: 'Timeline (JSON)', value: 'TIMELINE' },
			{ name: 'Transcript (VTT)', value: 'TRANSCRIPT' },
			{ name: 'Video (MP4)', value: 'MP4' },
		],
		default: 'MP4',
		description:
			'Which file of the recording to download; with several of a type (views), the first one',
		displayOptions: { show: { ...show, pickFileBy: ['fileType'] } },
	},
	locatorProperty({
		displayName: 'File',
		name: 'fileId',
		required: true,
		description: 'One file of the recording: the list shows each with its type and size',
		...listAndIdModes('searchRecordingFiles', 'Choose a file…', {
			displayName: 'By ID',
			placeholder: 'e.g. 7c2a4e1b-6a7f-4f0e-9d1c-3b5a2e8f9d10',
		}),
		displayOptions: { show: { ...show, pickFileBy: ['fileId'] } },
	}),
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
		displayOptions: { show },
	},
];

/** One item: the file's metadata as JSON and its bytes as binary data (MIME type and file name set). */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData> {
	const pickBy = this.getNodeParameter('pickFileBy', itemIndex) as 'fileId' | 'fileType';
	const by =
		pickBy === 'fileId'
			? { fileId: requireText(this, 'fileId', itemIndex) }
			: { fileType: this.getNodeParameter('fileType', itemIndex) as string };
	const binaryPropertyName = requireText(this, 'binaryPropertyName', itemIndex);
	const recording = await getRecording.call(this, itemIndex);
	const file = pickFile(this, itemIndex, recording, by);
	const downloaded = await downloadFile.call(this, itemIndex, recording, file);
	const binary = await this.helpers.prepareBinaryData(
		downloaded.data,
		downloaded.fileName,
		downloaded.mimeType,
	);
	return {
		json: {
			...file,
			meetingId: recording.id ?? null,
			meetingUuid: recording.uuid ?? null,
			topic: recording.topic ?? null,
			fileName: downloaded.fileName,
			mimeType: downloaded.mimeType,
			bytes: binary.bytes ?? downloaded.contentLength ?? null,
		},
		binary: { [binaryPropertyName]: binary },
	};
}
