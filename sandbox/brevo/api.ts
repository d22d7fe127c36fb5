/**
 * The Brevo API v3 routes n8n's Brevo node and the examples' HTTP Request calls use, answering with
 * Brevo's paths, status codes and bodies (https://developers.brevo.com/reference): contacts
 * (create, upsert with updateEnabled, get, update, delete, list), contact attributes, lists and
 * adding contacts to a list, transactional email, and the account (the credential test).
 */
import type { IncomingMessage } from 'node:http';

export type AttributeType = 'text' | 'float' | 'date' | 'boolean' | 'category';
export type Json = Record<string, unknown>;

export interface BrevoAttribute {
	name: string;
	category: 'normal' | 'category' | 'transactional' | 'calculated' | 'global';
	type: AttributeType;
}

export interface BrevoContact {
	id: number;
	email: string;
	emailBlacklisted: boolean;
	smsBlacklisted: boolean;
	createdAt: string;
	modifiedAt: string;
	attributes: Json;
	listIds: number[];
}

export interface BrevoList {
	id: number;
	name: string;
	folderId: number;
}

export interface BrevoEmail {
	messageId: string;
	time: string;
	sender: unknown;
	to: unknown;
	subject?: string;
	textContent?: string;
	htmlContent?: string;
	templateId?: number;
	params?: unknown;
}

export interface BrevoRequest {
	time: string;
	method: string;
	path: string;
	status: number;
	/** Whether it came over TLS (through the proxy's tunnel, as n8n calls) or plain HTTP. */
	tls: boolean;
	body?: unknown;
}

export interface BrevoSetup {
	/** Attributes to add to Brevo's defaults (FIRSTNAME, LASTNAME, SMS, EXT_ID). */
	attributes?: Array<{ name: string; type?: AttributeType; category?: BrevoAttribute['category'] }>;
	lists?: Array<{ id?: number; name: string; folderId?: number }>;
}

/** What a fresh Brevo account has. */
const DEFAULT_ATTRIBUTES: BrevoAttribute[] = [
	{ name: 'FIRSTNAME', category: 'normal', type: 'text' },
	{ name: 'LASTNAME', category: 'normal', type: 'text' },
	{ name: 'SMS', category: 'normal', type: 'text' },
	{ name: 'EXT_ID', category: 'normal', type: 'text' },
];

/** A webinar-marketing account (examples/webinar-attendance-to-brevo.json): the attributes its field mapping writes and its four lists. */
export const WEBINAR_MARKETING_SETUP: BrevoSetup = {
	attributes: [
		{ name: 'MEETING_DURATION', type: 'float' },
		{ name: 'MEETING_JOIN_DATE', type: 'date' },
		{ name: 'ATTENDANCE_STATUS', type: 'text' },
		{ name: 'WEBINAR_NAME', type: 'text' },
		{ name: 'UTM_SOURCE', type: 'text' },
		{ name: 'ENGAGEMENT_SCORE', type: 'float' },
		{ name: 'QUESTIONS_ASKED', type: 'float' },
	],
	lists: [
		{ id: 15, name: 'Meeting participants' },
		{ id: 16, name: 'Webinar attendees' },
		{ id: 17, name: 'Webinar registrants' },
		{ id: 18, name: 'Hot leads' },
	],
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export class BrevoError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
	) {
		super(message);
	}
}

export class BrevoStore {
	attributes: BrevoAttribute[] = [];
	contacts = new Map<string, BrevoContact>();
	lists = new Map<number, BrevoList>();
	emails: BrevoEmail[] = [];
	requests: BrevoRequest[] = [];
	private nextContactId = 1;
	private nextListId = 1;

	constructor(readonly apiKey: string) {
		this.reset();
	}

	reset(setup: BrevoSetup = {}): void {
		this.attributes = DEFAULT_ATTRIBUTES.map((a) => ({ ...a }));
		this.contacts.clear();
		this.lists.clear();
		this.emails = [];
		this.requests = [];
		this.nextContactId = 1;
		this.nextListId = 1;
		this.setup(setup);
	}

