/**
 * dependency-cruiser configuration for tki, run in-process by tki-guard (never on its own in CI).
 *
 * Two parts:
 *  - `layers`: hand-written layering rules; each one says why it exists.
 *  - the policy rules between the markers below: GENERATED from policy/ and tki.policy.json by
 *    `node dist/guard/cli.js --update-depcruise-config`. Do not edit them by hand:
 *    tests/guard/depcruise-config.test.ts fails when they differ from what the policy derives.
 */
const layers = [
  {
    name: 'inspector-not-to-harness',
    severity: 'error',
    comment:
      'The inspector (src/) runs alone inside the sandbox: it must never reach the harness that launches engines, probes the host or enforces the build (sandbox/, guard/, eslint-plugin-tki/, cli/).',
    from: { path: '^src/' },
    to: { path: '^(sandbox|guard|eslint-plugin-tki|cli)/' },
  },
  {
    name: 'inspector-fs-only-at-edges',
    severity: 'error',
    comment:
      'SPEC §6 L2: only the two edge modules that declare READ_PACKET_ITEM / WRITE_LOCAL_REPORT touch the filesystem; every other inspector stage is a pure function.',
    from: { path: '^src/', pathNot: '^src/io/(packet-reader|report-writer)\\.ts$' },
    to: { dependencyTypes: ['core'], path: '^(node:)?fs(/promises)?$' },
  },
  {
    name: 'policy-is-plain-data',
    severity: 'error',
    comment: 'policy/ is the single source of truth that the three enforcers consume; it must not depend on any of them.',
    from: { path: '^policy/' },
    to: { path: '^(src|sandbox|guard|eslint-plugin-tki|cli|tests|bench)/' },
  },
  {
    name: 'no-circular',
    severity: 'error',
    comment: 'Cycles make load order fragile and the layers above meaningless; witness paths stay readable in a DAG.',
    from: {},
    to: { circular: true },
  },
];

