import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { WEBINAR } from './kind';
import { getDescription, getSession } from '../meeting/session';

export const description = getDescription(WEBINAR);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await getSession.call(this, WEBINAR, itemIndex);
}
