/**
 * The resources of the Zoom Connector node: each folder exports its operation modules (`operations`)
 * and its parameter descriptions (`description`). Add a resource here and in `resourceOptions`.
 */
import type { INodePropertyOptions } from 'n8n-workflow';

import * as user from './user';

export const resources = {
	user,
};

/** Options of the Resource selector, sorted by name. */
export const resourceOptions: INodePropertyOptions[] = [
	{ name: 'User', value: 'user' },
];
