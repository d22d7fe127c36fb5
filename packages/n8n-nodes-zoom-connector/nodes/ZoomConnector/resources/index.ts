/**
 * The resources of the Zoom Connector node: each folder exports its operation modules (`operations`)
 * and its parameter descriptions (`description`). Add a resource here and in `resourceOptions`.
 */
import type { INodePropertyOptions } from 'n8n-workflow';

import * as authorization from './authorization';
import * as customApiCall from './customApiCall';
import * as engagement from './engagement';
import * as meeting from './meeting';
import * as meetingSummary from './meetingSummary';
import * as panelist from './panelist';
import * as pastSession from './pastSession';
import * as recording from './recording';
import * as registrant from './registrant';
import * as report from './report';
import * as user from './user';
import * as webinar from './webinar';

export const resources = {
	authorization,
	customApiCall,
	engagement,
	meeting,
	meetingSummary,
	panelist,
	pastSession,
	recording,
	registrant,
	report,
	user,
	webinar,
};

/** Options of the Resource selector, sorted by name. */
export const resourceOptions: INodePropertyOptions[] = [
	{ name: 'Authorization', value: 'authorization' },
	{ name: 'Custom API Call', value: 'customApiCall' },
	{ name: 'Engagement', value: 'engagement' },
	{ name: 'Meeting', value: 'meeting' },
	{ name: 'Meeting Summary', value: 'meetingSummary' },
	{ name: 'Panelist', value: 'panelist' },
	{ name: 'Past Session', value: 'pastSession' },
	{ name: 'Recording', value: 'recording' },
	{ name: 'Registrant', value: 'registrant' },
	{ name: 'Report', value: 'report' },
	{ name: 'User', value: 'user' },
	{ name: 'Webinar', value: 'webinar' },
];
