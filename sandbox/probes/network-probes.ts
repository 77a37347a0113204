import { lstatSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { parseNetDev } from '../self-check/proc-status.js';
import { syscallProbe } from './syscall-probe.js';
import { errorCode, type Probe } from './types.js';

/** Resolves with the error code of a connection attempt, or `connected`. */
function attemptConnect(options: { host: string; port: number } | { path: string }): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(options as never);
    const timer = setTimeout(() => {
      socket.destroy();
      resolve('timeout');
    }, 3000);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      resolve(errorCode(error));
    });
  });
}

const NETWORK_REFUSALS = new Set(['EPERM', 'EACCES', 'ENETUNREACH', 'EHOSTUNREACH']);

export const TCP_PROBE: Probe = {
  id: 'PR-NET-1',
  attempt: 'TCP connect to 1.1.1.1:443 (egress), 127.0.0.1:5432 (a PostgreSQL port) and 127.0.0.1:8055 (a Directus KB port)',
  expected: 'EPERM or unreachable for each; never connected or refused by a listener',
  async run() {
    const targets = [{ host: '1.1.1.1', port: 443 }, { host: '127.0.0.1', port: 5432 }, { host: '127.0.0.1', port: 8055 }];
    const codes = await Promise.all(targets.map((target) => attemptConnect(target)));
    return {
      observed: targets.map((target, index) => `${target.host}:${target.port} ${codes[index]}`).join('; '),
      pass: codes.every((code) => NETWORK_REFUSALS.has(code)),
    };
  },
};

export const INTERFACES_PROBE: Probe = {
  id: 'PR-NET-2',
  attempt: 'list network interfaces (/proc/self/net/dev)',
  expected: 'lo only',
  run() {
    const names = parseNetDev(readFileSync('/proc/self/net/dev', 'utf8'));
    return Promise.resolve({ observed: names.join(',') || '(none)', pass: names.length === 1 && names[0] === 'lo' });
  },
};

export const SOCKET_PROBE: Probe = syscallProbe('PR-SOCK-1', 'socket(AF_INET, SOCK_STREAM, 0)', 'socket');

const ENGINE_SOCKETS = ['/var/run/docker.sock', '/run/docker.sock', '/run/podman/podman.sock', '/run/containerd/containerd.sock'];

export const DOCKER_SOCKET_PROBE: Probe = {
  id: 'PR-SOCK-DOCKER',
  attempt: `lstat and connect to the engine sockets ${ENGINE_SOCKETS.join(', ')}`,
  expected: 'absent: lstat ENOENT, connect ENOENT or EPERM; never connected',
  async run() {
    const connects = await Promise.all(ENGINE_SOCKETS.map((path) => attemptConnect({ path })));
    const stats = ENGINE_SOCKETS.map((path) => {
      try {
        lstatSync(path);
        return 'present';
      } catch (error) {
        return errorCode(error);
      }
    });
    return {
      observed: ENGINE_SOCKETS.map((path, index) => `${path} lstat ${stats[index]} connect ${connects[index]}`).join('; '),
      pass: stats.every((code) => code === 'ENOENT') && connects.every((code) => code === 'ENOENT' || code === 'EPERM'),
    };
  },
};
