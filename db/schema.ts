// The data model. Portable column types only (text, integer), so a Postgres schema can follow table for table:
// timestamps are integer milliseconds since the epoch, calendar dates are ISO 'YYYY-MM-DD' text, ids are text.
import type { AdapterAccountType } from "next-auth/adapters";
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const ms = (name: string) => integer(name, { mode: "timestamp_ms" });
const flag = (name: string) => integer(name, { mode: "boolean" }).notNull().default(false);

export const RISK_STATUSES = [
  "detained",
  "disappeared",
  "sentenced",
  "facing_execution",
  "at_risk_of_torture",
  "health_concern",
  "harassed",
  "released",
  "charges_dropped",
  "sentence_commuted",
] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

export const CASE_STATES = ["draft", "in_review", "published", "closed"] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const cases = sqliteTable(
  "cases",
  {
    id: text("id").primaryKey(),
    slug: text("slug").notNull(),
    reference: text("reference").notNull(),
    title: text("title").notNull(),
    personName: text("person_name").notNull(),
    personNameLocal: text("person_name_local"),
    pronouns: text("pronouns"),
    photoPath: text("photo_path"),
    photoAlt: text("photo_alt"),
    photoCredit: text("photo_credit"),
    country: text("country").notNull(),
    tags: text("tags").notNull().default(""),
    riskStatus: text("risk_status", { enum: RISK_STATUSES }).notNull(),
    summary: text("summary").notNull(),
    story: text("story").notNull(),
    actBefore: text("act_before").notNull(),
    languages: text("languages").notNull().default("en"),
    goal: integer("goal").notNull(),
    state: text("state", { enum: CASE_STATES }).notNull().default("draft"),
    outcome: text("outcome"),
    // set when an admin schedules publishing: the case goes live at this moment (lib/cases/publish-due-cases)
    publishAt: ms("publish_at"),
    // the caseContentVersion an admin reviewed when scheduling: publishDueCases holds the case when it differs
    scheduledVersion: text("scheduled_version"),
    reviewRequestedAt: ms("review_requested_at"),
    closedAt: ms("closed_at"),
    createdBy: text("created_by"),
    publishedAt: ms("published_at"),
    createdAt: ms("created_at").notNull(),
    updatedAt: ms("updated_at").notNull(),
  },
  (t) => [uniqueIndex("cases_slug_uq").on(t.slug), index("cases_state_idx").on(t.state)],
);

export const UPDATE_KINDS = ["further_information", "outcome"] as const;
export type UpdateKind = (typeof UPDATE_KINDS)[number];

export const caseUpdates = sqliteTable(
  "case_updates",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: UPDATE_KINDS }).notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    riskStatus: text("risk_status", { enum: RISK_STATUSES }),
    happenedOn: text("happened_on").notNull(),
    createdBy: text("created_by"),
    // when the notice to followers was queued; null for updates nobody is told about (e.g. the seed's history)
    notifiedAt: ms("notified_at"),
    // the one-time key of the form that posted it: a double submit or a replay finds this row, mails nobody twice
    formKey: text("form_key"),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [index("case_updates_case_idx").on(t.caseId, t.happenedOn), uniqueIndex("case_updates_form_key_uq").on(t.formKey)],
);

// What a campaigner's change to a live case (published, or scheduled) would do, kept until an admin approves it
// (lib/revisions): the live rows change only then, through the same command code as a direct edit.
export const REVISION_KINDS = ["case", "target_create", "target_update", "target_delete", "target_reorder", "letter", "update"] as const;
export type RevisionKind = (typeof REVISION_KINDS)[number];
export const REVISION_STATUSES = ["pending", "approved", "rejected", "withdrawn"] as const;
export type RevisionStatus = (typeof REVISION_STATUSES)[number];

export const caseRevisions = sqliteTable(
  "case_revisions",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: REVISION_KINDS }).notNull(),
    // the target id, the letter's language or the update's id: what the revision changes
    subjectId: text("subject_id"),
    // JSON: the rows (or fields) as they were when proposed, null for a creation; approval refuses when they differ
    before: text("before"),
    after: text("after").notNull(),
    baseVersion: text("base_version"),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    status: text("status", { enum: REVISION_STATUSES }).notNull().default("pending"),
    decidedBy: text("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: ms("decided_at"),
    // the one-time key of the form that proposed it (post update): a double submit proposes once
    formKey: text("form_key"),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [index("case_revisions_case_status_idx").on(t.caseId, t.status), uniqueIndex("case_revisions_form_key_uq").on(t.formKey)],
);

