import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The architecture's rules, checked on the source (docs/DECISIONS.md, issue 16): each library reads
 * and writes its own tables, libraries import each other without cycles, `libs/database` composes
 * nothing, and no API file calls the reminder reconciler (changes reach it as domain events).
 */
const ROOT = join(__dirname, '..');
const LIBS = join(ROOT, 'libs');

/** Libraries allowed to read across tables: declared read models (DECISIONS.md, issue 16). */
const CROSS_TABLE_READ_MODELS: Record<string, string> = {
  reports: 'aggregations over many tables in one scan each, read-only',
  seed: 'demo fixtures written straight into every table, not the product at run time',
};

function sourcesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'migrations' ? [] : sourcesOf(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') && !path.endsWith('.factories.ts') ? [path] : [];
  });
}

const libraries = readdirSync(LIBS).filter((name) => statSync(join(LIBS, name)).isDirectory());
const filesOf = new Map(libraries.map((lib) => [lib, sourcesOf(join(LIBS, lib, 'src'))]));
const textOf = (path: string) => readFileSync(path, 'utf8');

/** table → the library whose entity declares it. */
const ownerOfTable = new Map<string, string>();
for (const lib of libraries) {
  for (const file of filesOf.get(lib) ?? []) {
    for (const match of textOf(file).matchAll(/@Entity\(\{ name: '([a-z_]+)' \}\)/g)) ownerOfTable.set(match[1], lib);
  }
}

/** `@lib/<name>` imports of a library's sources. */
function importsOf(lib: string): Set<string> {
  const found = new Set<string>();
  for (const file of filesOf.get(lib) ?? []) {
    for (const match of textOf(file).matchAll(/from '@lib\/([a-z-]+)'/g)) if (match[1] !== lib) found.add(match[1]);
  }
  return found;
}

describe('the architecture', () => {
  it('knows the owner of every table (the check below would pass vacuously otherwise)', () => {
    expect(ownerOfTable.get('clients')).toBe('clients');
    expect(ownerOfTable.get('exam_records')).toBe('pathway-records');
    expect(ownerOfTable.get('users')).toBe('identity');
    expect(ownerOfTable.size).toBeGreaterThanOrEqual(20);
  });

  it('each library names only its own tables in SQL (declared read models aside)', () => {
    const trespasses: string[] = [];
    for (const lib of libraries.filter((name) => !(name in CROSS_TABLE_READ_MODELS))) {
      for (const file of filesOf.get(lib) ?? []) {
        const text = textOf(file);
        for (const [table, owner] of ownerOfTable) {
          if (owner === lib) continue;
          if (new RegExp(`\\b(FROM|JOIN|UPDATE|INTO)\\s+${table}\\b`, 'i').test(text)) {
            trespasses.push(`${relative(ROOT, file)} names ${owner}'s table ${table}`);
          }
        }
      }
    }
    expect(trespasses).toEqual([]);
  });

  it('libraries import each other without a cycle', () => {
    const graph = new Map(libraries.map((lib) => [lib, importsOf(lib)]));
    const cycles: string[] = [];
    const visit = (lib: string, path: string[]) => {
      if (path.includes(lib)) {
        cycles.push([...path.slice(path.indexOf(lib)), lib].join(' → '));
        return;
      }
      for (const next of graph.get(lib) ?? []) visit(next, [...path, lib]);
    };
    for (const lib of libraries) visit(lib, []);
    expect(cycles).toEqual([]);
  });

  it('every library is a project of nest-cli.json, with its own tsconfig.lib.json', () => {
    const projects = JSON.parse(textOf(join(ROOT, 'nest-cli.json'))).projects as Record<string, { root: string }>;
    const missing = libraries.filter(
      (lib) =>
        projects[lib]?.root !== `libs/${lib}` ||
        !statSync(join(LIBS, lib, 'tsconfig.lib.json'), { throwIfNoEntry: false }),
    );
    expect(missing).toEqual([]);
  });

  it('libs/database imports no domain library: the apps compose the entities', () => {
    expect([...importsOf('database')].filter((lib) => lib !== 'kernel')).toEqual([]);
  });

  it('no API file calls the reminder reconciler: changes reach it as domain events', () => {
    const callers = sourcesOf(join(ROOT, 'apps', 'api', 'src')).filter((file) =>
      /ReminderReconciler|reconcileAfter|\.reconcile\(/.test(textOf(file)),
    );
    expect(callers.map((file) => relative(ROOT, file))).toEqual([]);
  });
});
