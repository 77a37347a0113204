import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverRuntime, packageRoot, writeBuildContext } from '../../sandbox/index.js';
import { SANDBOX_DOCKERFILE } from '../../sandbox/engines/sandbox-dockerfile.js';
import { DOCKER_CLIS, requireDocker } from './helpers/docker.js';

/**
 * The sandbox image builds offline from Dockerfile.sandbox with every docker CLI here (Docker 28's
 * CLI falls back to the legacy builder without buildx; 20.10's uses it by default): FROM scratch
 * only, no registry, no parser directive that would fetch a frontend image.
 */
const dockerfile = readFileSync(join(packageRoot(), SANDBOX_DOCKERFILE), 'utf8');

describe('Dockerfile.sandbox', () => {
  it('starts FROM scratch, names no other image, and fetches no frontend', () => {
    const from = dockerfile.split('\n').filter((line) => /^\s*FROM\s/i.test(line));
    expect(from).toEqual(['FROM scratch']);
    expect(dockerfile).not.toMatch(/^#\s*syntax\s*=/im);
    expect(dockerfile).toMatch(/^USER 65534:65534$/m);
  });

  for (const cli of DOCKER_CLIS) {
    it(`builds with ${cli} with networking off, into one layer, user 65534, no environment but the builder's default PATH (which tki unsets at run)`, async () => {
      requireDocker(cli);
      const discovered = await discoverRuntime();
      if (!discovered.ok) throw new Error(`the sandbox runtime is incomplete: ${discovered.error.path}`);
      const context = mkdtempSync(join(tmpdir(), 'tki-docker-image-'));
      const tag = `localhost/tki-sandbox-test:${process.pid}-${DOCKER_CLIS.indexOf(cli)}`;
      try {
        const containerfile = writeBuildContext(discovered.runtime.bindings, context, dockerfile);
        const build = spawnSync(cli, ['build', '--network', 'none', '-q', '-t', tag, '-f', containerfile, context], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } });
        expect({ status: build.status, stderr: build.status === 0 ? '' : build.stderr }).toEqual({ status: 0, stderr: '' });
        const config = spawnSync(cli, ['image', 'inspect', '--format', '{{json .Config.Env}} {{.Config.User}} {{len .RootFS.Layers}}', tag], { encoding: 'utf8' });
        const [env = '', user, layers] = config.stdout.trim().split(' ');
        expect((JSON.parse(env) as string[] | null ?? []).map((entry) => entry.split('=')[0])).toEqual(['PATH']);
        expect({ user, layers }).toEqual({ user: '65534:65534', layers: '1' });
      } finally {
        spawnSync(cli, ['image', 'rm', '-f', tag], { encoding: 'utf8' });
        rmSync(context, { recursive: true, force: true });
      }
    }, 300_000);
  }
});