export const TARGET_ROLES = ["primary", "copy"] as const;
// "each": one email per supporter (the outbox, as soon as confirmed); "digest": one email a day holding all of
// that day's letters, at digestHour in the official's zone (lib/digests, docs/decisions/022-digests.md)
export const DELIVERY_MODES = ["each", "digest"] as const;
// "inline": every letter in full in the body; "pdf": one attached PDF from the letter renderer (decision 006)
export const DIGEST_FORMATS = ["inline", "pdf"] as const;
// "fixed": the official on this row. "mission": a routed copy — the diplomatic mission of `missionOf` in each
// supporter's own country, looked up in `missions` when the supporter confirms (lib/missions).
export const TARGET_ROUTINGS = ["fixed", "mission"] as const;

export const targets = sqliteTable(
  "targets",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    role: text("role", { enum: TARGET_ROLES }).notNull().default("primary"),
    title: text("title").notNull(),
    name: text("name"),
    office: text("office"),
    postalAddress: text("postal_address").notNull(),
    country: text("country").notNull(),
    email: text("email"),
    fax: text("fax"),
    salutation: text("salutation").notNull(),
    language: text("language").notNull().default("en"),
    // IANA zone for office hours and a digest's hour; null: the country's zone (lib/targets/time-zone.ts)
    timeZone: text("time_zone"),
    deliveryMode: text("delivery_mode", { enum: DELIVERY_MODES }).notNull().default("each"),
    // 0–23, in the official's time zone: when the day's digest is sent
    digestHour: integer("digest_hour").notNull().default(9),
    digestFormat: text("digest_format", { enum: DIGEST_FORMATS }).notNull().default("inline"),
    // pacing (lib/outbox/pacing.ts): at most this many letters an hour to this official's address; null: PACE_DEFAULT_PER_HOUR
    pacePerHour: integer("pace_per_hour"),
    // office hours in the official's zone, [start, end) whole hours; both null: any time. Days: ISO weekdays, "12345" = Mon–Fri
    officeHoursStart: integer("office_hours_start"),
    officeHoursEnd: integer("office_hours_end"),
    officeDays: text("office_days"),
    routing: text("routing", { enum: TARGET_ROUTINGS }).notNull().default("fixed"),
    // ISO 3166 alpha-2 of the state whose missions a routed copy goes to (usually the case's country)
    missionOf: text("mission_of"),
  },
  (t) => [index("targets_case_idx").on(t.caseId, t.position)],
);

export const MISSION_TYPES = ["embassy", "consulate", "other"] as const;

// Diplomatic missions the organisation maintains (imported from the database-of-embassies CSV format).
export const missions = sqliteTable(
  "missions",
  {
    id: text("id").primaryKey(),
    // what identifies the row in its source (the Wikidata id, else a key built from its fields): re-imports update
    sourceKey: text("source_key").notNull(),
    operatorCountry: text("operator_country").notNull(),
    hostCountry: text("host_country").notNull(),
    city: text("city"),
    type: text("type", { enum: MISSION_TYPES }).notNull(),
    name: text("name").notNull(),
    address: text("address"),
    email: text("email"),
    phone: text("phone"),
    wikidataId: text("wikidata_id"),
    // a defunct mission stays listed (a re-import must not revive it) but is never written to
    closed: flag("closed"),
    createdAt: ms("created_at").notNull(),
    updatedAt: ms("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("missions_source_key_uq").on(t.sourceKey),
    index("missions_route_idx").on(t.operatorCountry, t.hostCountry),
  ],
);

export const letterTemplates = sqliteTable(
  "letter_templates",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    language: text("language").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    updatedAt: ms("updated_at").notNull(),
  },
  (t) => [uniqueIndex("letter_templates_case_lang_uq").on(t.caseId, t.language)],
);

// "merged": a confirmed signature found to be a second count of one person when the canonical address changed
// (lib/signatures/recompute-canonical-emails.ts); kept with the letters it caused, never counted
export const SIGNATURE_STATUSES = ["pending", "confirmed", "merged"] as const;

