/**
 * The resource locators' pure parts: a locator and a plain string read alike, the editor's By URL / By ID checks
 * (as n8n applies them: the whole value, ^…$) agree with the parser the node runs, Zoom's time zones.
 */
import fc from 'fast-check';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ZoomConnector } from 'n8n-nodes-zoom-connector/nodes/ZoomConnector/ZoomConnector.node';
import { matchesSearch, shortTime, fileSize } from 'n8n-nodes-zoom-connector/nodes/ZoomConnector/methods/listSearch/results';
import { readSessionId, readSessionRef, sessionIdField } from 'n8n-nodes-zoom-connector/nodes/ZoomConnector/shared/ids';
import { locatorValue, sessionModes } from 'n8n-nodes-zoom-connector/nodes/ZoomConnector/shared/locators';
import { timeZoneOptions, ZOOM_TIME_ZONES } from 'n8n-nodes-zoom-connector/nodes/ZoomConnector/shared/zoomTimeZones';
import { parseSessionId } from 'n8n-nodes-zoom-connector/nodes/shared/ids';
import { sessionBody } from 'n8n-nodes-zoom-connector/nodes/ZoomConnector/resources/session/bodies';
import { isValidTimeZone } from 'n8n-nodes-zoom-connector/nodes/shared/time';

/** What n8n does with a mode's regex (n8n-workflow node-helpers: `^${regex}$`). */
function editorAccepts(mode: 'url' | 'id', value: string, uuid = false): boolean {
	const found = sessionModes('searchMeetings', 'meeting', uuid).modes.find((m) => m.name === mode)!;
	const validation = found.validation![0] as unknown as { properties: { regex: string } };
	return new RegExp(`^${validation.properties.regex}$`).test(value);
}

function context(parameters: Record<string, unknown>): IExecuteFunctions {
	return {
		getNode: () => ({ name: 'Zoom', typeVersion: 2 }),
		getNodeParameter: (name: string, _item: number, fallback: unknown) => (name in parameters ? parameters[name] : fallback),
	} as unknown as IExecuteFunctions;
}

const rl = (mode: string, value: unknown) => ({ __rl: true, mode, value });
const digits = fc.stringMatching(/^[1-9]\d{8,11}$/);

describe('the locators', () => {
	it('locatorValue unwraps a resource locator and leaves any other value alone', () => {
		expect(locatorValue(rl('list', '85746065432'))).toBe('85746065432');
		expect(locatorValue('85746065432')).toBe('85746065432');
		expect(locatorValue(85746065432)).toBe(85746065432);
		expect(locatorValue(['a'])).toEqual(['a']);
	});

	it('a meeting ID reads the same from every mode and from a plain string (an expression, an AI tool) (property)', () => {
		fc.assert(
			fc.property(digits, (id) => {
				const forms = [id, rl('list', id), rl('url', `https://zoom.us/j/${id}?pwd=x`), rl('url', `https://zoom.us/meeting/${id}`), rl('id', id.replace(/(\d{3})/, '$1 '))];
				for (const value of forms) expect(readSessionId(context({ meetingId: value }), 'meetingId', 'meeting', 0)).toBe(id);
			}),
		);
	});

	it('a chosen instance wins over the meeting; none chosen leaves the meeting', () => {
		const uuid = 'abc/DEF//ghiJKLmnoPQ==';
		const chosen = readSessionRef(context({ sessionId: rl('list', '85746065432'), instanceId: rl('list', uuid) }), 0, { label: 'Meeting' });
		expect(chosen).toEqual({ kind: 'uuid', value: uuid, segment: encodeURIComponent(encodeURIComponent(uuid)) });
		const plain = readSessionRef(context({ sessionId: '85746065432', instanceId: uuid }), 0, { label: 'Meeting' });
		expect(plain).toEqual(chosen);
		const none = readSessionRef(context({ sessionId: rl('list', '85746065432'), instanceId: rl('list', '') }), 0, { label: 'Meeting' });
		expect(none.kind).toBe('id');
		expect(() => readSessionRef(context({ sessionId: rl('id', '85746065432'), instanceId: rl('id', 'not a uuid!') }), 0, { label: 'Meeting' })).toThrow(
			/"Instance" is not an instance UUID/,
		);
	});

	it('an ID field is one resource locator, shown for no particular version', () => {
		const field = sessionIdField('meetingId', 'meeting', { show: { resource: ['meeting'] } });
		expect([field.name, field.type, field.displayOptions?.show?.['@version']]).toEqual(['meetingId', 'resourceLocator', undefined]);
	});

	it('the node has one version (2), no parameter depends on the version, and every locator’s list method exists', () => {
		const node = new ZoomConnector();
		expect(node.description.version).toBe(2);
		expect(node.description.defaultVersion).toBeUndefined();
		const properties = node.description.properties;
		expect(properties.some((p) => p.displayOptions?.show?.['@version'] || p.displayOptions?.hide?.['@version'])).toBe(false);
		const methods = node.description.properties
			.filter((p: INodeProperties) => p.type === 'resourceLocator')
			.flatMap((p) => (p.modes ?? []).map((m) => m.typeOptions?.searchListMethod).filter(Boolean));
		expect(methods.length).toBeGreaterThan(10);
		for (const method of methods) expect(Object.keys(node.methods.listSearch)).toContain(method);
	});
});

