/**
 * The token answer's api_url (https://developers.zoom.us/changelog/platform/api_url_access_token_response/):
 * the account's regional host is used when it is Zoom's, and nothing else ever becomes the API base.
 */
import { apiBaseUrl } from 'n8n-nodes-zoom-connector/nodes/shared/environment';

describe('apiBaseUrl and the token answer’s api_url', () => {
	it.each([
		['Server-to-Server, EU cluster', { environment: 'zoom', apiUrl: 'https://eu01api.zoom.us' }, 'https://eu01api.zoom.us/v2'],
		['Server-to-Server, trailing slash', { environment: 'zoom', apiUrl: 'https://sg01api.zoom.us/' }, 'https://sg01api.zoom.us/v2'],
		['OAuth2, in n8n’s oauthTokenData', { environment: 'zoom', oauthTokenData: { api_url: 'https://sa01api.zoom.us' } }, 'https://sa01api.zoom.us/v2'],
		['global', { environment: 'zoom', apiUrl: 'https://api.zoom.us' }, 'https://api.zoom.us/v2'],
		['Zoom for Government', { environment: 'gov', apiUrl: 'https://api.zoomgov.com' }, 'https://api.zoomgov.com/v2'],
	])('%s → %s', (_name, credentials, base) => {
		expect(apiBaseUrl(credentials)).toBe(base);
	});

	it.each([
		['absent', { environment: 'zoom' }],
		['another domain', { environment: 'zoom', apiUrl: 'https://api.zoom.us.evil.example' }],
		['a look-alike', { environment: 'zoom', apiUrl: 'https://notzoom.us' }],
		['plain http', { environment: 'zoom', apiUrl: 'http://eu01api.zoom.us' }],
		['a port', { environment: 'zoom', apiUrl: 'https://eu01api.zoom.us:8443' }],
		['a path', { environment: 'zoom', apiUrl: 'https://eu01api.zoom.us/elsewhere' }],
		['credentials in the URL', { environment: 'zoom', apiUrl: 'https://user@eu01api.zoom.us' }],
		['not a URL', { environment: 'zoom', apiUrl: 'eu01api' }],
		['the commercial domain on Zoom for Government', { environment: 'gov', apiUrl: 'https://eu01api.zoom.us' }],
	])('%s falls back to the environment’s default host', (_name, credentials) => {
		const fallback = credentials.environment === 'gov' ? 'https://api.zoomgov.com/v2' : 'https://api.zoom.us/v2';
		expect(apiBaseUrl(credentials)).toBe(fallback);
	});

	it('the custom environment keeps the API Base URL the user chose', () => {
		expect(apiBaseUrl({ environment: 'custom', apiBaseUrl: 'http://127.0.0.1:4010/v2/', apiUrl: 'https://eu01api.zoom.us' })).toBe(
			'http://127.0.0.1:4010/v2',
		);
	});
});
