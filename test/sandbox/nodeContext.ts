/**
 * Runs a node's own code against the sandbox without n8n: the n8n functions the nodes call, with
 * httpRequestWithAuthentication sending the request to the sandbox with a bearer token, as n8n does.
 * The sandbox answers; nothing here makes up a Zoom answer. test/n8n runs the same code in real n8n.
 */
import axios from 'axios';
import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, INode, IPollFunctions } from 'n8n-workflow';

interface ContextOptions {
	sandboxUrl: string;
	token: string;
	parameters: IDataObject;
	mode?: 'manual' | 'trigger';
}

const NODE: INode = {
	id: 'test-node',
	name: 'Zoom',
	type: 'n8n-nodes-zoom-connector.zoomConnector',
	typeVersion: 2,
	position: [0, 0],
	parameters: {},
	credentials: { zoomConnectorServerToServerOAuthApi: { id: 'sandbox-s2s', name: 'sandbox' } },
};

/** n8n's httpRequestWithAuthentication with returnFullResponse, failing on a non-2xx status as n8n does. */
function requester(token: string) {
	return async (_type: string, request: IHttpRequestOptions) => {
		const response = await axios.request({
			method: request.method ?? 'GET',
			url: request.url,
			params: request.qs,
			data: request.body,
			headers: { ...(request.headers as IDataObject), Authorization: `Bearer ${token}` },
			maxRedirects: 0,
		});
		return { body: response.data, headers: response.headers, statusCode: response.status };
	};
}

function shared(o: ContextOptions) {
	return {
		getNode: () => NODE,
		getCredentials: async () => ({ environment: 'custom', apiBaseUrl: `${o.sandboxUrl}/v2`, oauthBaseUrl: `${o.sandboxUrl}/oauth` }),
		logger: { warn: () => undefined, info: () => undefined, debug: () => undefined, error: () => undefined },
		helpers: { httpRequestWithAuthentication: requester(o.token) },
	};
}

const parameter = (parameters: IDataObject, name: string, fallback: unknown) => (name in parameters ? parameters[name] : fallback);

/** An action node's context for item 0, with the S2S credential. */
export function executeContext(o: ContextOptions): IExecuteFunctions {
	const parameters: IDataObject = { authentication: 'zoomConnectorServerToServerOAuthApi', ...o.parameters };
	return {
		...shared(o),
		getInputData: () => [{ json: {} }],
		getExecutionId: () => 'test-execution',
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) => parameter(parameters, name, fallback),
	} as unknown as IExecuteFunctions;
}

/** A poll trigger's context (manual by default: the poll returns its items). */
export function pollContext(o: ContextOptions): IPollFunctions {
	const parameters: IDataObject = { authentication: 'zoomConnectorServerToServerOAuthApi', ...o.parameters };
	const staticData: IDataObject = {};
	return {
		...shared(o),
		getMode: () => o.mode ?? 'manual',
		getWorkflowStaticData: () => staticData,
		getNodeParameter: (name: string, fallback?: unknown) => parameter(parameters, name, fallback),
	} as unknown as IPollFunctions;
}
