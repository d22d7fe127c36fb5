/** camelCase parameter name → Zoom's snake_case field. */
export function snake(name: string): string {
	return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
