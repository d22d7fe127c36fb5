// Users API (https://developers.zoom.us/docs/api/users/): list and get, with `me`, ids and emails.
import type { UsersGetUserResponse, UsersListUsersResponse } from '@zoom/rivet/users';

import type { Ctx, Route } from './core';
import { route } from './core';
import { ZoomError, json } from './http';
import { paginate } from './paging';
import type { User } from './store';

/**
 * List users takes page_size up to 2000, the one list above the usual 300
 * (https://developers.zoom.us/docs/api/users/#tag/users/GET/users). Rivet types page_size as a bare number.
 */
export const LIST_USERS_MAX_PAGE_SIZE = 2000;

/** Find `{userId}` or answer 404 1001 like Zoom. */
export function userParam(ctx: Ctx, name = 'userId'): User {
	const key = ctx.params[name];
	const user = ctx.sb.store.findUser(key, ctx.me.id);
	if (!user) throw new ZoomError(404, 1001, `User does not exist: ${key}.`);
	return user;
}

type ListUsersRow = NonNullable<UsersListUsersResponse['users']>[number];

/** What a user row of GET /users and the answer of GET /users/{userId} share. */
function userFields(u: User) {
	return {
		id: u.id,
		first_name: u.first_name,
		last_name: u.last_name,
		display_name: `${u.first_name} ${u.last_name}`.trim(),
		email: u.email,
		pmi: u.pmi,
		timezone: u.timezone,
		verified: 1 as const,
		dept: '',
		created_at: u.created_at,
		user_created_at: u.created_at,
		last_login_time: u.created_at,
		last_client_version: '6.2.0.46690(mac)',
	};
}

/** A row of GET /users (https://developers.zoom.us/docs/api/users/#tag/users/GET/users). */
function listItem(u: User): ListUsersRow {
	return {
		...userFields(u),
		type: u.type as ListUsersRow['type'],
		status: u.status,
		role_id: u.role_id,
		group_ids: [],
		im_group_ids: [],
	};
}

/** GET /users/{userId} (https://developers.zoom.us/docs/api/users/#tag/users/GET/users/{userId}). */
export function userJson(ctx: Ctx, u: User): UsersGetUserResponse {
	return {
		...userFields(u),
		type: u.type as UsersGetUserResponse['type'],
		language: 'en-US',
		status: u.status,
		role_id: u.role_id,
		group_ids: [],
		im_group_ids: [],
		account_id: ctx.sb.store.accountId,
		account_number: 1234567890,
		role_name: u.role_id === '0' ? 'Owner' : 'Member',
		use_pmi: false,
		personal_meeting_url: `${ctx.sb.origin}/j/${u.pmi}`,
		vanity_url: '',
		pic_url: '',
		phone_number: '',
		jid: `${u.id.toLowerCase()}@xmpp.zoom.us`,
		cluster: 'us05',
		cms_user_id: '',
	};
}

export const userRoutes: Route[] = [
	route('GET', '/users', 'Medium', 'user:read:list_users:admin', 'user:read:admin', (ctx) => {
		const status = ctx.query.get('status') ?? 'active';
		if (!['active', 'inactive', 'pending'].includes(status)) throw new ZoomError(400, 300, 'Invalid field.', [{ field: 'status', message: 'Invalid value' }]);
		const page = paginate(ctx, ctx.sb.store.users.filter((u) => u.status === status), { maxPageSize: LIST_USERS_MAX_PAGE_SIZE });
		const { items, ...meta } = page;
		const answer: UsersListUsersResponse = { ...meta, users: items.map(listItem) };
		return json(200, answer);
	}),
	route('GET', '/users/:userId', 'Light', 'user:read:user', 'user:read', (ctx) => json(200, userJson(ctx, userParam(ctx)))),
];
