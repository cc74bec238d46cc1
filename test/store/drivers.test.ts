import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DRIVERS, freshStore } from '../helpers/db.js';

for (const driver of DRIVERS) {
  test(`${driver}: migrations apply once and transactions roll back`, async () => {
    const { db, drop } = await freshStore(driver);
    try {
      const names = await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
      assert.ok(names.some((r) => r.name === '001_articles.sql'));
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query(
            `INSERT INTO article_origins (article_id, origin, raw_hash) VALUES ('x', 'o', 'h')`,
          );
        }),
        /foreign key/,
      );
      const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM article_origins');
      assert.equal(rows[0]?.n, 0);
    } finally {
      await drop();
    }
  });
}