// One row per case per canonical email address (lib/signatures/canonical-email.ts): the unique index is what
// makes the public count one per person.
export const signatures = sqliteTable(
  "signatures",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    fullName: text("full_name").notNull(),
    email: text("email").notNull(),
    emailNormalized: text("email_normalized").notNull(),
    country: text("country").notNull(),
    message: text("message"),
    initialsOnly: flag("initials_only"),
    allowReply: flag("allow_reply"),
    followUpdates: flag("follow_updates"),
    // the language they signed in (lib/i18n/locales.ts): every email to them is written in it and links to it
    locale: text("locale").notNull().default("en"),
    unsubscribedAt: ms("unsubscribed_at"),
    status: text("status", { enum: SIGNATURE_STATUSES }).notNull().default("pending"),
    // sha256 of the confirmation token: the token itself is only ever in the supporter's inbox
    tokenHash: text("token_hash").notNull(),
    tokenExpiresAt: ms("token_expires_at").notNull(),
    letterDate: text("letter_date"),
    // the caseContentVersion the supporter signed, and their letters as rendered then (JSON, lib/signatures/
    // signed-letters.ts): confirming sends exactly these, or nothing if the case changed; the letters are cleared
    // at confirm, when the appeals carry them
    contentVersion: text("content_version"),
    letters: text("letters"),
    createdAt: ms("created_at").notNull(),
    updatedAt: ms("updated_at").notNull(),
    confirmedAt: ms("confirmed_at"),
    // when the supporter was emailed that a letter of theirs failed for good (lib/bounces/failure-notice.ts):
    // written by a guarded update (only while null), so one such email per supporter per case, ever
    failureNoticeAt: ms("failure_notice_at"),
  },
  (t) => [
    uniqueIndex("signatures_case_email_uq").on(t.caseId, t.emailNormalized),
    uniqueIndex("signatures_token_uq").on(t.tokenHash),
    index("signatures_case_status_idx").on(t.caseId, t.status, t.country),
    // the retention job finds pending signatures by when their link expired (lib/retention)
    index("signatures_pending_expiry_idx").on(t.status, t.tokenExpiresAt),
  ],
);

// What someone typed into the form for an address that already has a pending signature for the case: never
// written over that signature (a stranger could rewrite its name, message and "let officials reply"); it takes
// the signature's place only when the owner of the address confirms it by its own link.
export const signatureOffers = sqliteTable(
  "signature_offers",
  {
    id: text("id").primaryKey(),
    signatureId: text("signature_id")
      .notNull()
      .references(() => signatures.id, { onDelete: "cascade" }),
    fullName: text("full_name").notNull(),
    email: text("email").notNull(),
    country: text("country").notNull(),
    message: text("message"),
    initialsOnly: flag("initials_only"),
    allowReply: flag("allow_reply"),
    followUpdates: flag("follow_updates"),
    // the language of the page this offer was typed on: it becomes the signature's if the owner confirms it
    locale: text("locale").notNull().default("en"),
    tokenHash: text("token_hash").notNull(),
    tokenExpiresAt: ms("token_expires_at").notNull(),
    // as on signatures: the version this offer's letters were rendered from, and the letters
    contentVersion: text("content_version"),
    letters: text("letters"),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("signature_offers_token_uq").on(t.tokenHash),
    index("signature_offers_signature_idx").on(t.signatureId),
    index("signature_offers_expiry_idx").on(t.tokenExpiresAt),
  ],
);

