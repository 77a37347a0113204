import type { Capability } from './capabilities.js';

/**
 * Well-known packages that carry a capability. `configs.recommended` flags exactly these;
 * `configs.strict` flags every package not on the project's allow list, these included.
 * A name ending in `/*` matches a whole scope.
 */
export interface PackageRow {
  readonly name: string;
  readonly capabilities: readonly Capability[];
  /** Why the package carries exactly these capabilities (what it does with them). */
  readonly reason: string;
}

const rows = (names: string[], capabilities: readonly Capability[], reason: string): PackageRow[] =>
  names.map((name) => ({ name, capabilities, reason }));

const row = (name: string, capabilities: readonly Capability[], reason: string): PackageRow => ({ name, capabilities, reason });

/**
 * Packages whose whole job is to list, match, stat, read or watch files: FILES_READ, not
 * FILES_WRITE. The row is the policy's word for the package name; with `--deps` the guard reads
 * the code a package actually ships, and compiled CommonJS keeps member precision there
 * (analysis/syntax/interop.ts), so a read-only package's own code is judged FILES_READ too.
 */
const READ_ONLY_FILES: Capability[] = ['FILES_READ'];
const READ_ONLY_ROWS: readonly PackageRow[] = [
  row('glob', READ_ONLY_FILES, 'matches paths against patterns by reading directories (readdir, lstat, realpath through path-scurry)'),
  row('fast-glob', READ_ONLY_FILES, 'walks directories with readdir/stat (@nodelib/fs.walk) to match patterns'),
  row('tinyglobby', READ_ONLY_FILES, 'matches patterns over a directory crawl (fdir + picomatch)'),
  row('globby', READ_ONLY_FILES, 'fast-glob plus reading .gitignore files to filter matches'),
  row('chokidar', READ_ONLY_FILES, 'watches files with fs.watch, stat and readdir (4.x; 3.x also loads the fsevents addon on macOS, which `--deps` sees as NATIVE)'),
  row('readdirp', READ_ONLY_FILES, 'a recursive readdir/stat stream'),
  row('fdir', READ_ONLY_FILES, 'a directory crawler: readdir, and stat/realpath when resolving symlinks'),
  row('klaw', READ_ONLY_FILES, 'walks a tree with readdir and lstat'),
  row('klaw-sync', READ_ONLY_FILES, 'walks a tree with readdirSync and lstatSync'),
  row('@nodelib/fs.walk', READ_ONLY_FILES, 'walks a tree with readdir and stat'),
  row('@nodelib/fs.scandir', READ_ONLY_FILES, 'lists one directory with its entries\' stats'),
  row('@nodelib/fs.stat', READ_ONLY_FILES, 'stat and lstat, following symlinks'),
  row('find-up', READ_ONLY_FILES, 'stats candidate paths in each parent directory'),
  row('locate-path', READ_ONLY_FILES, 'stats candidate paths and returns the first that exists'),
  row('path-exists', READ_ONLY_FILES, 'fs.access on one path'),
  row('load-json-file', READ_ONLY_FILES, 'reads a file and parses it as JSON'),
  row('read-pkg', READ_ONLY_FILES, 'reads and normalizes a package.json'),
  row('read-package-up', READ_ONLY_FILES, 'find-up for package.json, then read-pkg'),
];

export const PACKAGE_ROWS: readonly PackageRow[] = [
  ...rows([
    'axios', 'node-fetch', 'undici', 'got', 'ky', 'superagent', 'request', 'needle', 'phin', 'cross-fetch',
    'isomorphic-fetch', 'ws', 'socket.io', 'socket.io-client', 'http-proxy', 'express', 'fastify', 'koa',
    '@hapi/hapi', 'graphql-request', '@apollo/client', 'nodemailer', 'ssh2', 'ftp', 'basic-ftp',
    '@grpc/grpc-js', 'amqplib', 'kafkajs', 'mqtt', 'openai', '@octokit/rest', 'googleapis', 'firebase',
    '@aws-sdk/*', '@google-cloud/*', '@azure/*',
  ], ['NETWORK'], 'an HTTP, socket, mail, message-queue or cloud-API client or server: it opens connections'),
  ...rows([
    'pg', 'pg-pool', 'pg-promise', 'postgres', 'slonik', 'mysql', 'mysql2', 'mongodb', 'mongoose', 'redis',
    'ioredis', 'knex', 'prisma', '@prisma/client', 'sequelize', 'typeorm', 'drizzle-orm', 'kysely', 'tedious',
    'mssql', 'oracledb', 'cassandra-driver', '@neondatabase/serverless', '@supabase/supabase-js',
    '@planetscale/database', '@elastic/elasticsearch',
  ], ['DATABASE', 'NETWORK'], 'a database driver, ORM or query builder: it talks to a database server over the network'),
  ...rows(['better-sqlite3', 'sqlite3'], ['DATABASE', 'FILES_READ', 'FILES_WRITE', 'NATIVE'], 'an embedded SQLite database: a native addon that reads and writes the database file'),
  ...rows(['@directus/sdk', 'directus', 'contentful', '@notionhq/client', '@sanity/client', 'strapi-sdk-js'], [
    'KNOWLEDGE_BASE', 'NETWORK',
  ], 'a headless-CMS or knowledge-base client: it reads and writes a knowledge base over HTTP'),
  ...rows(['dotenv', 'dotenv-expand', '@dotenvx/dotenvx', 'env-var', 'envalid'], ['ENV'], 'reads, validates or fills process.env'),
  ...rows(['execa', 'cross-spawn', 'shelljs', 'zx', 'tinyexec', 'cross-env', '@npmcli/promise-spawn', 'node-pty'], [
    'EXEC',
  ], 'spawns programs or shells'),
  ...rows(['vm2', 'isolated-vm', 'safe-eval', 'require-from-string', 'import-fresh', 'jiti', 'ts-node', 'tsx'], [
    'DYNAMIC_CODE',
  ], 'compiles or evaluates code, or loads modules outside the static import graph'),
  ...rows(['bindings', 'node-gyp-build', 'ffi-napi', 'koffi', 'prebuild-install'], ['NATIVE'], 'loads native addons or foreign functions'),
  ...rows(['fs-extra', 'graceful-fs', 'rimraf', 'mkdirp', 'del', 'tmp', 'write-file-atomic'], ['FILES_READ', 'FILES_WRITE'], 'creates, writes, copies or removes files and directories'),
  ...READ_ONLY_ROWS,
];

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}
