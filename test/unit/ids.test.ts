import fc from 'fast-check';

import { parseSessionId, parseSessionRef } from 'n8n-nodes-zoom-connector/nodes/shared/ids';

describe('parseSessionId', () => {
	it.each([
		[85746065432, '85746065432'],
		['85746065432', '85746065432'],
		[' 857 4606 5432 ', '85746065432'],
		['857-4606-5432', '85746065432'],
		['https://us05web.zoom.us/j/85746065432?pwd=abc', '85746065432'],
		['https://zoom.us/w/98765432101?tk=x', '98765432101'],
		['https://acme.zoomgov.com/j/123456789', '123456789'],
	])('reads %p as %s', (input, expected) => {
		expect(parseSessionId(input)).toEqual({ id: expected });
	});

	it.each([
		['', 'empty'],
		['abc', '"abc"'],
		['12345', '5 digits (Zoom IDs have 9 to 12)'],
		[1.5, 'a number that is not a whole positive ID'],
		[null, 'a null'],
		[{}, 'a object'],
		['https://example.com/j/85746065432', '"https://example.com/j/85746065432"'],
	])('rejects %p, saying why', (input, problem) => {
		expect(parseSessionId(input)).toEqual({ problem });
	});

	it('accepts any 9–12 digit ID however it is spaced or dashed (property)', () => {
		fc.assert(
			fc.property(
				fc.stringMatching(/^[1-9]\d{8,11}$/),
				fc.array(fc.constantFrom(' ', '-', ''), { minLength: 12, maxLength: 12 }),
				(digits, separators) => {
					const pasted = digits
						.split('')
						.map((d, i) => d + (i < digits.length - 1 ? separators[i] : ''))
						.join('');
					expect(parseSessionId(pasted)).toEqual({ id: digits });
				},
			),
		);
	});
});

describe('parseSessionRef', () => {
	it('takes numeric IDs and instance UUIDs', () => {
		expect(parseSessionRef('858 4606 5432')).toEqual({ kind: 'id', id: '85846065432' });
		expect(parseSessionRef('4444AAAiAAAAAiAiAiiAii==')).toEqual({ kind: 'uuid', uuid: '4444AAAiAAAAAiAiAiiAii==' });
		expect(parseSessionRef('/ajXp112QmuoKj4854875==')).toEqual({ kind: 'uuid', uuid: '/ajXp112QmuoKj4854875==' });
		expect(parseSessionRef('hello world')).toHaveProperty('problem');
	});
});