export const OUTBOX_KINDS = [
  "confirmation",
  "already_signed",
  "appeal",
  "fax",
  "update_notice",
  "sign_in",
  "test_letter",
  "erasure_link",
  // to staff: an official's address went "bouncing" (lib/bounces)
  "staff_alert",
  // to a supporter: a letter of theirs failed for good; a copy and how to send it themselves (lib/bounces)
  "failure_notice",
  // one official's day of letters in one message (lib/digests); its appeals point at this row once it is queued
  "digest",
] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];
// bounced: accepted by the relay ("sent"), then returned by the official's server (a hard bounce, lib/bounces):
// counted as neither sent nor failed, only as what really happened
export const OUTBOX_STATUSES = ["queued", "sending", "sent", "failed", "bounced"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

// Everything the app sends, written in the same transaction as the change that causes it (see lib/outbox).
export const outbox = sqliteTable(
  "outbox",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: OUTBOX_KINDS }).notNull(),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull().default("queued"),
    messageId: text("message_id").notNull(),
    fromName: text("from_name"),
    toAddress: text("to_address").notNull(),
    replyTo: text("reply_to"),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body"),
    headers: text("headers"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ms("next_attempt_at").notNull(),
    leaseOwner: text("lease_owner"),
    leaseUntil: ms("lease_until"),
    lastError: text("last_error"),
    // rows in one lane go one at a time, with a gap between them (a fax line takes minutes per page); null: no lane
    lane: text("lane"),
    // claimed in this order, each through its own range of outbox_claim_idx (lib/outbox/pacing.ts priorityOf):
    // 0 a supporter's or staff member's own mail (confirmation, sign-in link…), 1 update notices, 2 letters to officials
    priority: integer("priority").notNull().default(2),
    // a paced letter's schedule key ("pace:<address>", lib/outbox/pacing.ts): set once the row has been given a slot
    paceKey: text("pace_key"),
    createdAt: ms("created_at").notNull(),
    sentAt: ms("sent_at"),
    // when the retention job or an erasure emptied the bodies, reply-to and (for mail to a supporter) the address;
    // what counts stays: kind, status, timestamps (lib/retention)
    redactedAt: ms("redacted_at"),
  },
  (t) => [
    uniqueIndex("outbox_message_id_uq").on(t.messageId),
    // only rows not yet emptied, so the retention job's scan stays as small as the last weeks' mail
    index("outbox_unredacted_idx").on(t.status, t.sentAt, t.nextAttemptAt).where(sql`redacted_at is null`),
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
    // the claim: each priority is its own range of this index, so a confirmation never scans the appeals queue
    index("outbox_claim_idx").on(t.status, t.priority, t.nextAttemptAt),
    index("outbox_pace_idx").on(t.paceKey, t.status),
    index("outbox_lane_idx").on(t.lane, t.status),
  ],
);

// When each outbox lane may send its next message: written in the same transaction that claims one of its rows.
// Pacing keys ("pace:<address>", "pace-domain:<domain>") use it too: available_at is the claim gate, next_slot_at the
// next free slot given at enqueue, and the settings the gate applies are copied from the official (lib/outbox/pacing.ts)
export const outboxLanes = sqliteTable("outbox_lanes", {
  key: text("key").primaryKey(),
  availableAt: ms("available_at").notNull(),
  nextSlotAt: ms("next_slot_at"),
  perHour: integer("per_hour"),
  officeHoursStart: integer("office_hours_start"),
  officeHoursEnd: integer("office_hours_end"),
  officeDays: text("office_days"),
  timeZone: text("time_zone"),
});

export const BOUNCE_REPORT_KINDS = ["hard", "soft", "complaint", "ignored"] as const;

// Every bounce or complaint the listener received (lib/bounces), applied or not: an "ignored" one (did not parse,
// named no row, bad signature) changed nothing and says why. The returned message itself is never kept: it holds
// the supporter's letter.
export const bounceReports = sqliteTable(
  "bounce_reports",
  {
    id: text("id").primaryKey(),
    receivedAt: ms("received_at").notNull(),
    kind: text("kind", { enum: BOUNCE_REPORT_KINDS }).notNull(),
    // the bounce address it was sent to, as given (cut to 200 characters)
    envelopeTo: text("envelope_to").notNull(),
    outboxId: text("outbox_id").references(() => outbox.id, { onDelete: "set null" }),
    // the report's enhanced status (5.1.1) and diagnostic, or the complaint's feedback type
    status: text("status"),
    diagnostic: text("diagnostic"),
    // ignored: why
    reason: text("reason"),
  },
  (t) => [index("bounce_reports_received_idx").on(t.kind, t.receivedAt), index("bounce_reports_outbox_idx").on(t.outboxId)],
);

export const EMAIL_HEALTH = ["ok", "soft-bouncing", "bouncing", "complained"] as const;

// The state of one official's (or mission's) email address as bounces and complaints reported it, by the address
// lower-cased: one row however many cases name it. hardInRow counts hard bounces since the last delivery that did
// not bounce or the last reset; at BOUNCE_SWITCH_AFTER the address is "bouncing" and its letters go by post or fax.
export const emailHealth = sqliteTable("email_health", {
  address: text("address").primaryKey(),
  status: text("status", { enum: EMAIL_HEALTH }).notNull().default("ok"),
  hardBounces: integer("hard_bounces").notNull().default(0),
  softBounces: integer("soft_bounces").notNull().default(0),
  complaints: integer("complaints").notNull().default(0),
  hardInRow: integer("hard_in_row").notNull().default(0),
  lastAt: ms("last_at"),
  // when staff were told the address went "bouncing"; cleared by a reset, so each switch alerts once
  alertedAt: ms("alerted_at"),
});