describe('the editor’s checks agree with the parser', () => {
	it('By URL takes every join and portal URL the parser reads (property)', () => {
		fc.assert(
			fc.property(
				digits,
				fc.constantFrom('https://zoom.us', 'https://us05web.zoom.us', 'https://acme.zoomgov.com', 'http://zoom.com'),
				fc.constantFrom('j', 'w', 's', 'wc/join', 'meeting', 'webinar'),
				fc.constantFrom('', '?pwd=abc.1', '#success', '/start'),
				(id, host, path, tail) => {
					const url = `${host}/${path}/${id}${tail}`;
					expect(parseSessionId(url)).toEqual({ id });
					expect(editorAccepts('url', url)).toBe(true);
				},
			),
		);
	});

	it.each(['https://example.com/j/85746065432', 'https://zoom.us/j/12345', 'zoom.us/j/85746065432', '85746065432'])(
		'By URL refuses %s, and so does the parser',
		(url) => {
			expect(editorAccepts('url', url)).toBe(false);
			expect(parseSessionId(url).id === undefined || !url.startsWith('http')).toBe(true);
		},
	);

	it('By ID takes an ID however Zoom prints it; with uuid, an instance UUID too', () => {
		expect(editorAccepts('id', '857 4606 5432')).toBe(true);
		expect(editorAccepts('id', '857-4606-5432')).toBe(true);
		expect(editorAccepts('id', 'https://zoom.us/j/85746065432')).toBe(false);
		expect(editorAccepts('id', '4444AAAiAAAAAiAiAiiAii==')).toBe(false);
		expect(editorAccepts('id', '4444AAAiAAAAAiAiAiiAii==', true)).toBe(true);
		expect(editorAccepts('id', '857 4606 5432', true)).toBe(true);
	});
});

describe('Zoom’s time zones', () => {
	it('every ID is unique and its clock is a zone the node can read times in', () => {
		const ids = ZOOM_TIME_ZONES.map(([id]) => id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect([id, isValidTimeZone(id)]).toEqual([id, true]);
		expect(timeZoneOptions.map((o) => o.value)).toEqual(expect.arrayContaining(['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Calcutta']));
	});

	it('is Zoom’s list, not the IANA one: Zoom’s own IDs in, most IANA zones out', () => {
		const ids = new Set(ZOOM_TIME_ZONES.map(([id]) => id));
		expect(ids.has('SST')).toBe(true);
		expect(ids.has('Canada/Atlantic')).toBe(true);
		expect(ids.has('Europe/Andorra')).toBe(false);
		expect(ids.size).toBeLessThan(Intl.supportedValuesOf('timeZone').length / 2);
	});
});

describe('list helpers', () => {
	it('search ignores case and matches any field; an empty search matches all', () => {
		expect(matchesSearch('PLAN', 'Quarterly planning')).toBe(true);
		expect(matchesSearch(' 857 ', 'x', 85746065432)).toBe(true);
		expect(matchesSearch('', undefined)).toBe(true);
		expect(matchesSearch('retro', 'Quarterly planning', null)).toBe(false);
	});

	it('times and sizes as people read them', () => {
		expect(shortTime('2026-11-30T10:05:00Z')).toBe('2026-11-30 10:05 UTC');
		expect(shortTime('2026-11-30T10:05:00')).toBe('2026-11-30T10:05:00');
		expect(fileSize(1536)).toBe('1.5 KB');
		expect(fileSize(300 * 1024 * 1024)).toBe('300 MB');
		expect(fileSize(12)).toBe('12 B');
		expect(fileSize(undefined)).toBe('size unknown');
	});
});

describe('the Time Zone list and the body', () => {
	it('every Zoom zone is accepted as a Time Zone value (property over the list)', () => {
		fc.assert(
			fc.property(fc.constantFrom(...ZOOM_TIME_ZONES.map(([id]) => id)), (zone) => {
				expect(sessionBody({ noun: 'meeting', fields: { timezone: zone }, settings: {}, workflowTimeZone: 'UTC' }).timezone).toBe(zone);
			}),
		);
	});
});
