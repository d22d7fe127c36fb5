import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * An error to rethrow from a node: n8n's own errors come back unchanged (their constructors return an
 * error of their own class as it is), with the item added when it is missing; anything else is wrapped.
 */
export function asNodeError(
	node: INode,
	error: unknown,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (
		(error instanceof NodeApiError || error instanceof NodeOperationError) &&
		itemIndex !== undefined
	) {
		error.context.itemIndex ??= itemIndex;
	}
	if (error instanceof NodeApiError) return new NodeApiError(node, error as unknown as JsonObject);
	return new NodeOperationError(node, error as Error, { itemIndex });
}
