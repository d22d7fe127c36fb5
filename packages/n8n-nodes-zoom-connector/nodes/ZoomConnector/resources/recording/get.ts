import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getRecording, recordingRefField } from './files';

const show = { resource: ['recording'], operation: ['get'] };

export const description: INodeProperties[] = [
	...recordingRefField(['get']),
	{
		displayName: 'Include Download Access Token',
		name: 'includeDownloadToken',
		type: 'boolean',
		default: false,
		description:
			'Whether to add a download_access_token that lets another tool download the files without this credential',
		displayOptions: { show },
	},
	{
		displayName: 'Token Lifetime (Seconds)',
		name: 'downloadTokenTtl',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 604800 },
		default: 86400,
		description: 'How long the download access token stays valid, up to 7 days',
		displayOptions: { show: { ...show, includeDownloadToken: [true] } },
	},
];

/** The recording of a meeting instance with its files (recording_files[]), as Zoom gives it. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const includeToken = this.getNodeParameter('includeDownloadToken', itemIndex, false) as boolean;
	const qs: IDataObject = includeToken
		? {
				include_fields: 'download_access_token',
				ttl: this.getNodeParameter('downloadTokenTtl', itemIndex, 86400) as number,
			}
		: {};
	return await getRecording.call(this, itemIndex, qs);
}
