/** The published version; a test keeps it equal to eslint-plugin-tki/package.json. */
export const PLUGIN_NAME = 'eslint-plugin-tki';
export const PLUGIN_VERSION = '0.1.0';