	setup(setup: BrevoSetup): void {
		for (const a of setup.attributes ?? []) {
			const name = a.name.toUpperCase();
			if (!this.attributes.some((x) => x.name === name)) this.attributes.push({ name, category: a.category ?? 'normal', type: a.type ?? 'text' });
		}
		for (const l of setup.lists ?? []) {
			const id = l.id ?? this.nextListId;
			this.lists.set(id, { id, name: l.name, folderId: l.folderId ?? 1 });
			this.nextListId = Math.max(this.nextListId, id + 1);
		}
	}

	/** Everything that arrived, for the control route. */
	snapshot(): Json {
		return {
			contacts: [...this.contacts.values()],
			lists: [...this.lists.values()].map((l) => ({ ...l, contacts: this.members(l.id) })),
			attributes: this.attributes,
			emails: this.emails,
			requests: this.requests,
		};
	}

	private members(listId: number): string[] {
		return [...this.contacts.values()].filter((c) => c.listIds.includes(listId)).map((c) => c.email);
	}

	private find(identifier: string): BrevoContact | undefined {
		const key = decodeURIComponent(identifier).trim().toLowerCase();
		if (/^\d+$/.test(key)) return [...this.contacts.values()].find((c) => c.id === Number(key));
		return this.contacts.get(key);
	}

