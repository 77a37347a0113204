import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

/** The packages this repository publishes: served from the local registry, never proxied. */
const OWN_PACKAGES = ['eslint-plugin-tki', 'tki-guard', 'tki'];

export interface LocalRegistry {
  readonly url: string;
  /** `npm publish` a tarball to it. */
  publish(tarball: string): void;
  stop(): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited with ${child.exitCode}: ${log()}`);
    try {
      const response = await fetch(`${url}-/ping`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`verdaccio did not answer at ${url}: ${log()}`);
}

/**
 * verdaccio (a devDependency) in a child process: tki's three packages are published to it, and
 * every other package is proxied from the registry npm is configured with, so a fresh project
 * installs exactly as a user's would, with `npm i` and no flags.
 */
export async function startRegistry(directory: string, repositoryRoot: string): Promise<LocalRegistry> {
  mkdirSync(directory, { recursive: true });
  const upstream = execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).trim() || 'https://registry.npmjs.org/';
  const own = OWN_PACKAGES.map((name) => `  '${name}':\n    access: $all\n    publish: $authenticated\n`).join('');
  const config = path.join(directory, 'config.yaml');
  writeFileSync(
    config,
    `storage: ${path.join(directory, 'storage')}\nauth:\n  htpasswd:\n    file: ${path.join(directory, 'htpasswd')}\nuplinks:\n  upstream:\n    url: ${upstream}\n    timeout: 60s\n    maxage: 30m\npackages:\n${own}  '**':\n    access: $all\n    proxy: upstream\nlog: { type: stdout, format: pretty, level: error }\nweb: { enable: false }\n`,
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn(process.execPath, [path.join(repositoryRoot, 'node_modules/verdaccio/bin/verdaccio'), '--config', config, '--listen', `127.0.0.1:${port}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitUntilUp(url, child, () => output);
  const response = await fetch(`${url}-/user/org.couchdb.user:tki-ci`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'tki-ci', password: 'tki-ci-password' }),
  });
  const { token } = (await response.json()) as { token?: string };
  if (token === undefined) throw new Error(`verdaccio refused the CI user: ${response.status}`);
  return {
    url,
    publish(tarball) {
      execFileSync('npm', ['publish', tarball, '--registry', url, `--//127.0.0.1:${port}/:_authToken=${token}`], { stdio: 'pipe' });
    },
    stop() {
      child.kill();
    },
  };
}
