import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { baseUrlExpression, environmentProperties } from '../nodes/shared/environment';
import { zoomPlanProperty } from '../nodes/shared/transport/rateLimit';
import { USER_APP_SCOPES } from '../nodes/shared/scopes';

export class ZoomConnectorOAuth2Api implements ICredentialType {
	name = 'zoomConnectorOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Zoom Connector OAuth2 API';

	icon: Icon = { light: 'file:../icons/zoom.svg', dark: 'file:../icons/zoom.dark.svg' };

	documentationUrl = 'https://developers.zoom.us/docs/integrations/oauth/';

	properties: INodeProperties[] = [
		...environmentProperties,
		zoomPlanProperty,
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: baseUrlExpression('oauth', '$self', '/authorize'),
			required: true,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: baseUrlExpression('oauth', '$self', '/token'),
			required: true,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: USER_APP_SCOPES.join(' '),
			hint: 'Zoom grants the scopes ticked on your app in the Zoom Marketplace; tick these there',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			// Zoom wants the client ID and secret as a Basic header on the token endpoint.
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'header',
		},
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression('api', '$credentials'),
			url: '/users/me',
		},
	};
}
