import type { Capability } from './capabilities.js';

/**
 * Well-known packages that carry a capability. `configs.recommended` flags exactly these;
 * `configs.strict` flags every package not on the project's allow list, these included.
 * A name ending in `/*` matches a whole scope.
 */
export interface PackageRow {
  readonly name: string;
  readonly capabilities: readonly Capability[];
}

const rows = (names: string[], capabilities: readonly Capability[]): PackageRow[] =>
  names.map((name) => ({ name, capabilities }));

export const PACKAGE_ROWS: readonly PackageRow[] = [
  ...rows([
    'axios', 'node-fetch', 'undici', 'got', 'ky', 'superagent', 'request', 'needle', 'phin', 'cross-fetch',
    'isomorphic-fetch', 'ws', 'socket.io', 'socket.io-client', 'http-proxy', 'express', 'fastify', 'koa',
    '@hapi/hapi', 'graphql-request', '@apollo/client', 'nodemailer', 'ssh2', 'ftp', 'basic-ftp',
    '@grpc/grpc-js', 'amqplib', 'kafkajs', 'mqtt', 'openai', '@octokit/rest', 'googleapis', 'firebase',
    '@aws-sdk/*', '@google-cloud/*', '@azure/*',
  ], ['NETWORK']),
  ...rows([
    'pg', 'pg-pool', 'pg-promise', 'postgres', 'slonik', 'mysql', 'mysql2', 'mongodb', 'mongoose', 'redis',
    'ioredis', 'knex', 'prisma', '@prisma/client', 'sequelize', 'typeorm', 'drizzle-orm', 'kysely', 'tedious',
    'mssql', 'oracledb', 'cassandra-driver', '@neondatabase/serverless', '@supabase/supabase-js',
    '@planetscale/database', '@elastic/elasticsearch',
  ], ['DATABASE', 'NETWORK']),
  ...rows(['better-sqlite3', 'sqlite3'], ['DATABASE', 'FILES_READ', 'FILES_WRITE', 'NATIVE']),
  ...rows(['@directus/sdk', 'directus', 'contentful', '@notionhq/client', '@sanity/client', 'strapi-sdk-js'], [
    'KNOWLEDGE_BASE', 'NETWORK',
  ]),
  ...rows(['dotenv', 'dotenv-expand', '@dotenvx/dotenvx', 'env-var', 'envalid'], ['ENV']),
  ...rows(['execa', 'cross-spawn', 'shelljs', 'zx', 'tinyexec', 'cross-env', '@npmcli/promise-spawn', 'node-pty'], [
    'EXEC',
  ]),
  ...rows(['vm2', 'isolated-vm', 'safe-eval', 'require-from-string', 'import-fresh', 'jiti', 'ts-node', 'tsx'], [
    'DYNAMIC_CODE',
  ]),
  ...rows(['bindings', 'node-gyp-build', 'ffi-napi', 'koffi', 'prebuild-install'], ['NATIVE']),
  ...rows(['fs-extra', 'graceful-fs', 'rimraf', 'mkdirp', 'del', 'tmp', 'write-file-atomic'], ['FILES_READ', 'FILES_WRITE']),
  // They list, match or watch files and write none.
  ...rows(['glob', 'fast-glob', 'tinyglobby', 'globby', 'chokidar', 'readdirp'], ['FILES_READ']),
];

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}
