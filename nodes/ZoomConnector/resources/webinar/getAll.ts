import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { WEBINAR } from './kind';
import { getAllDescription, listSessions } from '../meeting/session';

export const description = getAllDescription(WEBINAR);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await listSessions.call(this, WEBINAR, itemIndex);
}