// <policy-rules>
const policyRules = [
  {
    "name": "from-policy-core-database+files-read+files-write",
    "severity": "error",
    "comment": "Builtins that reach DATABASE + FILES_READ + FILES_WRITE; only files that hold one of them may import these. DATABASE: Talks to a database server or opens a database file (drivers, ORMs, query builders). FILES_READ: Reads files, directories or file metadata. FILES_WRITE: Creates, writes, renames, deletes or changes the mode of files and directories.",
    "from": {
      "pathNot": [
        "^bench\\/.*$",
        "^cli\\/.*$",
        "^eslint-plugin-tki\\/util\\/policy-file\\.ts$",
        "^eslint\\.config\\.js$",
        "^guard\\/.*$",
        "^sandbox\\/.*$",
        "^scripts\\/.*$",
        "^src/io/packet-reader\\.ts$",
        "^src/io/report-writer\\.ts$",
        "^tests\\/.*$",
        "^vitest\\.config\\.ts$",
        "^src\\/.*$"
      ]
    },
    "to": {
      "dependencyTypes": [
        "core"
      ],
      "path": "^(?:node:)?(?:sqlite)$"
    }
  },
  {
    "name": "from-policy-core-database+files-read+files-write-in-inspector",
    "severity": "error",
    "comment": "Builtins that reach DATABASE + FILES_READ + FILES_WRITE; only files that hold one of them may import these. DATABASE: Talks to a database server or opens a database file (drivers, ORMs, query builders). FILES_READ: Reads files, directories or file metadata. FILES_WRITE: Creates, writes, renames, deletes or changes the mode of files and directories. Inside the inspector only a declared action grants it.",
    "from": {
      "path": [
        "^src\\/.*$"
      ],
      "pathNot": [
        "^src/io/packet-reader\\.ts$",
        "^src/io/report-writer\\.ts$"
      ]
    },
    "to": {
      "dependencyTypes": [
        "core"
      ],
      "path": "^(?:node:)?(?:sqlite)$"
    }
  },
  {
    "name": "from-policy-core-dynamic-code",
    "severity": "error",
    "comment": "Builtins that reach DYNAMIC_CODE; only files that hold one of them may import these. DYNAMIC_CODE: Compiles or loads code chosen at run time (eval, Function, vm, non-literal import/require, data: URLs).",
    "from": {
      "pathNot": [
        "^cli\\/.*$",
        "^sandbox\\/.*$",
        "^src\\/.*$"
      ]
    },
    "to": {
      "dependencyTypes": [
        "core"
      ],
      "path": "^(?:node:)?(?:module|vm)$"
    }
  },
  {
    "name": "from-policy-core-dynamic-code-in-inspector",
    "severity": "error",
    "comment": "Builtins that reach DYNAMIC_CODE; only files that hold one of them may import these. DYNAMIC_CODE: Compiles or loads code chosen at run time (eval, Function, vm, non-literal import/require, data: URLs). Inside the inspector only a declared action grants it.",
    "from": {
      "path": [
        "^src\\/.*$"
      ],
      "pathNot": []
    },
    "to": {
      "dependencyTypes": [
        "core"
      ],
      "path": "^(?:node:)?(?:module|vm)$"
    }
  },
  {
    "name": "from-policy-core-dynamic-code+network",
    "severity": "error",
    "comment": "Builtins that reach DYNAMIC_CODE + NETWORK; only files that hold one of them may import these. DYNAMIC_CODE: Compiles or loads code chosen at run time (eval, Function, vm, non-literal import/require, data: URLs). NETWORK: Opens sockets or speaks a network protocol (TCP, UDP, HTTP, DNS, TLS, WebSocket, IPC pipes).",
    "from": {
      "pathNot": [
        "^cli\\/.*$",
        "^sandbox\\/.*$",
        "^src\\/.*$"
      ]
    },
    "to": {
      "dependencyTypes": [
        "core"
      ],
      "path": "^(?:node:)?(?:inspector|inspector/promises)$"
    }
  },
  {
    "name": "from-policy-core-dynamic-code+network-in-inspector",
    "severity": "error",
    "comment": "Builtins that reach DYNAMIC_CODE + NETWORK; only files that hold one of them may import these. DYNAMIC_CODE: Compiles or loads code chosen at run time (eval, Function, vm, non-literal import/require, data: URLs). NETWORK: Opens sockets or speaks a network protocol (TCP, UDP, HTTP, DNS, TLS, WebSocket, IPC pipes). Inside the inspector only a declared action grants it.",
    "from": {
      "path": [
        "^src\\/.*$"
      ],
      "pathNot": []
    },
    "to": {
      "dependencyTypes": [
        "core"
      ],
      "path": "^(?:node:)?(?:inspector|inspector/promises)$"
    }
  },
  {
    "name": "from-policy-core-dynamic-code+system",
    "severity": "error",
    "comment": "Builtins that reach DYNAMIC_CODE + SYSTEM; only files that hold one of them may import these. DYNAMIC_CODE: Compiles or loads code chosen at run time (eval, Function, vm, non-literal import/require, data: URLs). SYSTEM: Reads or changes process-wide or host state (exit, signals, os details, heap snapshots, REPL, TTY).",
    "from": {
      "pathNot": [
        "^bench\\/.*$",
        "^cli\\/.*$",
        "^eslint\\.config\\.js$",
        "^sandbox\\/.*$",
        "^scripts\\/.*$",
        "^tests\\/.*$",
        "^vitest\\.config\\.ts$",
        "^src\\/.*$"
      ]
    },
    "to": {
      "dependencyTypes": [
        "core"
      ],
      "path": "^(?:node:)?(?:repl)$"
    }
  },
  {
    "name": "from-policy-core-dynamic-code+system-in-inspector",
    "severity": "error",
    "comment": "Builtins that reach DYNAMIC_CODE + SYSTEM; only files that hold one of them may import these. DYNAMIC_CODE: Compiles or loads code chosen at run time (eval, Function, vm, non-literal import/require, data: URLs). SYSTEM: Reads or changes process-wide or host state (exit, signals, os details, heap snapshots, REPL, TTY). Inside the inspector only a declared action grants it.",
    "from": {
      "path": [
        "^src\\/.*$"
      ],
      "pathNot": []
    },
    "to": {
      "dependencyTypes": [
        "core"
      ],
      "path": "^(?:node:)?(?:repl)$"
    }
  },
  {
    "name": "from-policy-core-exec",
    "severity": "error",
    "comment": "Builtins that reach EXEC; only files that hold one of them may import these. EXEC: Starts another process or replaces this one (child_process, cluster, shells).",
    "from": {
      "pathNot": [
        "^bench\\/.*$",
        "^cli\\/.*$",
        "^eslint\\.config\\.js$",
        "^sandbox\\/.*$",
        "^scripts\\/.*$",
        "^tests\\/.*$",
        "^vitest\\.config\\.ts$",
        "^src\\/.*$"
      ]
    },
    "to": {
      "dependencyTypes": [
        "core"
      ],
      "path": "^(?:node:)?(?:child_process|cluster|test)$"
    }
  },
  {
    "name": "from-policy-core-exec-in-inspector",
    "severity": "error",
    "comment": "Builtins that reach EXEC; only files that hold one of them may import these. EXEC: Starts another process or replaces this one (child_process, cluster, shells). Inside the inspector only a declared action grants it.",
    "from": {
      "path": [
        "^src\\/.*$"
      ],
      "pathNot": []
    },
    "to": {
      "dependencyTypes": [
        "core"
      ],
      "path": "^(?:node:)?(?:child_process|cluster|test)$"
    }
  },
  {
    "name": "from-policy-core-files-read+files-write",
    "severity": "error",
    "comment": "Builtins that reach FILES_READ + FILES_WRITE; only files that hold one of them may import these. FILES_READ: Reads files, directories or file metadata. FILES_WRITE: Creates, writes, renames, deletes or changes the mode of files and directories.",
    "from": {
      "pathNot": [
        "^bench\\/.*$",
        "^cli\\/.*$",
        "^eslint-plugin-tki\\/util\\/policy-file\\.ts$",
        "^eslint\\.config\\.js$",
        "^guard\\/.*$",
        "^sandbox\\/.*$",
        "^scripts\\/.*$",
        "^src/io/packet-reader\\.ts$",
        "^src/io/report-writer\\.ts$",
        "^tests\\/.*$",
        "^vitest\\.config\\.ts$",
        "^src\\/.*$"
      ]
    },
    "to": {
      "dependencyTypes": [
        "core"
      ],
      "path": "^(?:node:)?(?:fs|fs/promises)$"
    }
  },
  {
    "name": "from-policy-core-files-read+files-write-in-inspector",
    "severity": "error",
    "comment": "Builtins that reach FILES_READ + FILES_WRITE; only files that hold one of them may import these. FILES_READ: Reads files, directories or file metadata. FILES_WRITE: Creates, writes, renames, deletes or changes the mode of files and directories. Inside the inspector only a declared action grants it.",
    "from": {
      "path": [
        "^src\\/.*$"
      ],
      "pathNot": [
        "^src/io/packet-reader\\.ts$",
        "^src/io/report-writer\\.ts$"
      ]
    },
    "to": {
      "dependencyTypes": [
        "core"
      ],
      "path": "^(?:node:)?(?:fs|fs/promises)$"
    }
  },
  {
    "name": "from-policy-core-files-write+system",
    "severity": "error",
    "comment": "Builtins that reach FILES_WRITE + SYSTEM; only files that hold one of them may import these. FILES_WRITE: Creates, writes, renames, deletes or changes the mode of files and directories. SYSTEM: Reads or changes process-wide or host state (exit, signals, os details, heap snapshots, REPL, TTY).",
    "from": {
      "pathNot": [
        "^bench\\/.*$",
        "^cli\\/.*$",
        "^eslint\\.config\\.js$",
        "^guard\\/.*$",
        "^sandbox\\/.*$",
        "^scripts\\/.*$",
        "^src/io/report-writer\\.ts$",
        "^tests\\/.*$",
        "^vitest\\.config\\.ts$",
        "^src\\/.*$"
      ]
    },
    "to": {
      "dependencyTypes": [
        "core"
      ],
      "path": "^(?:node:)?(?:trace_events)$"
    }
  },
  {
    "name": "from-policy-core-files-write+system-in-inspector",
    "severity": "error",
    "comment": "Builtins that reach FILES_WRITE + SYSTEM; only files that hold one of them may import these. FILES_WRITE: Creates, writes, renames, deletes or changes the mode of files and directories. SYSTEM: Reads or changes process-wide or host state (exit, signals, os details, heap snapshots, REPL, TTY). Inside the inspector only a declared action grants it.",
    "from": {
      "path": [
        "^src\\/.*$"
      ],
      "pathNot": [
        "^src/io/report-writer\\.ts$"
      ]
    },
    "to": {
      "dependencyTypes": [
        "core"
      ],
      "path": "^(?:node:)?(?:trace_events)$"
    }
  },
  {
    "name": "from-policy-core-native",
    "severity": "error",
    "comment": "Builtins that reach NATIVE; only files that hold one of them may import these. NATIVE: Loads native code into the process (addons, process.dlopen, process.binding, WASI).",
    "from": {
      "pathNot": [
        "^cli\\/.*$",
        "^sandbox\\/.*$",
        "^src\\/.*$"
      ]
    },
    "to": {
      "dependencyTypes": [
        "core"
      ],
      "path": "^(?:node:)?(?:wasi)$"
    }
  },
  {
    "name": "from-policy-core-native-in-inspector",
    "severity": "error",
    "comment": "Builtins that reach NATIVE; only files that hold one of them may import these. NATIVE: Loads native code into the process (addons, process.dlopen, process.binding, WASI). Inside the inspector only a declared action grants it.",
    "from": {
      "path": [
        "^src\\/.*$"
      ],
      "pathNot": []
    },
    "to": {
      "dependencyTypes": [
        "core"
      ],
      "path": "^(?:node:)?(?:wasi)$"
    }
  },
  {
    "name": "from-policy-core-network",
    "severity": "error",
    "comment": "Builtins that reach NETWORK; only files that hold one of them may import these. NETWORK: Opens sockets or speaks a network protocol (TCP, UDP, HTTP, DNS, TLS, WebSocket, IPC pipes).",
    "from": {
      "pathNot": [
        "^cli\\/.*$",
        "^sandbox\\/.*$",
        "^src\\/.*$"
      ]
    },
    "to": {
      "dependencyTypes": [
        "core"
      ],
      "path": "^(?:node:)?(?:http|https|http2|net|tls|dgram|dns|dns/promises|_http_agent|_http_client|_http_common|_http_incoming|_http_outgoing|_http_server|_tls_common|_tls_wrap|_stream_wrap)$"
    }
  },
  {
    "name": "from-policy-core-network-in-inspector",
    "severity": "error",
    "comment": "Builtins that reach NETWORK; only files that hold one of them may import these. NETWORK: Opens sockets or speaks a network protocol (TCP, UDP, HTTP, DNS, TLS, WebSocket, IPC pipes). Inside the inspector only a declared action grants it.",
    "from": {
      "path": [
        "^src\\/.*$"
      ],
      "pathNot": []
    },
    "to": {
      "dependencyTypes": [
        "core"
      ],
      "path": "^(?:node:)?(?:http|https|http2|net|tls|dgram|dns|dns/promises|_http_agent|_http_client|_http_common|_http_incoming|_http_outgoing|_http_server|_tls_common|_tls_wrap|_stream_wrap)$"
    }
  },
  {
    "name": "from-policy-core-system",
    "severity": "error",
    "comment": "Builtins that reach SYSTEM; only files that hold one of them may import these. SYSTEM: Reads or changes process-wide or host state (exit, signals, os details, heap snapshots, REPL, TTY).",
    "from": {
      "pathNot": [
        "^bench\\/.*$",
        "^cli\\/.*$",
        "^eslint\\.config\\.js$",
        "^sandbox\\/.*$",
        "^scripts\\/.*$",
        "^tests\\/.*$",
        "^vitest\\.config\\.ts$",
        "^src\\/.*$"
      ]
    },
    "to": {
      "dependencyTypes": [
        "core"
      ],
      "path": "^(?:node:)?(?:test/reporters|process|os|v8|async_hooks|diagnostics_channel|domain|tty|readline|readline/promises|sea)$"
    }
  },
  {
    "name": "from-policy-core-system-in-inspector",
    "severity": "error",
    "comment": "Builtins that reach SYSTEM; only files that hold one of them may import these. SYSTEM: Reads or changes process-wide or host state (exit, signals, os details, heap snapshots, REPL, TTY). Inside the inspector only a declared action grants it.",
    "from": {
      "path": [
        "^src\\/.*$"
      ],
      "pathNot": []
    },
    "to": {
      "dependencyTypes": [
        "core"
      ],
      "path": "^(?:node:)?(?:test/reporters|process|os|v8|async_hooks|diagnostics_channel|domain|tty|readline|readline/promises|sea)$"
    }
  },
  {
    "name": "from-policy-core-worker",
    "severity": "error",
    "comment": "Builtins that reach WORKER; only files that hold one of them may import these. WORKER: Starts threads or other JavaScript realms (worker_threads, inspector sessions).",
    "from": {
      "pathNot": [
        "^bench\\/.*$",
        "^cli\\/.*$",
        "^eslint\\.config\\.js$",
        "^sandbox\\/.*$",
        "^scripts\\/.*$",
        "^tests\\/.*$",
        "^vitest\\.config\\.ts$",
        "^src\\/.*$"
      ]
    },
    "to": {
      "dependencyTypes": [
        "core"
      ],
      "path": "^(?:node:)?(?:worker_threads)$"
    }
  },
  {
    "name": "from-policy-core-worker-in-inspector",
    "severity": "error",
    "comment": "Builtins that reach WORKER; only files that hold one of them may import these. WORKER: Starts threads or other JavaScript realms (worker_threads, inspector sessions). Inside the inspector only a declared action grants it.",
    "from": {
      "path": [
        "^src\\/.*$"
      ],
      "pathNot": []
    },
    "to": {
      "dependencyTypes": [
        "core"
      ],
      "path": "^(?:node:)?(?:worker_threads)$"
    }
  },
  {
    "name": "from-policy-package-database+files-read+files-write+native",
    "severity": "error",
    "comment": "Known packages that reach DATABASE + FILES_READ + FILES_WRITE + NATIVE; only files that hold one of them may import these. DATABASE: Talks to a database server or opens a database file (drivers, ORMs, query builders). FILES_READ: Reads files, directories or file metadata. FILES_WRITE: Creates, writes, renames, deletes or changes the mode of files and directories. NATIVE: Loads native code into the process (addons, process.dlopen, process.binding, WASI).",
    "from": {
      "pathNot": [
        "^bench\\/.*$",
        "^cli\\/.*$",
        "^eslint-plugin-tki\\/util\\/policy-file\\.ts$",
        "^eslint\\.config\\.js$",
        "^guard\\/.*$",
        "^sandbox\\/.*$",
        "^scripts\\/.*$",
        "^src/io/packet-reader\\.ts$",
        "^src/io/report-writer\\.ts$",
        "^tests\\/.*$",
        "^vitest\\.config\\.ts$",
        "^src\\/.*$"
      ]
    },
    "to": {
      "path": "(?:^|node_modules/)(?:better-sqlite3|sqlite3)(?:/|$)"
    }
  },
  {
    "name": "from-policy-package-database+files-read+files-write+native-in-inspector",
    "severity": "error",
    "comment": "Known packages that reach DATABASE + FILES_READ + FILES_WRITE + NATIVE; only files that hold one of them may import these. DATABASE: Talks to a database server or opens a database file (drivers, ORMs, query builders). FILES_READ: Reads files, directories or file metadata. FILES_WRITE: Creates, writes, renames, deletes or changes the mode of files and directories. NATIVE: Loads native code into the process (addons, process.dlopen, process.binding, WASI). Inside the inspector only a declared action grants it.",
    "from": {
      "path": [
        "^src\\/.*$"
      ],
      "pathNot": [
        "^src/io/packet-reader\\.ts$",
        "^src/io/report-writer\\.ts$"
      ]
    },
    "to": {
      "path": "(?:^|node_modules/)(?:better-sqlite3|sqlite3)(?:/|$)"
    }
  },
  {
    "name": "from-policy-package-database+network",
    "severity": "error",
    "comment": "Known packages that reach DATABASE + NETWORK; only files that hold one of them may import these. DATABASE: Talks to a database server or opens a database file (drivers, ORMs, query builders). NETWORK: Opens sockets or speaks a network protocol (TCP, UDP, HTTP, DNS, TLS, WebSocket, IPC pipes).",
    "from": {
      "pathNot": [
        "^cli\\/.*$",
        "^sandbox\\/.*$",
        "^src\\/.*$"
      ]
    },
    "to": {
      "path": "(?:^|node_modules/)(?:pg|pg-pool|pg-promise|postgres|slonik|mysql|mysql2|mongodb|mongoose|redis|ioredis|knex|prisma|@prisma/client|sequelize|typeorm|drizzle-orm|kysely|tedious|mssql|oracledb|cassandra-driver|@neondatabase/serverless|@supabase/supabase-js|@planetscale/database|@elastic/elasticsearch)(?:/|$)"
    }
  },
  {
    "name": "from-policy-package-database+network-in-inspector",
    "severity": "error",
    "comment": "Known packages that reach DATABASE + NETWORK; only files that hold one of them may import these. DATABASE: Talks to a database server or opens a database file (drivers, ORMs, query builders). NETWORK: Opens sockets or speaks a network protocol (TCP, UDP, HTTP, DNS, TLS, WebSocket, IPC pipes). Inside the inspector only a declared action grants it.",
    "from": {
      "path": [
        "^src\\/.*$"
      ],
      "pathNot": []
    },
    "to": {
      "path": "(?:^|node_modules/)(?:pg|pg-pool|pg-promise|postgres|slonik|mysql|mysql2|mongodb|mongoose|redis|ioredis|knex|prisma|@prisma/client|sequelize|typeorm|drizzle-orm|kysely|tedious|mssql|oracledb|cassandra-driver|@neondatabase/serverless|@supabase/supabase-js|@planetscale/database|@elastic/elasticsearch)(?:/|$)"
    }
  },
  {
    "name": "from-policy-package-dynamic-code",
    "severity": "error",
    "comment": "Known packages that reach DYNAMIC_CODE; only files that hold one of them may import these. DYNAMIC_CODE: Compiles or loads code chosen at run time (eval, Function, vm, non-literal import/require, data: URLs).",
    "from": {
      "pathNot": [
        "^cli\\/.*$",
        "^sandbox\\/.*$",
        "^src\\/.*$"
      ]
    },
    "to": {
      "path": "(?:^|node_modules/)(?:vm2|isolated-vm|safe-eval|require-from-string|import-fresh|jiti|ts-node|tsx)(?:/|$)"
    }
  },
  {
    "name": "from-policy-package-dynamic-code-in-inspector",
    "severity": "error",
    "comment": "Known packages that reach DYNAMIC_CODE; only files that hold one of them may import these. DYNAMIC_CODE: Compiles or loads code chosen at run time (eval, Function, vm, non-literal import/require, data: URLs). Inside the inspector only a declared action grants it.",
    "from": {
      "path": [
        "^src\\/.*$"
      ],
      "pathNot": []
    },
    "to": {
      "path": "(?:^|node_modules/)(?:vm2|isolated-vm|safe-eval|require-from-string|import-fresh|jiti|ts-node|tsx)(?:/|$)"
    }
  },
  {
    "name": "from-policy-package-env",
    "severity": "error",
    "comment": "Known packages that reach ENV; only files that hold one of them may import these. ENV: Reads or changes the process environment (process.env, dotenv).",
    "from": {
      "pathNot": [
        "^bench\\/.*$",
        "^cli\\/.*$",
        "^eslint\\.config\\.js$",
        "^sandbox\\/.*$",
        "^scripts\\/.*$",
        "^tests\\/.*$",
        "^vitest\\.config\\.ts$",
        "^src\\/.*$"
      ]
    },
    "to": {
      "path": "(?:^|node_modules/)(?:dotenv|dotenv-expand|@dotenvx/dotenvx|env-var|envalid)(?:/|$)"
    }
  },
  {
    "name": "from-policy-package-env-in-inspector",
    "severity": "error",
    "comment": "Known packages that reach ENV; only files that hold one of them may import these. ENV: Reads or changes the process environment (process.env, dotenv). Inside the inspector only a declared action grants it.",
    "from": {
      "path": [
        "^src\\/.*$"
      ],
      "pathNot": []
    },
    "to": {
      "path": "(?:^|node_modules/)(?:dotenv|dotenv-expand|@dotenvx/dotenvx|env-var|envalid)(?:/|$)"
    }
  },
  {
    "name": "from-policy-package-exec",
    "severity": "error",
    "comment": "Known packages that reach EXEC; only files that hold one of them may import these. EXEC: Starts another process or replaces this one (child_process, cluster, shells).",
    "from": {
      "pathNot": [
        "^bench\\/.*$",
        "^cli\\/.*$",
        "^eslint\\.config\\.js$",
        "^sandbox\\/.*$",
        "^scripts\\/.*$",
        "^tests\\/.*$",
        "^vitest\\.config\\.ts$",
        "^src\\/.*$"
      ]
    },
    "to": {
      "path": "(?:^|node_modules/)(?:execa|cross-spawn|shelljs|zx|tinyexec|cross-env|@npmcli/promise-spawn|node-pty)(?:/|$)"
    }
  },
  {
    "name": "from-policy-package-exec-in-inspector",
    "severity": "error",
    "comment": "Known packages that reach EXEC; only files that hold one of them may import these. EXEC: Starts another process or replaces this one (child_process, cluster, shells). Inside the inspector only a declared action grants it.",
    "from": {
      "path": [
        "^src\\/.*$"
      ],
      "pathNot": []
    },
    "to": {
      "path": "(?:^|node_modules/)(?:execa|cross-spawn|shelljs|zx|tinyexec|cross-env|@npmcli/promise-spawn|node-pty)(?:/|$)"
    }
  },
  {
    "name": "from-policy-package-files-read+files-write",
    "severity": "error",
    "comment": "Known packages that reach FILES_READ + FILES_WRITE; only files that hold one of them may import these. FILES_READ: Reads files, directories or file metadata. FILES_WRITE: Creates, writes, renames, deletes or changes the mode of files and directories.",
    "from": {
      "pathNot": [
        "^bench\\/.*$",
        "^cli\\/.*$",
        "^eslint-plugin-tki\\/util\\/policy-file\\.ts$",
        "^eslint\\.config\\.js$",
        "^guard\\/.*$",
        "^sandbox\\/.*$",
        "^scripts\\/.*$",
        "^src/io/packet-reader\\.ts$",
        "^src/io/report-writer\\.ts$",
        "^tests\\/.*$",
        "^vitest\\.config\\.ts$",
        "^src\\/.*$"
      ]
    },
    "to": {
      "path": "(?:^|node_modules/)(?:fs-extra|graceful-fs|glob|fast-glob|rimraf|mkdirp|chokidar|del|tmp|write-file-atomic)(?:/|$)"
    }
  },
  {
    "name": "from-policy-package-files-read+files-write-in-inspector",
    "severity": "error",
    "comment": "Known packages that reach FILES_READ + FILES_WRITE; only files that hold one of them may import these. FILES_READ: Reads files, directories or file metadata. FILES_WRITE: Creates, writes, renames, deletes or changes the mode of files and directories. Inside the inspector only a declared action grants it.",
    "from": {
      "path": [
        "^src\\/.*$"
      ],
      "pathNot": [
        "^src/io/packet-reader\\.ts$",
        "^src/io/report-writer\\.ts$"
      ]
    },
    "to": {
      "path": "(?:^|node_modules/)(?:fs-extra|graceful-fs|glob|fast-glob|rimraf|mkdirp|chokidar|del|tmp|write-file-atomic)(?:/|$)"
    }
  },
  {
    "name": "from-policy-package-knowledge-base+network",
    "severity": "error",
    "comment": "Known packages that reach KNOWLEDGE_BASE + NETWORK; only files that hold one of them may import these. KNOWLEDGE_BASE: Talks to a knowledge base or CMS (Directus and similar SDKs). NETWORK: Opens sockets or speaks a network protocol (TCP, UDP, HTTP, DNS, TLS, WebSocket, IPC pipes).",
    "from": {
      "pathNot": [
        "^cli\\/.*$",
        "^sandbox\\/.*$",
        "^src\\/.*$"
      ]
    },
    "to": {
      "path": "(?:^|node_modules/)(?:@directus/sdk|directus|contentful|@notionhq/client|@sanity/client|strapi-sdk-js)(?:/|$)"
    }
  },
  {
    "name": "from-policy-package-knowledge-base+network-in-inspector",
    "severity": "error",
    "comment": "Known packages that reach KNOWLEDGE_BASE + NETWORK; only files that hold one of them may import these. KNOWLEDGE_BASE: Talks to a knowledge base or CMS (Directus and similar SDKs). NETWORK: Opens sockets or speaks a network protocol (TCP, UDP, HTTP, DNS, TLS, WebSocket, IPC pipes). Inside the inspector only a declared action grants it.",
    "from": {
      "path": [
        "^src\\/.*$"
      ],
      "pathNot": []
    },
    "to": {
      "path": "(?:^|node_modules/)(?:@directus/sdk|directus|contentful|@notionhq/client|@sanity/client|strapi-sdk-js)(?:/|$)"
    }
  },
  {
    "name": "from-policy-package-native",
    "severity": "error",
    "comment": "Known packages that reach NATIVE; only files that hold one of them may import these. NATIVE: Loads native code into the process (addons, process.dlopen, process.binding, WASI).",
    "from": {
      "pathNot": [
        "^cli\\/.*$",
        "^sandbox\\/.*$",
        "^src\\/.*$"
      ]
    },
    "to": {
      "path": "(?:^|node_modules/)(?:bindings|node-gyp-build|ffi-napi|koffi|prebuild-install)(?:/|$)"
    }
  },
  {
    "name": "from-policy-package-native-in-inspector",
    "severity": "error",
    "comment": "Known packages that reach NATIVE; only files that hold one of them may import these. NATIVE: Loads native code into the process (addons, process.dlopen, process.binding, WASI). Inside the inspector only a declared action grants it.",
    "from": {
      "path": [
        "^src\\/.*$"
      ],
      "pathNot": []
    },
    "to": {
      "path": "(?:^|node_modules/)(?:bindings|node-gyp-build|ffi-napi|koffi|prebuild-install)(?:/|$)"
    }
  },
  {
    "name": "from-policy-package-network",
    "severity": "error",
    "comment": "Known packages that reach NETWORK; only files that hold one of them may import these. NETWORK: Opens sockets or speaks a network protocol (TCP, UDP, HTTP, DNS, TLS, WebSocket, IPC pipes).",
    "from": {
      "pathNot": [
        "^cli\\/.*$",
        "^sandbox\\/.*$",
        "^src\\/.*$"
      ]
    },
    "to": {
      "path": "(?:^|node_modules/)(?:axios|node-fetch|undici|got|ky|superagent|request|needle|phin|cross-fetch|isomorphic-fetch|ws|socket\\.io|socket\\.io-client|http-proxy|express|fastify|koa|@hapi/hapi|graphql-request|@apollo/client|nodemailer|ssh2|ftp|basic-ftp|@grpc/grpc-js|amqplib|kafkajs|mqtt|openai|@octokit/rest|googleapis|firebase|@aws-sdk/[^/]+|@google-cloud/[^/]+|@azure/[^/]+)(?:/|$)"
    }
  },
  {
    "name": "from-policy-package-network-in-inspector",
    "severity": "error",
    "comment": "Known packages that reach NETWORK; only files that hold one of them may import these. NETWORK: Opens sockets or speaks a network protocol (TCP, UDP, HTTP, DNS, TLS, WebSocket, IPC pipes). Inside the inspector only a declared action grants it.",
    "from": {
      "path": [
        "^src\\/.*$"
      ],
      "pathNot": []
    },
    "to": {
      "path": "(?:^|node_modules/)(?:axios|node-fetch|undici|got|ky|superagent|request|needle|phin|cross-fetch|isomorphic-fetch|ws|socket\\.io|socket\\.io-client|http-proxy|express|fastify|koa|@hapi/hapi|graphql-request|@apollo/client|nodemailer|ssh2|ftp|basic-ftp|@grpc/grpc-js|amqplib|kafkajs|mqtt|openai|@octokit/rest|googleapis|firebase|@aws-sdk/[^/]+|@google-cloud/[^/]+|@azure/[^/]+)(?:/|$)"
    }
  },
  {
    "name": "from-policy-package-not-allowed",
    "severity": "error",
    "comment": "The policy denies every package that is not on its allow list. UNKNOWN_PACKAGE: A package that the policy does not allow; under a strict policy every unlisted package is denied.",
    "from": {
      "pathNot": [
        "^src\\/.*$"
      ]
    },
    "to": {
      "path": "(?:^|/)node_modules/",
      "pathNot": "(?:^|/)node_modules/(?:zod|typescript|ts-morph|dependency-cruiser|@typescript-eslint/utils|@typescript-eslint/parser|eslint|typescript-eslint|vitest|fast-check)/"
    }
  },
  {
    "name": "from-policy-package-not-allowed-in-inspector",
    "severity": "error",
    "comment": "The policy denies every package that is not on its allow list. UNKNOWN_PACKAGE: A package that the policy does not allow; under a strict policy every unlisted package is denied. Inside the inspector only a declared action grants it.",
    "from": {
      "path": [
        "^src\\/.*$"
      ],
      "pathNot": []
    },
    "to": {
      "path": "(?:^|/)node_modules/",
      "pathNot": "(?:^|/)node_modules/(?:zod|typescript|ts-morph|dependency-cruiser|@typescript-eslint/utils|@typescript-eslint/parser|eslint|typescript-eslint|vitest|fast-check)/"
    }
  }
];
// </policy-rules>

module.exports = {
  forbidden: [...layers, ...policyRules],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(fixtures|dist|node_modules)/' },
    moduleSystems: ['es6', 'cjs'],
    tsPreCompilationDeps: false,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
