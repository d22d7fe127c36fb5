// The one store: everything the fake Zoom knows, in plain maps. `reset` = a new Store.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { isoSeconds, randomToken } from './http';
import type { EventSubscription } from './eventSubscriptions';

export interface User {
	id: string;
	email: string;
	first_name: string;
	last_name: string;
	type: number;
	status: 'active' | 'inactive' | 'pending';
	pmi: number;
	timezone: string;
	created_at: string;
	role_id: string;
}

export type Kind = 'meeting' | 'webinar';

export interface Occurrence {
	occurrence_id: string;
	start_time: string;
	duration: number;
	status: 'available' | 'deleted';
}

export interface Registrant {
	id: string;
	email: string;
	first_name: string;
	last_name: string;
	status: 'approved' | 'pending' | 'denied';
	create_time: string;
	join_url: string;
	participant_pin_code: number;
	/** The webinar tracking source the registration came through (source_id of the add), if any. */
	sourceId?: string;
	/** Other standard/custom question answers, echoed back on list. */
	extra: Record<string, unknown>;
}

/** How the participant rows of an ended instance are generated (lazily, deterministically). */
export interface ParticipantPlan {
	participants: number;
	rejoinFraction: number;
	guests: number;
}

export interface ParticipantRow {
	id: string;
	name: string;
	user_id: string;
	user_email: string;
	registrant_id: string;
	join_time: string;
	leave_time: string;
	duration: number;
	internal_user: boolean;
}

export interface Instance {
	uuid: string;
	sessionId: number;
	startMs: number;
	endMs: number;
	plan: ParticipantPlan;
	rows?: ParticipantRow[];
	recording?: Recording;
}

export interface RecordingFile {
	id: string;
	fileType: 'MP4' | 'M4A' | 'TRANSCRIPT' | 'CHAT';
	extension: string;
	recordingType: string;
	contentType: string;
	filename: string;
	bytes: Buffer;
	/** When set, the file is this many bytes, generated as it is sent (for downloads larger than memory). */
	generatedSize?: number;
}

export interface Recording {
	instanceUuid: string;
	sessionId: number;
	files: RecordingFile[];
	shareId: string;
}

export interface Session {
	kind: Kind;
	id: number;
	uuid: string;
	hostId: string;
	topic: string;
	type: number;
	startMs?: number;
	duration: number;
	timezone: string;
	agenda: string;
	createdMs: number;
	password: string;
	h323: string;
	pstn: string;
	encrypted: string;
	settings: Record<string, unknown>;
	recurrence?: Record<string, unknown>;
	occurrences?: Occurrence[];
	trackingFields: unknown[];
	registrants: Registrant[];
	instances: Instance[];
	status: 'waiting' | 'started';
	liveSinceMs?: number;
	deleted: boolean;
}

export interface Token {
	value: string;
	/** `app`: a General app's own token from the client-credentials grant. */
	kind: 'oauth' | 's2s' | 'download' | 'app';
	scopes: string[];
	userId: string;
	accountId: string;
	clientId: string;
	expiresAt: number;
	refreshToken?: string;
}

export interface RefreshGrant {
	value: string;
	clientId: string;
	userId: string;
	scopes: string[];
	accessToken: string;
}

export interface AuthCode {
	code: string;
	clientId: string;
	redirectUri: string;
	userId: string;
	expiresAt: number;
	codeChallenge?: string;
	codeChallengeMethod?: string;
}

export interface App {
	clientId: string;
	clientSecret: string;
	kind: 'oauth' | 's2s';
	accountId: string;
	scopes: string[];
}

export interface PageCursor {
	key: string;
	offset: number;
	expiresAt: number;
}

