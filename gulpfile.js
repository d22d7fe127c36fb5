// Copies the SVG icons next to the compiled nodes and credentials, where n8n looks for them.
const { src, dest, task } = require('gulp');

task('build:icons', () =>
	src(['nodes/**/*.svg', 'icons/**/*.svg'], { base: '.' }).pipe(dest('dist')),
);
