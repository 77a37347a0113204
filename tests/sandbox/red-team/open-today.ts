/**
 * Routes the red-team audit (red-team-audit.test.ts) found OPEN on this host when it was written.
 * The suite stays green while a route listed here stays open, prints every one of them, and fails for
 * any open route that is not listed. Entries: route id prefix, engines and operators it was seen on.
 */
export interface OpenRoute {
  readonly route: string;
  readonly engines: readonly string[];
  readonly operators: readonly ('root' | 'nobody')[];
  readonly severity: 'high' | 'medium' | 'low';
  readonly note: string;
}

export const OPEN_TODAY: readonly OpenRoute[] = [
  {
    route: 'ENV/host paths in mountinfo roots',
    engines: ['bwrap', 'podman', 'docker'],
    operators: ['root', 'nobody'],
    severity: 'low',
    note: "narrowed: the project, home and packet paths and Docker's /var/lib/docker/containers/<id>/ files no longer appear (bwrap gets tki's runtime as file contents, Docker's generated files are /dev/null binds); what remains is /in's mount root, the launcher's private stage <TMPDIR>/tki-engine-<random>/<random>/in, which the harness's /tmp/tki- pattern still matches (it names no operator location unless TMPDIR does)",
  },
];