/** Every granular scope (https://developers.zoom.us/docs/integrations/oauth-scopes-granular/) (plus the few unconfirmed ones we route), each with `:admin`. */
const GRANULAR = [
	'user:read:list_users:admin',
	'user:read:user',
	'meeting:write:meeting',
	'meeting:read:list_meetings',
	'meeting:read:meeting',
	'meeting:update:meeting',
	'meeting:delete:meeting',
	'meeting:read:invitation',
	'meeting:write:registrant',
	'meeting:read:list_registrants',
	'meeting:update:registrant_status',
	'meeting:read:past_meeting',
	'meeting:read:list_past_instances',
	'meeting:read:list_past_participants',
	'meeting:read:participant',
	'webinar:write:webinar',
	'webinar:read:list_webinars',
	'webinar:read:webinar',
	'webinar:update:webinar',
	'webinar:delete:webinar',
	'webinar:write:registrant',
	'webinar:read:list_registrants',
	'webinar:update:registrant_status',
	'webinar:read:past_webinar',
	'webinar:read:list_past_instances',
	'webinar:read:list_past_participants',
	'webinar:read:list_absentees',
	'report:read:meeting:admin',
	'report:read:list_meeting_participants:admin',
	'report:read:webinar:admin',
	'report:read:list_webinar_participants:admin',
	'report:read:user:admin',
	'cloud_recording:read:list_recording_files',
	'cloud_recording:read:list_user_recordings',
	'cloud_recording:read:recording',
	'meeting:read:summary',
	'meeting:read:list_summaries:admin',
	'meeting:read:past_qa',
	'meeting:read:list_poll_results',
	'webinar:read:past_qa',
	'webinar:read:list_past_polls',
	'report:read:meeting_qna:admin',
	'report:read:list_meeting_polls:admin',
	'report:read:meeting_survey:admin',
	'report:read:webinar_qna:admin',
	'report:read:list_webinar_polls:admin',
	'report:read:webinar_survey:admin',
	'webinar:read:list_panelists',
	'webinar:write:panelist',
	'webinar:delete:panelist',
	'meeting:update:status',
	'webinar:update:status',
	'cloud_recording:delete:meeting_recording',
	'cloud_recording:delete:recording_file',
	'cloud_recording:update:recover_meeting_recordings',
	'cloud_recording:update:recover_single_recording',
	'meeting:read:list_registration_questions',
	'meeting:update:registration_question',
	'meeting:read:registrant',
	'meeting:delete:registrant',
	'meeting:write:batch_registrants',
	'webinar:read:list_registration_questions',
	'webinar:update:registration_question',
	'webinar:read:registrant',
	'webinar:delete:registrant',
	'webinar:write:batch_registrants',
	'webinar:read:list_tracking_sources',
];
export const ALL_SCOPES: string[] = GRANULAR.flatMap((s) => (s.endsWith(':admin') ? [s] : [s, `${s}:admin`]));

export interface Defaults {
	oauthClientId: string;
	oauthClientSecret: string;
	s2sAccountId: string;
	s2sClientId: string;
	s2sClientSecret: string;
	webhookSecretToken: string;
	meUserId: string;
	meEmail: string;
}

export const SANDBOX_DEFAULTS: Defaults = {
	oauthClientId: 'sandbox-oauth-client',
	oauthClientSecret: 'sandbox-oauth-secret',
	s2sAccountId: 'sandbox-account',
	s2sClientId: 'sandbox-s2s-client',
	s2sClientSecret: 'sandbox-s2s-secret',
	webhookSecretToken: 'sandbox-webhook-secret',
	meUserId: 'KDcuGIm1QgePTO8WbOqwIQ',
	meEmail: 'host@example.com',
};

/** 22-char Zoom-looking user id, deterministic when a seed is given. */
export const zoomUserId = (seed?: string): string =>
	(seed === undefined ? randomBytes(16) : createHash('sha1').update(seed).digest()).toString('base64url').slice(0, 22);

export type UuidStyle = 'normal' | 'slash' | 'double-slash';

/** Base64 instance UUID, 24 chars ending "==". Styles force the forms that need double encoding. */
export function newUuid(style: UuidStyle = 'normal'): string {
	let u = randomBytes(16).toString('base64');
	if (style === 'normal') while (u.startsWith('/') || u.includes('//')) u = randomBytes(16).toString('base64');
	if (style === 'slash') u = `/${u.slice(1)}`;
	if (style === 'double-slash') u = `${u.slice(0, 8)}//${u.slice(10)}`;
	return u;
}