	/**
	 * Attribute values as Brevo keeps them: names must exist in the account; numbers and dates are
	 * checked against the attribute's type. An empty string clears the value.
	 */
	private attributeValues(input: unknown): Json {
		if (input === undefined || input === null) return {};
		if (typeof input !== 'object' || Array.isArray(input)) throw new BrevoError(400, 'invalid_parameter', 'attributes should be an object');
		const out: Json = {};
		for (const [rawName, value] of Object.entries(input as Json)) {
			const name = rawName.toUpperCase();
			const attribute = this.attributes.find((a) => a.name === name);
			if (!attribute) throw new BrevoError(400, 'invalid_parameter', `Attribute ${rawName} does not exist`);
			if (value === '' || value === null) {
				out[name] = null;
				continue;
			}
			if (attribute.type === 'float') {
				const n = typeof value === 'number' ? value : Number(String(value).trim());
				if (!Number.isFinite(n)) throw new BrevoError(400, 'invalid_parameter', `Invalid value for attribute ${name}: expected a number`);
				out[name] = n;
			} else if (attribute.type === 'date') {
				const text = String(value).trim();
				if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(Date.parse(text))) {
					throw new BrevoError(400, 'invalid_parameter', `Invalid value for attribute ${name}: expected a date (YYYY-MM-DD)`);
				}
				out[name] = text.slice(0, 10);
			} else if (attribute.type === 'boolean') {
				out[name] = value === true || value === 'true';
			} else {
				out[name] = String(value);
			}
		}
		return out;
	}

	private listIdsOf(input: unknown): number[] {
		if (input === undefined) return [];
		if (!Array.isArray(input)) throw new BrevoError(400, 'invalid_parameter', 'listIds should be an array');
		return input.map((raw) => {
			const id = Number(raw);
			if (!this.lists.has(id)) throw new BrevoError(404, 'document_not_found', 'List ID does not exist');
			return id;
		});
	}

	/** POST /v3/contacts: 201 {id} when created; with updateEnabled an existing contact is updated, 204. */
	createContact(body: Json): { status: number; body?: Json } {
		const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : '';
		if (!email) throw new BrevoError(400, 'missing_parameter', 'email is missing');
		if (!EMAIL.test(email)) throw new BrevoError(400, 'invalid_parameter', 'Invalid email address');
		const attributes = this.attributeValues(body.attributes);
		const listIds = this.listIdsOf(body.listIds);
		const now = new Date().toISOString();
		const existing = this.contacts.get(email);
		if (existing) {
			if (body.updateEnabled !== true) {
				throw new BrevoError(400, 'duplicate_parameter', 'Unable to create contact, email is already associated with another Contact');
			}
			Object.assign(existing.attributes, attributes);
			for (const id of listIds) if (!existing.listIds.includes(id)) existing.listIds.push(id);
			existing.modifiedAt = now;
			return { status: 204 };
		}
		const contact: BrevoContact = {
			id: this.nextContactId++,
			email,
			emailBlacklisted: body.emailBlacklisted === true,
			smsBlacklisted: body.smsBlacklisted === true,
			createdAt: now,
			modifiedAt: now,
			attributes,
			listIds: [...new Set(listIds)],
		};
		this.contacts.set(email, contact);
		return { status: 201, body: { id: contact.id } };
	}

	getContact(identifier: string): BrevoContact {
		const contact = this.find(identifier);
		if (!contact) throw new BrevoError(404, 'document_not_found', 'Contact does not exist');
		return contact;
	}

	/** PUT /v3/contacts/{identifier}: 204. */
	updateContact(identifier: string, body: Json): void {
		const contact = this.getContact(identifier);
		Object.assign(contact.attributes, this.attributeValues(body.attributes));
		for (const id of this.listIdsOf(body.listIds)) if (!contact.listIds.includes(id)) contact.listIds.push(id);
		const unlink = this.listIdsOf(body.unlinkListIds);
		contact.listIds = contact.listIds.filter((id) => !unlink.includes(id));
		contact.modifiedAt = new Date().toISOString();
	}

	deleteContact(identifier: string): void {
		const contact = this.getContact(identifier);
		this.contacts.delete(contact.email);
	}

	/** POST /v3/contacts/lists/{id}/contacts/add: 201 with the emails added and those that were not. */
	addToList(listId: number, body: Json): Json {
		if (!this.lists.has(listId)) throw new BrevoError(404, 'document_not_found', 'List ID does not exist');
		const emails = Array.isArray(body.emails) ? body.emails.map((e) => String(e)) : undefined;
		const ids = Array.isArray(body.ids) ? body.ids.map((i) => Number(i)) : undefined;
		if (!emails && !ids) throw new BrevoError(400, 'missing_parameter', 'emails or ids is missing');
		const wanted = emails ?? ids ?? [];
		if (wanted.length > 150) throw new BrevoError(400, 'invalid_parameter', 'You can add up to 150 contacts at a time');
		const success: Array<string | number> = [];
		const failure: Array<string | number> = [];
		for (const key of wanted) {
			const contact = this.find(String(key));
			if (!contact || contact.listIds.includes(listId)) {
				failure.push(key);
				continue;
			}
			contact.listIds.push(listId);
			contact.modifiedAt = new Date().toISOString();
			success.push(key);
		}
		if (success.length === 0) throw new BrevoError(400, 'invalid_parameter', 'Contact already in list and/or does not exist');
		return { contacts: { success, failure } };
	}

	createList(body: Json): Json {
		if (typeof body.name !== 'string' || !body.name) throw new BrevoError(400, 'missing_parameter', 'name is missing');
		const id = this.nextListId++;
		this.lists.set(id, { id, name: body.name, folderId: Number(body.folderId ?? 1) });
		return { id };
	}

	createAttribute(category: string, name: string, body: Json): void {
		const upper = name.toUpperCase();
		if (this.attributes.some((a) => a.name === upper)) throw new BrevoError(400, 'duplicate_parameter', 'Attribute name already exists');
		const type = (body.type as AttributeType | undefined) ?? 'text';
		this.attributes.push({ name: upper, category: category as BrevoAttribute['category'], type });
	}

	/** POST /v3/smtp/email: 201 {messageId}. */
	sendEmail(body: Json): Json {
		const sender = body.sender as Json | undefined;
		if (!body.templateId && !(sender && typeof sender.email === 'string' && EMAIL.test(sender.email))) {
			throw new BrevoError(400, 'missing_parameter', 'sender is missing');
		}
		const to = body.to as Json[] | undefined;
		if (!Array.isArray(to) || to.length === 0) throw new BrevoError(400, 'missing_parameter', 'to is missing');
		for (const recipient of to) {
			if (typeof recipient?.email !== 'string' || !EMAIL.test(recipient.email)) throw new BrevoError(400, 'invalid_parameter', 'email is not valid in to');
		}
		if (!body.templateId && !body.htmlContent && !body.textContent) {
			throw new BrevoError(400, 'missing_parameter', 'Either of htmlContent, textContent or templateId is required');
		}
		if (!body.templateId && !body.subject) throw new BrevoError(400, 'missing_parameter', 'subject is missing');
		const messageId = `<${Date.now()}.${Math.random().toString(16).slice(2, 14)}@smtp-relay.mailin.fr>`;
		this.emails.push({
			messageId,
			time: new Date().toISOString(),
			sender: body.sender,
			to: body.to,
			subject: body.subject as string | undefined,
			textContent: body.textContent as string | undefined,
			htmlContent: body.htmlContent as string | undefined,
			templateId: body.templateId as number | undefined,
			params: body.params,
		});
		return { messageId };
	}
}

