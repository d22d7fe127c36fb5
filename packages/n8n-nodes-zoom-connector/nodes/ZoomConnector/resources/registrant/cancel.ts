import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { statusDescription, updateStatus } from './status';

export const description = statusDescription('cancel');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await updateStatus.call(this, 'cancel', itemIndex);
}
