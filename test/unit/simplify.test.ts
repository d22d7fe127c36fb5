/** Simplify (n8n's UX guideline): the pure field picker, the documented field lists and the parameter each operation shows. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { ZoomConnector } from 'n8n-nodes-zoom-connector/nodes/ZoomConnector/ZoomConnector.node';
import { SIMPLIFIED_FIELDS, simplifiedFields, simplify } from 'n8n-nodes-zoom-connector/nodes/ZoomConnector/shared/simplify';

const README = readFileSync(join(__dirname, '../../packages/n8n-nodes-zoom-connector/README.md'), 'utf8');
const lists = Object.entries(SIMPLIFIED_FIELDS).flatMap(([resource, operations]) =>
	Object.entries(operations).map(([operation, fields]) => ({ resource, operation, fields })),
);

describe('simplify', () => {
	it('keeps the listed fields in the list’s order, leaves out what the item lacks, and copies nothing else', () => {
		const meeting = { topic: 'Weekly', settings: { waiting_room: true }, id: 85746065432, join_url: 'https://zoom.us/j/85746065432', agenda: '' };
		const simplified = simplify(meeting, ['id', 'uuid', 'topic', 'join_url']);
		expect(simplified).toEqual({ id: 85746065432, topic: 'Weekly', join_url: 'https://zoom.us/j/85746065432' });
		expect(Object.keys(simplified)).toEqual(['id', 'topic', 'join_url']);
		expect('uuid' in simplified).toBe(false);
	});

	it('keeps a listed field whose value is null, false, 0 or empty: Zoom said it', () => {
		expect(simplify({ a: null, b: false, c: 0, d: '', e: 1 }, ['a', 'b', 'c', 'd'])).toEqual({ a: null, b: false, c: 0, d: '' });
	});

	it('reads own fields only: a list naming an inherited property gets nothing from the prototype', () => {
		expect(simplify({ id: 1 }, ['id', 'toString', 'constructor', '__proto__'])).toEqual({ id: 1 });
	});

	it('for any item and list: a subset of the item, of the listed keys, values untouched, input unchanged, idempotent', () => {
		const key = fc.constantFrom('id', 'uuid', 'topic', 'email', 'status', 'join_url', 'x', 'y');
		fc.assert(
			fc.property(fc.dictionary(key, fc.jsonValue()), fc.uniqueArray(key), (item, fields) => {
				const before = JSON.stringify(item);
				const simplified = simplify(item as IDataObject, fields);
				expect(JSON.stringify(item)).toBe(before);
				for (const [name, value] of Object.entries(simplified)) {
					expect(fields).toContain(name);
					expect(value).toBe((item as IDataObject)[name]);
				}
				for (const name of fields) expect(name in simplified).toBe(name in item);
				expect(simplify(simplified, fields)).toEqual(simplified);
			}),
		);
	});
});

describe('the field lists', () => {
	it('name at most 10 fields each, none twice', () => {
		for (const { resource, operation, fields } of lists) {
			expect({ at: `${resource}.${operation}`, count: fields.length <= 10 }).toEqual({ at: `${resource}.${operation}`, count: true });
			expect(new Set(fields).size).toBe(fields.length);
		}
	});

	it('keep every field Zoom Attendance Match reads by default (participants and registrants)', () => {
		for (const operation of ['getParticipants']) expect(simplifiedFields('pastSession', operation)).toEqual(expect.arrayContaining(['user_email', 'name', 'join_time', 'leave_time']));
		for (const operation of ['getMeetingParticipants', 'getWebinarParticipants'])
			expect(simplifiedFields('report', operation)).toEqual(expect.arrayContaining(['user_email', 'name', 'join_time', 'leave_time', 'sessionId', 'sessionTopic']));
		expect(simplifiedFields('registrant', 'getAll')).toEqual(expect.arrayContaining(['email', 'first_name', 'last_name']));
	});

	it('are none for operations without Simplify, nor for names of Object.prototype', () => {
		expect(simplifiedFields('meeting', 'delete')).toBeUndefined();
		expect(simplifiedFields('panelist', 'getAll')).toBeUndefined();
		expect(simplifiedFields('meeting', 'toString')).toBeUndefined();
		expect(simplifiedFields('constructor', 'get')).toBeUndefined();
	});

	it('are each written in the package README, field by field in the list’s order', () => {
		for (const { fields } of lists) expect(README).toContain(fields.map((f) => `\`${f}\``).join(', '));
	});
});

describe('the Simplify parameter', () => {
	const properties = new ZoomConnector().description.properties.filter((p: INodeProperties) => p.name === 'simplify');

	it('is n8n’s: boolean, on by default, with n8n’s wording, for the node’s one version', () => {
		expect(properties.length).toBe(Object.keys(SIMPLIFIED_FIELDS).length);
		for (const property of properties) {
			expect(property).toMatchObject({
				displayName: 'Simplify',
				type: 'boolean',
				default: true,
				description: 'Whether to return a simplified version of the response instead of the raw data',
			});
			expect(property.displayOptions?.show?.['@version']).toBeUndefined();
		}
	});

	it('shows for exactly the operations that have a field list', () => {
		const shown = properties.flatMap((p) => (p.displayOptions?.show?.operation ?? []).map((operation) => `${String(p.displayOptions?.show?.resource)}.${String(operation)}`));
		expect(shown.sort()).toEqual(lists.map((l) => `${l.resource}.${l.operation}`).sort());
	});
});
