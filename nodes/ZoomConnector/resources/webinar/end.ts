import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { endDescription, endSession } from '../meeting/endLive';
import { WEBINAR } from './kind';

export const description = endDescription(WEBINAR);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await endSession.call(this, WEBINAR, itemIndex);
}
