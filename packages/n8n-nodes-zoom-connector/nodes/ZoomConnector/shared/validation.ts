import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { locatorValue } from './locators';

/** A NodeOperationError for the item: `message` names the field, `description` the fix. */
export function fail(
	context: IExecuteFunctions,
	itemIndex: number,
	message: string,
	description: string,
): never {
	throw new NodeOperationError(context.getNode(), message, { itemIndex, description });
}

/**
 * A required text parameter, trimmed; a clear error naming the field when it is empty. A resource
 * locator gives its value.
 */
export function requireText(context: IExecuteFunctions, name: string, itemIndex: number): string {
	const value = String(locatorValue(context.getNodeParameter(name, itemIndex, '')) ?? '').trim();
	if (!value) {
		throw new NodeOperationError(context.getNode(), `The field "${name}" is empty`, {
			itemIndex,
			description: `Fill in "${name}" (item ${itemIndex}).`,
		});
	}
	return value;
}
