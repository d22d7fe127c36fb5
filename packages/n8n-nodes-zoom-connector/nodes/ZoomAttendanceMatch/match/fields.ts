/** Reading the fields the options name from the input items. */
import type { JsonRecord } from './types';

/** Reads a field, dotted paths allowed ("payload.object.participant.email") unless the key itself has the dot. */
export function fieldReader(path: string): (record: JsonRecord) => unknown {
	if (!path.includes('.')) return (record) => record[path];
	const parts = path.split('.');
	return (record) => {
		if (path in record) return record[path];
		let value: unknown = record;
		for (const part of parts) {
			if (value === null || typeof value !== 'object') return undefined;
			value = (value as JsonRecord)[part];
		}
		return value;
	};
}

/** A text field as text: numbers as their digits, anything else empty. */
export function text(value: unknown): string {
	return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}