export interface Reply {
	status: number;
	body?: unknown;
}

/** One /v3 request: authenticated by the `api-key` header, as Brevo does. */
export function handleBrevoApi(store: BrevoStore, req: IncomingMessage, url: URL, body: Json): Reply {
	const key = req.headers['api-key'];
	if (!key) return { status: 401, body: { code: 'unauthorized', message: 'Key not found' } };
	if (key !== store.apiKey) return { status: 401, body: { code: 'unauthorized', message: 'Key not found' } };
	const method = req.method ?? 'GET';
	const path = url.pathname.replace(/\/+$/, '');
	const parts = path.split('/').slice(2); // after '', 'v3'
	try {
		if (method === 'GET' && path === '/v3/account') {
			return {
				status: 200,
				body: {
					email: 'marketing@example.com',
					firstName: 'Webinar',
					lastName: 'Sandbox',
					companyName: 'Brevo stand-in',
					plan: [{ type: 'free', creditsType: 'sendLimit', credits: 300 }],
				},
			};
		}
		if (parts[0] === 'contacts') {
			if (parts.length === 1 && method === 'POST') {
				const result = store.createContact(body);
				return { status: result.status, body: result.body };
			}
			if (parts.length === 1 && method === 'GET') {
				const limit = Math.min(Number(url.searchParams.get('limit') ?? 50), 1000);
				const offset = Number(url.searchParams.get('offset') ?? 0);
				const all = [...store.contacts.values()];
				if ((url.searchParams.get('sort') ?? 'desc') === 'desc') all.reverse();
				return { status: 200, body: { contacts: all.slice(offset, offset + limit), count: all.length } };
			}
			if (parts[1] === 'attributes') {
				if (parts.length === 2 && method === 'GET') return { status: 200, body: { attributes: store.attributes } };
				if (parts.length === 4 && method === 'POST') {
					store.createAttribute(parts[2], decodeURIComponent(parts[3]), body);
					return { status: 201 };
				}
			}
			if (parts[1] === 'lists') {
				if (parts.length === 2 && method === 'GET') {
					const lists = [...store.lists.values()].map((l) => ({
						...l,
						uniqueSubscribers: [...store.contacts.values()].filter((c) => c.listIds.includes(l.id)).length,
					}));
					return { status: 200, body: { lists, count: lists.length } };
				}
				if (parts.length === 2 && method === 'POST') return { status: 201, body: store.createList(body) };
				if (parts.length === 5 && parts[3] === 'contacts' && parts[4] === 'add' && method === 'POST') {
					return { status: 201, body: store.addToList(Number(parts[2]), body) };
				}
			}
			if (parts.length === 2 && parts[1] !== 'attributes' && parts[1] !== 'lists') {
				if (method === 'GET') return { status: 200, body: store.getContact(parts[1]) };
				if (method === 'PUT') {
					store.updateContact(parts[1], body);
					return { status: 204 };
				}
				if (method === 'DELETE') {
					store.deleteContact(parts[1]);
					return { status: 204 };
				}
			}
		}
		if (method === 'POST' && path === '/v3/smtp/email') return { status: 201, body: store.sendEmail(body) };
		return { status: 404, body: { code: 'not_found', message: 'Invalid route' } };
	} catch (error) {
		if (error instanceof BrevoError) return { status: error.status, body: { code: error.code, message: error.message } };
		throw error;
	}
}
