/**
 * The paging rules (for the transport's `paging` option) of the Zoom lists that do not page its default way
 * (next_page_token, page_size at most 300): List webinars pages by page_number alone, and List users takes a
 * page_size up to 2000.
 */
import { MAX_PAGE_SIZE, type PagingRule } from './transport';

/**
 * GET /users/{userId}/webinars: its query has page_number and no next_page_token (Rivet's
 * WebinarsListWebinarsQueryParams; https://developers.zoom.us/docs/api/meetings/#tag/webinars/GET/users/{userId}/webinars).
 */
export const LIST_WEBINARS: PagingRule = { style: 'pageNumber', maxPageSize: MAX_PAGE_SIZE };

/**
 * GET /users: page_size up to 2000 (https://developers.zoom.us/docs/api/users/#tag/users/GET/users); Rivet's
 * UsersListUsersQueryParams types it as a bare number, so the maximum is Zoom's documentation's word.
 */
export const LIST_USERS: PagingRule = { style: 'token', maxPageSize: 2000 };
