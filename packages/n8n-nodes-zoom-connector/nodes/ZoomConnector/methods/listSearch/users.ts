/**
 * The account's users, searchable by name or email, "me" first: GET /users
 * (https://developers.zoom.us/docs/api/users/#tag/users/GET/users), which needs an admin scope
 * (user:read:list_users:admin), so a user-level OAuth app usually sees "me" and a line naming the scope.
 */
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import type { UsersListUsersQueryParams } from '@zoom/rivet/users';

import { MAX_PAGE_SIZE, zoomApiRequest } from '../../../shared/transport';
import { ME_NAME } from '../../shared/descriptions';
import { collectPages, failureResult, matchesSearch, type ListPage } from './results';

function userItem(row: IDataObject, filter: string | undefined): INodeListSearchItems | undefined {
	if (typeof row.id !== 'string' || !row.id) return undefined;
	const name =
		(typeof row.display_name === 'string' && row.display_name) ||
		[row.first_name, row.last_name].filter((part) => typeof part === 'string' && part).join(' ') ||
		String(row.email ?? row.id);
	if (!matchesSearch(filter, name, row.email, row.id)) return undefined;
	return {
		name: typeof row.email === 'string' && row.email ? `${name} <${row.email}>` : name,
		value: row.id,
		description: `User ID ${row.id}`,
	};
}

async function userPage(
	context: ILoadOptionsFunctions,
	token: string | undefined,
): Promise<ListPage> {
	const qs: UsersListUsersQueryParams = { status: 'active', page_size: MAX_PAGE_SIZE };
	if (token) qs.next_page_token = token;
	const page = await zoomApiRequest.call(context, 'GET', '/users', { qs: qs as IDataObject });
	const items = Array.isArray(page.users) ? (page.users as IDataObject[]) : [];
	const next = typeof page.next_page_token === 'string' ? page.next_page_token : undefined;
	return { items, next };
}

export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	// "me" heads the first page; it needs no call and works with both credential types.
	const me: INodeListSearchItems[] =
		!paginationToken && matchesSearch(filter, ME_NAME, 'me')
			? [{ name: ME_NAME, value: 'me', description: 'The user the credential connects as' }]
			: [];
	try {
		const page = await collectPages(
			async (next) => await userPage(this, next),
			(row) => userItem(row, filter),
			paginationToken,
		);
		return { ...page, results: [...me, ...page.results] };
	} catch (error) {
		const failure = failureResult(error);
		return { results: [...me, ...failure.results] };
	}
}