/** The most recently ended instance (the later-added one on equal end times). */
export function latestInstance(s: Session, filter: (i: Instance) => boolean = () => true): Instance | undefined {
	return s.instances.filter(filter).reduce<Instance | undefined>((a, b) => (!a || b.endMs >= a.endMs ? b : a), undefined);
}

export class Store {
	users: User[] = [];
	sessions = new Map<number, Session>();
	/** Instance UUID (past session or scheduled uuid) → session id. */
	instances = new Map<string, Instance>();
	files = new Map<string, { file: RecordingFile; instance: Instance }>();
	tokens = new Map<string, Token>();
	refreshTokens = new Map<string, RefreshGrant>();
	codes = new Map<string, AuthCode>();
	apps = new Map<string, App>();
	pageCursors = new Map<string, PageCursor>();
	/** Event subscriptions made through the Marketplace API (eventSubscriptions.ts), by id. */
	eventSubscriptions = new Map<string, EventSubscription>();
	accountId: string;

	constructor(public defaults: Defaults) {
		this.accountId = defaults.s2sAccountId;
		this.apps.set(defaults.oauthClientId, {
			clientId: defaults.oauthClientId,
			clientSecret: defaults.oauthClientSecret,
			kind: 'oauth',
			accountId: this.accountId,
			scopes: ALL_SCOPES,
		});
		this.apps.set(defaults.s2sClientId, {
			clientId: defaults.s2sClientId,
			clientSecret: defaults.s2sClientSecret,
			kind: 's2s',
			accountId: this.accountId,
			scopes: ALL_SCOPES,
		});
		this.addUser({ email: defaults.meEmail, first_name: 'Sandbox', last_name: 'Host', id: defaults.meUserId });
	}

	get owner(): User {
		return this.users[0];
	}

	addUser(u: { email: string; first_name?: string; last_name?: string; status?: User['status']; id?: string }): User {
		const user: User = {
			id: u.id ?? zoomUserId(),
			email: u.email,
			first_name: u.first_name ?? '',
			last_name: u.last_name ?? '',
			type: 2,
			status: u.status ?? 'active',
			pmi: randomInt(1000000000, 9999999999),
			timezone: 'UTC',
			created_at: isoSeconds(Date.now() - 86400000 * 30),
			role_id: this.users.length === 0 ? '0' : '2',
		};
		this.users.push(user);
		return user;
	}

	/** `me` (the token owner), a user id, or an email (case-insensitive). */
	findUser(idOrEmail: string, me: string): User | undefined {
		const key = idOrEmail === 'me' ? me : idOrEmail;
		const lower = key.toLowerCase();
		return this.users.find((u) => u.id === key || u.email.toLowerCase() === lower);
	}

	newSessionId(): number {
		let id: number;
		do id = randomInt(81000000000, 99999999999);
		while (this.sessions.has(id));
		return id;
	}

	/** A live meeting's id or a past instance's uuid. */
	session(kind: Kind, id: number): Session | undefined {
		const s = this.sessions.get(id);
		return s && s.kind === kind && !s.deleted ? s : undefined;
	}

	/** Latest ended instance of a numeric id, or the instance with that uuid. */
	endedInstance(kind: Kind, idOrUuid: string): { session?: Session; instance?: Instance } {
		if (/^\d+$/.test(idOrUuid)) {
			const session = this.sessions.get(Number(idOrUuid));
			if (!session || session.kind !== kind) return {};
			return { session, instance: latestInstance(session) };
		}
		const instance = this.instances.get(idOrUuid);
		const session = instance && this.sessions.get(instance.sessionId);
		return session && session.kind === kind ? { session, instance } : {};
	}

	newToken(t: Omit<Token, 'value'>): Token {
		const token: Token = { ...t, value: `eyJzbSI6InNhbmRib3gifQ.${randomToken(32)}` };
		this.tokens.set(token.value, token);
		return token;
	}
}
