/** Writes nodes/ZoomConnectorTrigger/eventSkeletons.ts from @zoom/rivet's event types: `npx tsx test/contract/writeEventSkeletons.ts`. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { renderSkeletonFile, SKELETON_FILE } from './renderEventSkeletons';

writeFileSync(join(__dirname, '..', '..', SKELETON_FILE), renderSkeletonFile());
