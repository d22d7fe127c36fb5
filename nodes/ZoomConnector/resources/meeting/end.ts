import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { endDescription, endSession } from './endLive';
import { MEETING } from './kind';

export const description = endDescription(MEETING);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await endSession.call(this, MEETING, itemIndex);
}
