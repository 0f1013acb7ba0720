// The demo seed's channels, confirmed through the real sign and confirm commands: the President by post (or fax
// with a gateway) and never by email, the Beijing PSB by post, and the embassy copy routed to the PRC's mission
// in each supporter's country, by post to Oslo, by an example.org email to Tokyo, and not at all from China.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { appeals, cases, missions, outbox, signatures, targets } from "@/db/schema";
import { setEnv, useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { signAndConfirm } from "@/tests/support/supporters";
import { seedDemoCases } from "./seed";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase({ APP_URL: "https://appeals.example.org" });
  seedDemoCases();
});
afterAll(() => database.close());

/** The appeals of the signature just confirmed on `slug`, by target title. */
function lettersOf(slug: string, signatureId: string) {
  const rows = getDb()
    .select({ title: targets.title, channel: appeals.channel, deliveryAddress: appeals.deliveryAddress, recipient: appeals.recipient, missionId: appeals.missionId, outboxId: appeals.outboxId })
    .from(appeals)
    .innerJoin(targets, eq(targets.id, appeals.targetId))
    .innerJoin(cases, eq(cases.id, appeals.caseId))
    .where(eq(appeals.signatureId, signatureId))
    .all();
  expect(getDb().select({ slug: cases.slug }).from(cases).innerJoin(appeals, eq(appeals.caseId, cases.id)).where(eq(appeals.signatureId, signatureId)).get()?.slug).toBe(slug);
  return Object.fromEntries(rows.map((r) => [r.title, r]));
}

function confirmed(slug: string, country: string): string {
  const result = signAndConfirm({ slug, country });
  if (result.state !== "confirmed") throw new Error(`not confirmed: ${JSON.stringify(result)}`);
  return getDb().select({ id: signatures.id }).from(signatures).where(eq(signatures.email, result.email)).get()!.id;
}

const PRESIDENT = "President of the People’s Republic of China";
const EMBASSY = "The embassy of the People’s Republic of China in your country";

describe("the demo seed's real channels", () => {
  it("Tashpolat Tiyip from Norway: the President on paper, the procurator by email, the copy posted to the embassy in Oslo", () => {
    const letters = lettersOf("tashpolat-tiyip", confirmed("tashpolat-tiyip", "NO"));
    expect(letters[PRESIDENT]).toMatchObject({ channel: "post", deliveryAddress: null, outboxId: null });
    expect(letters[PRESIDENT]?.recipient).toContain("Zhongnanhai");
    const procurator = Object.values(letters).find((l) => l.title.startsWith("Procurator-General of the Xinjiang"));
    expect(procurator).toMatchObject({ channel: "email", deliveryAddress: "xinjiang-procuratorate.demo@example.org" });
    const oslo = getDb().select().from(missions).where(eq(missions.hostCountry, "NO")).get()!;
    expect(letters[EMBASSY]).toMatchObject({ channel: "post", missionId: oslo.id, deliveryAddress: null });
    expect(letters[EMBASSY]?.recipient.split("\n")).toEqual(["Embassy of the People's Republic of China in Norway", "Tuengen allé 2B", "0374 Oslo", "Norway"]);
  });

  it("from Japan the copy is emailed, to the demo address and never to the embassy's real one", () => {
    const letters = lettersOf("tashpolat-tiyip", confirmed("tashpolat-tiyip", "JP"));
    expect(letters[EMBASSY]).toMatchObject({ channel: "email", deliveryAddress: "embassy-cn-jp.demo@example.org" });
    const queued = getDb().select({ to: outbox.toAddress }).from(outbox).where(eq(outbox.id, letters[EMBASSY]!.outboxId!)).get();
    expect(queued?.to).toBe("embassy-cn-jp.demo@example.org");
    expect(getDb().select().from(outbox).all().filter((m) => m.toAddress.includes("china-embassy"))).toEqual([]);
  });

  it("from China itself no copy goes to an embassy: the letters already go to that government", () => {
    const letters = lettersOf("gui-minhai", confirmed("gui-minhai", "CN"));
    expect(Object.keys(letters).toSorted()).toEqual(["Minister of Justice", PRESIDENT].toSorted());
  });

  it("with a fax gateway, the President's letter is faxed to the drama-range number", () => {
    const restore = setEnv({ FAX_GATEWAY: "{number}@fax.example.net" });
    try {
      const letters = lettersOf("gui-minhai", confirmed("gui-minhai", "NO"));
      expect(letters[PRESIDENT]).toMatchObject({ channel: "fax", deliveryAddress: "+442079460017" });
      const queued = getDb().select({ to: outbox.toAddress, kind: outbox.kind }).from(outbox).where(eq(outbox.id, letters[PRESIDENT]!.outboxId!)).get();
      expect(queued).toEqual({ to: "442079460017@fax.example.net", kind: "fax" });
    } finally {
      restore();
    }
  });

  it("Li Qiaochu: the Beijing Public Security Bureau, which has no public email, gets its letter on paper", () => {
    const letters = lettersOf("li-qiaochu", confirmed("li-qiaochu", "GB"));
    expect(letters["Director of the Beijing Municipal Public Security Bureau"]).toMatchObject({ channel: "post", deliveryAddress: null });
  });
});
