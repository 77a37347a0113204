/**
 * The project's dependency-cruiser config, whose presence turns the depcruise pass on. Its own
 * module: guard/depcruise/project-rules.ts reads the policy synchronously (and loads zod with it),
 * which a run that only asks whether the file exists must not pay for (issue #11).
 */
export const DEPCRUISE_CONFIG_FILE = '.dependency-cruiser.cjs';
