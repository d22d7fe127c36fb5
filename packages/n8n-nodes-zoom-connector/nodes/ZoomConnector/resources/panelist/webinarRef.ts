/** The webinar every Panelist operation acts on, and Zoom's panelist list of it. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { WebinarsListPanelistsResponse } from '@zoom/rivet/meetings';

import { zoomApiRequest } from '../../../shared/transport';
import { readSessionId, sessionIdField } from '../../shared/ids';

export type ZoomPanelist = NonNullable<WebinarsListPanelistsResponse['panelists']>[number];

export function webinarIdField(operation: string): INodeProperties {
	return sessionIdField('webinarId', 'webinar', {
		show: { resource: ['panelist'], operation: [operation] },
	});
}

export function readWebinarId(context: IExecuteFunctions, itemIndex: number): string {
	return readSessionId(context, 'webinarId', 'webinar', itemIndex);
}

/** GET /webinars/{webinarId}/panelists: Zoom answers every panelist at once (no paging). */
export async function listPanelists(
	this: IExecuteFunctions,
	webinarId: string,
	itemIndex: number,
): Promise<ZoomPanelist[]> {
	const response = (await zoomApiRequest.call(this, 'GET', `/webinars/${webinarId}/panelists`, {
		itemIndex,
	})) as WebinarsListPanelistsResponse;
	return Array.isArray(response.panelists) ? response.panelists : [];
}
