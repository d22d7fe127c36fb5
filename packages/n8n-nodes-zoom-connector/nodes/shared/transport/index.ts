/**
 * The only way to Zoom: credential choice and base URL (credentials.ts), one call with pacing, retries and
 * Zoom's errors (request.ts, failure.ts), and lists walked page by page (paging.ts).
 */
export {
	authenticationProperty,
	credentialType,
	ZOOM_ACCOUNT_APP,
	ZOOM_USER_APP,
	zoomApiCredentials,
	type ZoomApiCredentialType,
	type ZoomContext,
} from './credentials';
export {
	pacer,
	zoomApiRequest,
	zoomApiRequestFull,
	type ZoomRequestOptions,
	type ZoomResponse,
} from './request';
export {
	detectPagingStyle,
	MAX_PAGE_SIZE,
	TOKEN_PAGING,
	zoomApiPages,
	zoomApiRequestAllItems,
	type ListProperty,
	type PagingOptions,
	type PagingRule,
} from './paging';
