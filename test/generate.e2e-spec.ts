import { recreateDatabase } from '@lib/database';
import { productDataSource } from '@app/cli';
import { generate } from '../bench/generate';

/** Databases of this suite's own: generated data never mixes with the other suites' rows. */
const url = (name: string) => process.env.DATABASE_URL!.replace(/\/[^/]+$/, `/${name}`);

async function digest(databaseUrl: string) {
  const data = await productDataSource({ url: databaseUrl, poolSize: 1 }).initialize();
  try {
    const [row] = await data.query(`
      SELECT (SELECT count(*)::int FROM clients) AS clients,
             (SELECT count(*)::int FROM exam_records) AS exams,
             (SELECT count(*)::int FROM match_applications) AS applications,
             (SELECT count(*)::int FROM audit_log WHERE request_id = 'generated') AS audit,
             (SELECT count(DISTINCT stage)::int FROM clients) AS stages,
             (SELECT md5(string_agg(id::text || first_name || last_name || intake_date || status || stage, ',' ORDER BY id)) FROM clients) AS people,
             (SELECT md5(string_agg(client_id::text || exam || status, ',' ORDER BY client_id, exam)) FROM exam_records) AS records,
             (SELECT count(*)::int FROM client_notes) AS notes`);
    return row;
  } finally {
    await data.destroy();
  }
}

describe('npm run generate (the performance data set)', () => {
  it('gives the same rows for the same seed, other rows for another, with each client’s history', async () => {
    const [a, b, c] = [
      'img_pathways_generate_a_test',
      'img_pathways_generate_b_test',
      'img_pathways_generate_c_test',
    ].map(url);
    for (const db of [a, b, c]) await recreateDatabase(db);
    await generate(a, { clients: 300, seed: 7 });
    await generate(b, { clients: 300, seed: 7 });
    await generate(c, { clients: 300, seed: 8 });
    const [first, second, other] = [await digest(a), await digest(b), await digest(c)];
    expect(second).toEqual(first);
    expect(other.people).not.toBe(first.people);
    expect(first).toMatchObject({ clients: 300, exams: 900, applications: 300, audit: 6000 });
    // Run again on the same database: the earlier run's clients are replaced, not added to.
    await generate(a, { clients: 300, seed: 7 });
    const again = await digest(a);
    expect({ ...again, audit: 0 }).toEqual({ ...first, audit: 0 });
    // Varied stages, set by the engine, and a skewed number of notes.
    expect(first.stages).toBeGreaterThanOrEqual(4);
    expect(first.notes).toBeGreaterThan(300);
  }, 120_000);
});
