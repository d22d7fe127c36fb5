/** The listSearch methods of the Zoom Connector's resource locators (n8n calls them by name). */
import { searchPastInstances } from './instances';
import { searchRecordingFiles } from './recordingFiles';
import { searchRegistrants } from './registrants';
import {
	searchEndedMeetings,
	searchEndedSessions,
	searchEndedWebinars,
	searchMeetings,
	searchWebinars,
} from './sessions';
import { searchUsers } from './users';

export const listSearch = {
	searchEndedMeetings,
	searchEndedSessions,
	searchEndedWebinars,
	searchMeetings,
	searchPastInstances,
	searchRecordingFiles,
	searchRegistrants,
	searchUsers,
	searchWebinars,
};
