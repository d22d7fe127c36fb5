/**
 * Attendance Match with hostile input items, through the node's execute with a minimal context: times that
 * cannot be shown as a date (1e300), epoch seconds, and an own `__proto__` field.
 */
import fc from 'fast-check';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ZoomAttendanceMatch } from 'n8n-nodes-zoom-connector/nodes/ZoomAttendanceMatch/ZoomAttendanceMatch.node';

const PARAMETERS: Record<string, unknown> = {
	participantEmailField: 'user_email',
	registrationEmailField: 'email',
	minimumAttendance: 0,
	minimumAttendanceUnit: 'seconds',
	belowMinimum: 'absent',
	sessionTopic: 'T',
	sessionId: '1',
	options: {},
};

function run(participants: object[], registrations: object[], continueOnFail: boolean) {
	const inputs = [participants, registrations].map((list) => list.map((json, item): INodeExecutionData => ({ json: json as never, pairedItem: { item } })));
	const context = {
		getInputData: (index: number) => inputs[index],
		getNodeParameter: (name: string, _item: number, fallback: unknown) => (name in PARAMETERS ? PARAMETERS[name] : fallback),
		continueOnFail: () => continueOnFail,
		getNode: () => ({ name: 'Zoom Attendance Match' }),
		addExecutionHints: () => undefined,
	} as unknown as IExecuteFunctions;
	return new ZoomAttendanceMatch().execute.call(context);
}

const T = Date.parse('2024-05-01T10:00:00Z');

describe('Attendance Match: times out of range', () => {
	it.each([1e300, 8.64e15 + 1, 253_402_300_800_000, Number.MAX_VALUE])('join_time %p fails the item with a clear error naming the field', async (value) => {
		const rows = [{ user_email: 'a@x.io', join_time: value, leave_time: T }];
		await expect(run(rows, [{ email: 'a@x.io' }], false)).rejects.toMatchObject({
			message: expect.stringMatching(/Participants item 0: "join_time" is outside the years 1970 to 9999/),
			description: expect.stringMatching(/epoch/),
			context: { itemIndex: 0 },
		});
	});

	it('with Continue On Fail the bad row goes to No Match with its error, and every other row is matched', async () => {
		const rows = [
			{ user_email: 'a@x.io', join_time: T, leave_time: T + 600_000 },
			{ user_email: 'b@x.io', join_time: '2024-05-01T10:00:00Z', leave_time: 1e300 },
		];
		const [attended, noMatch, absent] = await run(rows, [{ email: 'a@x.io' }, { email: 'b@x.io' }], true);
		expect(attended.map((item) => item.json.email)).toEqual(['a@x.io']);
		expect(absent.map((item) => item.json.email)).toEqual(['b@x.io']);
		expect(noMatch).toHaveLength(1);
		expect(noMatch[0].json).toMatchObject({ noMatchReason: 'invalid-input', user_email: 'b@x.io' });
		expect(String(noMatch[0].json.error)).toMatch(/"leave_time" is outside the years 1970 to 9999/);
		expect(noMatch[0].pairedItem).toEqual({ item: 1, input: 0 });
	});

	it('reads a number below 1e11 as epoch seconds and from 1e11 as epoch milliseconds', async () => {
		const seconds = [{ user_email: 'a@x.io', join_time: T / 1000, leave_time: T / 1000 + 600 }];
		const millis = [{ user_email: 'a@x.io', join_time: T, leave_time: T + 600_000 }];
		for (const rows of [seconds, millis]) {
			const [attended] = await run(rows, [{ email: 'a@x.io' }], false);
			expect(attended[0].json).toMatchObject({ firstJoinTime: '2024-05-01T10:00:00.000Z', lastLeaveTime: '2024-05-01T10:10:00.000Z', attendedSeconds: 600 });
		}
	});

	it('property: any number as a time gives output items or a per-item error, never a RangeError', async () => {
		await fc.assert(
			fc.asyncProperty(fc.double({ noNaN: false }), fc.double(), async (join, leave) => {
				const rows = [{ user_email: 'a@x.io', join_time: join, leave_time: leave }];
				const outputs = await run(rows, [{ email: 'a@x.io' }], true);
				expect(outputs.flat().length).toBeGreaterThanOrEqual(1);
				for (const item of outputs.flat()) expect(JSON.parse(JSON.stringify(item.json))).toBeDefined();
			}),
			{ numRuns: 300 },
		);
	});
});

describe('Attendance Match: an own __proto__ field', () => {
	it('survives as a field on the output item, and the item keeps a plain prototype', async () => {
		const registration = JSON.parse('{"email":"a@x.io","__proto__":{"polluted":true},"crm_id":7}') as object;
		const rows = [{ user_email: 'a@x.io', join_time: T, leave_time: T + 60_000 }];
		const [attended] = await run(rows, [registration], false);
		const json = attended[0].json;
		expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
		expect(Object.prototype.hasOwnProperty.call(json, '__proto__')).toBe(true);
		expect(Object.getOwnPropertyDescriptor(json, '__proto__')?.value).toEqual({ polluted: true });
		expect((json as Record<string, unknown>).polluted).toBeUndefined();
		expect(Object.keys(json).slice(0, 3)).toEqual(['email', '__proto__', 'crm_id']);
	});

	it('also on a No Match item copied from a participant row', async () => {
		const row = JSON.parse('{"user_email":"z@x.io","join_time":"2024-05-01T10:00:00Z","leave_time":"2024-05-01T10:01:00Z","__proto__":"x"}') as object;
		const [, noMatch] = await run([row], [], false);
		expect(Object.getOwnPropertyDescriptor(noMatch[0].json, '__proto__')?.value).toBe('x');
		expect(Object.getPrototypeOf(noMatch[0].json)).toBe(Object.prototype);
	});
});
