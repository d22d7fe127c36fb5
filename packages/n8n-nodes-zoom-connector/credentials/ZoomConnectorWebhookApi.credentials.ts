import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

export class ZoomConnectorWebhookApi implements ICredentialType {
	name = 'zoomConnectorWebhookApi';

	displayName = 'Zoom Connector Webhook API';

	icon: Icon = { light: 'file:../icons/zoom.svg', dark: 'file:../icons/zoom.dark.svg' };

	documentationUrl = 'https://developers.zoom.us/docs/api/webhooks/';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret Token',
			name: 'secretToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			hint: 'Your Zoom app → Features → Access → Secret Token. Zoom signs every event with it.',
		},
	];
}