export const APPEAL_CHANNELS = ["email", "post", "fax"] as const;

// A batch of post letters claimed once, printed as one PDF, then marked posted (lib/print-runs).
export const printRuns = sqliteTable(
  "print_runs",
  {
    id: text("id").primaryKey(),
    // the case the run was made for; null: a run over every case
    caseId: text("case_id").references(() => cases.id, { onDelete: "cascade" }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: ms("created_at").notNull(),
    letterCount: integer("letter_count").notNull(),
    // the calendar day the letters went into the post, and who said so; until then nothing counts as posted
    postedOn: text("posted_on"),
    postedAt: ms("posted_at"),
    postedBy: text("posted_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("print_runs_case_idx").on(t.caseId, t.createdAt)],
);

// prepared: letters attached (appeals.digest_id), not yet in the outbox; queued: its one outbox row exists
// (digests.outbox_id, whose status says sent, failed or bounced); empty: every letter went another way meanwhile
export const DIGEST_STATUSES = ["prepared", "queued", "empty"] as const;
export type DigestStatus = (typeof DIGEST_STATUSES)[number];

// One official address's letters of one day (lib/digests). Letters are attached in one guarded update when it is
// prepared; a letter confirmed after that waits for the next one. The unique index makes a second preparation of
// the same day and address (two workers, a restart) insert nothing.
export const digests = sqliteTable(
  "digests",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    targetId: text("target_id")
      .notNull()
      .references(() => targets.id, { onDelete: "cascade" }),
    // the official's address, lower-cased, as the letters' delivery_address was fixed at confirmation
    address: text("address").notNull(),
    // the calendar day it is sent on, in the official's zone ('YYYY-MM-DD'), and the how-manieth of that day
    day: text("day").notNull(),
    sequence: integer("sequence").notNull().default(0),
    format: text("format", { enum: DIGEST_FORMATS }).notNull(),
    status: text("status", { enum: DIGEST_STATUSES }).notNull().default("prepared"),
    sendAt: ms("send_at").notNull(),
    letterCount: integer("letter_count").notNull().default(0),
    countryCount: integer("country_count").notNull().default(0),
    outboxId: text("outbox_id").references(() => outbox.id),
    preparedBy: text("prepared_by").references(() => users.id, { onDelete: "set null" }),
    preparedAt: ms("prepared_at").notNull(),
    queuedAt: ms("queued_at"),
  },
  (t) => [
    uniqueIndex("digests_target_day_uq").on(t.targetId, t.address, t.day, t.sequence),
    index("digests_due_idx").on(t.status, t.sendAt),
    index("digests_case_idx").on(t.caseId, t.preparedAt),
  ],
);

export const appeals = sqliteTable(
  "appeals",
  {
    id: text("id").primaryKey(),
    signatureId: text("signature_id")
      .notNull()
      .references(() => signatures.id, { onDelete: "cascade" }),
    targetId: text("target_id")
      .notNull()
      .references(() => targets.id, { onDelete: "cascade" }),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    channel: text("channel", { enum: APPEAL_CHANNELS }).notNull(),
    // the language the letter is written in (its template's), for dates and the "on behalf of" line on paper
    language: text("language").notNull().default("en"),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    // who the letter goes to, as written on the envelope (lines joined by \n), and the email address or E.164 fax
    // number it goes to: fixed when the supporter confirms, so a later edit cannot redirect it
    recipient: text("recipient").notNull().default(""),
    deliveryAddress: text("delivery_address"),
    // a routed copy: the mission chosen for this supporter's country
    missionId: text("mission_id").references(() => missions.id, { onDelete: "set null" }),
    outboxId: text("outbox_id").references(() => outbox.id),
    // post: the one print run this letter was claimed into (claimed once, never twice)
    printRunId: text("print_run_id").references(() => printRuns.id),
    // email to an official in digest mode: the one digest this letter was attached to (null: waiting for one)
    digestId: text("digest_id").references(() => digests.id),
    // why this letter could not be rendered on paper (a glyph no font has, too long); kept for the print run page
    renderError: text("render_error"),
    createdAt: ms("created_at").notNull(),
    // when the retention job or an erasure emptied the body; channel, target, case and delivery state stay
    redactedAt: ms("redacted_at"),
  },
  (t) => [
    uniqueIndex("appeals_signature_target_uq").on(t.signatureId, t.targetId),
    index("appeals_case_idx").on(t.caseId),
    index("appeals_post_idx").on(t.channel, t.printRunId),
    index("appeals_outbox_idx").on(t.outboxId),
    index("appeals_print_run_idx").on(t.printRunId),
    index("appeals_digest_idx").on(t.targetId, t.digestId),
    index("appeals_unredacted_run_idx").on(t.printRunId).where(sql`redacted_at is null`),
  ],
);

export const SELF_REPORT_CHANNELS = ["email", "post"] as const;

// "I sent it / I posted it": a supporter's own word that they sent their letter themselves. One per supporter,
// official and channel; counted apart from what Vigil delivered.
export const selfReports = sqliteTable(
  "self_reports",
  {
    id: text("id").primaryKey(),
    signatureId: text("signature_id")
      .notNull()
      .references(() => signatures.id, { onDelete: "cascade" }),
    targetId: text("target_id")
      .notNull()
      .references(() => targets.id, { onDelete: "cascade" }),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    channel: text("channel", { enum: SELF_REPORT_CHANNELS }).notNull(),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("self_reports_uq").on(t.signatureId, t.targetId, t.channel),
    index("self_reports_case_idx").on(t.caseId),
  ],
);

// The built-in mailbox: what would have gone out when no SMTP_URL is set, as raw RFC 822 text.
export const mailboxMessages = sqliteTable(
  "mailbox_messages",
  {
    id: text("id").primaryKey(),
    outboxId: text("outbox_id").references(() => outbox.id),
    messageId: text("message_id").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    raw: text("raw").notNull(),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [uniqueIndex("mailbox_message_id_uq").on(t.messageId), index("mailbox_created_idx").on(t.createdAt)],
);

// "Erase my details" requests (lib/erasure): the address a supporter asked about, held only until the mailed link
// is used or expires (the retention job deletes expired ones), and the hash of that link's token.
export const erasureRequests = sqliteTable(
  "erasure_requests",
  {
    id: text("id").primaryKey(),
    // as signatures.email_normalized is computed (lib/signatures/schemas normalizeEmail), to find every signature
    emailNormalized: text("email_normalized").notNull(),
    // the address as typed, which is where the link went: outbox and mailbox rows addressed to it are erased too
    email: text("email").notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: ms("expires_at").notNull(),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [uniqueIndex("erasure_requests_token_uq").on(t.tokenHash), index("erasure_requests_expires_idx").on(t.expiresAt)],
);

// Fixed-window counters for rate limits; keys are HMACs, never raw addresses.
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: ms("window_start").notNull(),
  count: integer("count").notNull().default(0),
});

// ---- Staff sign-in (Auth.js). The four tables follow @auth/drizzle-adapter's SQLite shapes property for
// property (the adapter reads them by property name); only the SQL names follow this file's conventions.
// An invitation is simply a users row: nobody without one (or without a place in ADMIN_EMAILS) can sign in.

export const USER_ROLES = ["admin", "campaigner"] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const users = sqliteTable(
  "users",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    name: text("name"),
    // lower-cased and NFKC-normalised, as Auth.js normalises the address typed on the sign-in form
    email: text("email").unique(),
    emailVerified: ms("email_verified"),
    image: text("image"),
    role: text("role", { enum: USER_ROLES }).notNull().default("campaigner"),
    disabledAt: ms("disabled_at"),
    invitedAt: ms("invited_at"),
  },
);

export const accounts = sqliteTable(
  "accounts",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").$type<AdapterAccountType>().notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const sessions = sqliteTable(
  "sessions",
  {
    sessionToken: text("session_token").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expires: ms("expires").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const verificationTokens = sqliteTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    // Auth.js stores sha256(token + secret), never the token in the link
    token: text("token").notNull(),
    expires: ms("expires").notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

// Who did what to the campaign, and when. Staff and case ids only: never a supporter's name, address or message.
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: text("id").primaryKey(),
    at: ms("at").notNull(),
    actorUserId: text("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    details: text("details"),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_subject_idx").on(t.subjectType, t.subjectId)],
);
