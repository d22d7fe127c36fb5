/**
 * A minimal n8n execute context for transport-level unit tests: httpRequestWithAuthentication is answered by
 * `respond` (standing in for the HTTP server), and every request it received is recorded.
 */
import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

export interface FakeResponse {
	body: unknown;
	headers?: Record<string, unknown>;
	statusCode?: number;
}

export function fakeZoomContext(
	respond: (request: IHttpRequestOptions, index: number) => FakeResponse | Promise<FakeResponse>,
	credentials: Record<string, unknown> = { environment: 'zoom' },
	parameters: Record<string, unknown> = {},
	/** More than this many requests fails the test; a test of a cap on pages raises it past that cap. */
	maxRequests = 50,
) {
	const requests: IHttpRequestOptions[] = [];
	const context = {
		getNode: () => ({ id: 'n1', name: 'Zoom Connector', type: 'test', typeVersion: 2, position: [0, 0], parameters: {}, credentials: { zoomConnectorOAuth2Api: { id: `cred-${Math.random()}`, name: 'c' } } }),
		getNodeParameter: (name: string, _item: number, fallback: unknown) => (name in parameters ? parameters[name] : fallback),
		getInputData: () => [{ json: {} }],
		getCredentials: async () => credentials,
		continueOnFail: () => false,
		helpers: {
			httpRequestWithAuthentication: async (_type: string, request: IHttpRequestOptions) => {
				requests.push(request);
				// A runaway loop in the code under test fails the test instead of hanging it.
				if (requests.length > maxRequests) throw new Error(`more than ${maxRequests} requests`);
				const response = await respond(request, requests.length - 1);
				return { statusCode: 200, headers: {}, ...response };
			},
		},
	} as unknown as IExecuteFunctions;
	return { context, requests };
}
