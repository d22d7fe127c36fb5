/** List a user's meetings or webinars: GET /users/{userId}/meetings or /users/{userId}/webinars. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { TOKEN_PAGING, zoomApiRequestAllItems } from '../../../shared/transport';
import { LIST_WEBINARS } from '../../../shared/zoomLists';
import { returnAllOrLimit, userIdField } from '../../shared/descriptions';
import { requireText } from '../../shared/validation';
import { show, type SessionKind } from './kind';

export function getAllDescription(kind: SessionKind): INodeProperties[] {
	return [
		userIdField(kind.resource, ['getAll'], {
			description: `Whose ${kind.noun}s to list: "me", or a user ID or email`,
		}),
		{
			displayName: 'Show',
			name: 'listType',
			type: 'options',
			options: kind.listTypes,
			default: 'scheduled',
			description: `Which ${kind.noun}s to list`,
			displayOptions: { show: show(kind, 'getAll') },
		},
		...returnAllOrLimit(kind.resource, 'getAll'),
	];
}

export async function listSessions(
	this: IExecuteFunctions,
	kind: SessionKind,
	itemIndex: number,
): Promise<IDataObject[]> {
	const userId = requireText(this, 'userId', itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const endpoint = `/users/${encodeURIComponent(userId)}/${kind.path}`;
	const options = {
		qs: { type: this.getNodeParameter('listType', itemIndex, 'scheduled') as string },
		limit,
		itemIndex,
	};
	// List webinars pages by page_number, List meetings by next_page_token.
	const paging = kind.path === 'webinars' ? LIST_WEBINARS : TOKEN_PAGING;
	return await zoomApiRequestAllItems.call(this, endpoint, kind.path, { ...options, paging });
}
