/** The published version; a test keeps it equal to the root package.json (all three packages share it). */
export const PLUGIN_NAME = 'eslint-plugin-tki';
export const PLUGIN_VERSION = '0.1.0';
