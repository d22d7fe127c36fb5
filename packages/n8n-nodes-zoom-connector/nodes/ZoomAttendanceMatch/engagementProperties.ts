/**
 * The Attendance Match's engagement parameters: the switch that adds the Engagement input, and
 * the score's weights. The formula is engagement.ts's; the defaults are DEFAULT_ENGAGEMENT_WEIGHTS (n8n's
 * lint wants them literal here; a unit test holds them equal).
 */
import type { INodeProperties } from 'n8n-workflow';

const withEngagement = { show: { includeEngagement: [true] } };

export const engagementProperties: INodeProperties[] = [
	{
		displayName: 'Include Engagement',
		name: 'includeEngagement',
		type: 'boolean',
		default: false,
		description:
			"Whether to add a third input, Engagement, for the Zoom Connector's Q&A, poll and survey rows; every person then gets questionsAsked, pollsAnswered, surveyAnswered and engagementScore, and people who only engaged reach No Match",
	},
	{
		displayName:
			'engagementScore (0–100) = 100 × (Attendance Weight × attended share + Questions Weight × min(1, questions asked ÷ Questions for Full Score) + Polls Weight × share of the poll questions answered + Survey Weight × (1 if the survey was answered)) ÷ the sum of the weights. Attended share = attended time ÷ session length.',
		name: 'engagementScoreNotice',
		type: 'notice',
		default: '',
		displayOptions: withEngagement,
	},
	{
		displayName: 'Engagement Score Weights',
		name: 'engagementWeights',
		type: 'collection',
		placeholder: 'Add Weight',
		default: {},
		displayOptions: withEngagement,
		options: [
			{
				displayName: 'Attendance Weight',
				name: 'attendance',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 50,
				description: 'Weight of the attended share of the session',
			},
			{
				displayName: 'Polls Weight',
				name: 'polls',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 20,
				description:
					'Weight of the share of the poll questions answered (0 when the session had no poll)',
			},
			{
				displayName: 'Questions for Full Score',
				name: 'questionsForFullScore',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 2,
				description: 'Q&A questions a person must ask for the whole Questions Weight',
			},
			{
				displayName: 'Questions Weight',
				name: 'questions',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 30,
				description: 'Weight of the Q&A questions asked',
			},
			{
				displayName: 'Survey Weight',
				name: 'survey',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'Weight of having answered the survey',
			},
		],
	},
];
