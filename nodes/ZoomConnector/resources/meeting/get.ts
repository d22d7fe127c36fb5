import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { MEETING } from './kind';
import { getDescription, getSession } from './session';

export const description = getDescription(MEETING);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await getSession.call(this, MEETING, itemIndex);
}
