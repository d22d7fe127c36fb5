/**
 * Resource locators (From list / By URL / By ID) of the Zoom Connector, and its one node version.
 * IDs are saved as `{ __rl, mode, value }`; every reader goes through `locatorValue`, which also takes a
 * plain string, as an expression over the whole parameter or an AI agent's tool call gives one.
 */
import type {
	INodeParameterResourceLocator,
	INodeProperties,
	INodePropertyMode,
} from 'n8n-workflow';

/**
 * The node's only version. It is 2, not 1, because the package's development had a version 1 (plain text
 * IDs, no Simplify) that no published workflow ever used; the first release dropped it and kept the
 * number, so the workflows, examples and tests saved at 2 load unchanged.
 */
export const NODE_VERSION = 2;

/** A parameter's value: the `value` of a resource locator, or the value itself when it is a plain string. */
export function locatorValue(raw: unknown): unknown {
	if (raw && typeof raw === 'object' && !Array.isArray(raw) && '__rl' in raw) {
		return (raw as INodeParameterResourceLocator).value;
	}
	return raw;
}

// n8n checks a mode's regex against the whole value (it wraps it in ^…$), so none is anchored here.
/** The ID of a meeting/webinar as Zoom prints it: digits, spaces or dashes (the parser counts the digits). */
const SESSION_ID_REGEX = '[\\d\\s-]+';
/** An instance UUID: base64-like, 16 to 40 characters. */
const UUID_REGEX = '\\s*[A-Za-z0-9+/=]{16,40}\\s*';
/** A join, start or web portal URL (what JOIN_URL_PATTERN reads), with anything after the ID. */
export const SESSION_URL_REGEX =
	'\\s*https?://[^/]*zoom(gov)?\\.(us|com)/(j|w|s|wc/join|wc|meeting|webinar)/\\d{9,12}([/?#].*)?\\s*';

/**
 * The modes of a meeting/webinar locator: From list (loaded by `method` in methods/listSearch,
 * searchable), By URL (a join URL or the web portal's page) and By ID (with `uuid`, an instance UUID too).
 * The parser behind them is shared/ids.ts; the regexes only warn in the editor.
 */
export function sessionModes(
	method: string,
	noun: 'meeting' | 'webinar',
	uuid: boolean,
	listNoun: string = noun,
): { modes: INodePropertyMode[] } {
	const path = noun === 'webinar' ? 'w' : 'j';
	return {
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Choose a ${listNoun}…`,
				typeOptions: { searchListMethod: method, searchable: true },
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: `https://zoom.us/${path}/85746065432?pwd=… or https://zoom.us/${noun}/85746065432`,
				hint: `A join URL or the ${noun}’s page in the Zoom web portal`,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: SESSION_URL_REGEX,
							errorMessage: `Not a Zoom ${noun} URL: use https://zoom.us/${path}/85746065432 or https://zoom.us/${noun}/85746065432`,
						},
					},
				],
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: uuid ? '85746065432 or 4444AAAiAAAAAiAiAiiAii==' : '85746065432',
				hint: uuid
					? 'The numeric ID means the most recent ended session; an instance UUID means that exact one'
					: 'The numeric ID, as Zoom shows it ("857 4606 5432")',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: uuid ? `(?:${SESSION_ID_REGEX}|${UUID_REGEX})` : SESSION_ID_REGEX,
							errorMessage: uuid
								? `Not a ${noun} ID (9 to 12 digits) or instance UUID`
								: `Not a ${noun} ID: Zoom’s IDs have 9 to 12 digits`,
						},
					},
				],
			},
		],
	};
}

/** From list (loaded by `method`, searchable) and a plain By ID mode: users, instances, files, registrants. */
export function listAndIdModes(
	method: string,
	listPlaceholder: string,
	id: { displayName: string; placeholder: string; hint?: string },
): { modes: INodePropertyMode[] } {
	return {
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: listPlaceholder,
				typeOptions: { searchListMethod: method, searchable: true },
			},
			{
				displayName: id.displayName,
				name: 'id',
				type: 'string',
				placeholder: id.placeholder,
				...(id.hint ? { hint: id.hint } : {}),
			},
		],
	};
}

/** A resource locator parameter; `default` starts in From list mode unless given. */
export function locatorProperty(
	property: Omit<INodeProperties, 'type' | 'default'> & {
		modes: INodePropertyMode[];
		default?: INodeParameterResourceLocator;
	},
): INodeProperties {
	return {
		...property,
		type: 'resourceLocator',
		default: property.default ?? { __rl: true, mode: 'list', value: '' },
	};
}
