// groupedWrite (db/client.ts): the writes queued together share one commit, each in its own savepoint, and every
// promise settles only once its rows are durable and visible to another connection.
import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { databaseFile, getDb, GROUP_LIMIT, groupedWrite, writeTransaction } from "./client";

let database: TestDatabase;

beforeAll(async () => {
  database = await useTestDatabase();
  getDb().run(sql`create table grouped_probe (id integer primary key, label text not null)`);
});
afterAll(() => database.close());

/** Frames in the WAL since the last truncating checkpoint: every commit appends at least one. */
function walFrames(): number {
  const [row] = getDb().all<{ log: number }>(sql`pragma wal_checkpoint(PASSIVE)`);
  return row!.log;
}

function otherConnectionLabels(): string[] {
  const other = new Database(databaseFile(), { readonly: true });
  try {
    return (other.prepare("select label from grouped_probe order by id").all() as { label: string }[]).map((r) => r.label);
  } finally {
    other.close();
  }
}

beforeEach(() => {
  getDb().run(sql`delete from grouped_probe`);
  getDb().all(sql`pragma wal_checkpoint(TRUNCATE)`);
});

describe("groupedWrite", () => {
  it("commits the writes of one tick together: one commit where separate transactions make one each", async () => {
    const n = 20;
    for (let i = 0; i < n; i++) writeTransaction((tx) => tx.run(sql`insert into grouped_probe (label) values (${`single ${i}`})`));
    const separate = walFrames();
    expect(separate).toBeGreaterThanOrEqual(n);

    getDb().run(sql`delete from grouped_probe`);
    getDb().all(sql`pragma wal_checkpoint(TRUNCATE)`);
    await Promise.all(Array.from({ length: n }, (_, i) => groupedWrite((tx) => tx.run(sql`insert into grouped_probe (label) values (${`grouped ${i}`})`))));
    const grouped = walFrames();
    // one commit of a few pages: far fewer frames than one commit per write
    expect(grouped).toBeLessThan(5);
    expect(otherConnectionLabels()).toHaveLength(n);
  });

  it("rolls back only the call that throws; the others commit and resolve with their values", async () => {
    const results = await Promise.allSettled([
      groupedWrite((tx) => {
        tx.run(sql`insert into grouped_probe (label) values ('first')`);
        return 1;
      }),
      groupedWrite((tx) => {
        tx.run(sql`insert into grouped_probe (label) values ('broken')`);
        throw new Error("this call fails after writing");
      }),
      groupedWrite((tx) => {
        tx.run(sql`insert into grouped_probe (label) values ('third')`);
        return 3;
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((results[0] as PromiseFulfilledResult<number>).value).toBe(1);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(Error);
    expect(otherConnectionLabels()).toEqual(["first", "third"]);
  });

  it("settles each promise only after the commit: another connection already sees every row of the group", async () => {
    const seen: string[][] = [];
    await Promise.all(
      ["a", "b", "c"].map((label) =>
        groupedWrite((tx) => tx.run(sql`insert into grouped_probe (label) values (${label})`)).then(() => {
          // what code after `await` (wakeOutbox, the 303) runs with
          seen.push(otherConnectionLabels());
        }),
      ),
    );
    expect(seen).toEqual([
      ["a", "b", "c"],
      ["a", "b", "c"],
      ["a", "b", "c"],
    ]);
  });

  it("splits a burst into batches of at most GROUP_LIMIT, all of them committed", async () => {
    const n = GROUP_LIMIT * 2 + 5;
    await Promise.all(Array.from({ length: n }, (_, i) => groupedWrite((tx) => tx.run(sql`insert into grouped_probe (label) values (${`burst ${i}`})`))));
    expect(walFrames()).toBeLessThan(n / 4);
    expect(otherConnectionLabels()).toHaveLength(n);
  });
});
