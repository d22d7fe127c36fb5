import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { formatZoomDate, monthWindows, parseZoomDate } from '../../../shared/dateWindows';
import { credentialType, ZOOM_ACCOUNT_APP, zoomApiPages } from '../../../shared/transport';
import { returnAllOrLimit } from '../../shared/descriptions';
import { readLimit } from '../../shared/participants';
import { readDay } from './getAll';

const show = { resource: ['recording'], operation: ['getAllAccount'] };

export const description: INodeProperties[] = [
	{
		displayName: 'From',
		name: 'accountFrom',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'First day of the range (UTC); read one month at a time per user',
		displayOptions: { show },
	},
	{
		displayName: 'To',
		name: 'accountTo',
		type: 'dateTime',
		default: '',
		description: 'Last day of the range (UTC); empty means today',
		displayOptions: { show },
	},
	...returnAllOrLimit('recording', 'getAllAccount'),
];

/** Zoom's users are listed by status; recordings of deactivated users stay in the account. */
const USER_STATUSES = ['active', 'inactive'];

/**
 * Every cloud recording of the account between two days: the account's users (GET /users, active and
 * deactivated), then each user's recordings (GET /users/{userId}/recordings) one month window at a time,
 * newest window first. Zoom's SDK (Rivet) publishes no account-wide recordings list, so this walk uses
 * only endpoints it has. Server-to-Server credential only (it reads other users' recordings).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	if (credentialType(this) !== ZOOM_ACCOUNT_APP) {
		throw new NodeOperationError(
			this.getNode(),
			'Get Many for the Account needs the Server-to-Server OAuth credential',
			{
				itemIndex,
				description:
					'Set "Authentication" to Server-to-Server OAuth (Account); a user’s OAuth2 app sees only its own recordings (use Get Many).',
			},
		);
	}
	const from = readDay(this, 'accountFrom', 'From', itemIndex);
	const to = readDay(this, 'accountTo', 'To', itemIndex, formatZoomDate(Date.now()));
	if ((parseZoomDate(from) as number) > (parseZoomDate(to) as number)) {
		throw new NodeOperationError(this.getNode(), `"From" (${from}) is after "To" (${to})`, {
			itemIndex,
			description: `Swap the two dates (item ${itemIndex}).`,
		});
	}
	const limit = readLimit(this, itemIndex);
	const windows = monthWindows(from, to).reverse();
	const results: IDataObject[] = [];
	for (const status of USER_STATUSES) {
		for await (const users of zoomApiPages.call(this, '/users', 'users', {
			qs: { status },
			itemIndex,
		})) {
			for (const user of users) {
				const endpoint = `/users/${encodeURIComponent(String(user.id))}/recordings`;
				for (const window of windows) {
					for await (const page of zoomApiPages.call(this, endpoint, 'meetings', {
						qs: { from: window.from, to: window.to },
						itemIndex,
					})) {
						for (const meeting of page) {
							results.push({ ...meeting, host_email: user.email ?? null });
							if (limit !== undefined && results.length >= limit) return results;
						}
					}
				}
			}
		}
	}
	return results;
}
