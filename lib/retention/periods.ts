import "server-only";
import { env } from "../env";

export type RetentionPeriods = {
  /** pending signatures and offers are deleted this many days after their confirmation link expired */
  pendingDays: number;
  /** letter bodies and reply-to addresses are emptied this many days after delivery (or failure) */
  letterDays: number;
  /** built-in mailbox copies are deleted this many days after they were written */
  mailboxDays: number;
  /** how long a confirmation link works: mail that only carried such a link goes this long + pendingDays after */
  confirmLinkHours: number;
};

/** The retention periods as configured now: the job applies them and /about states them, from this one place. */
export function retentionPeriods(): RetentionPeriods {
  const config = env();
  return {
    pendingDays: config.RETAIN_PENDING_DAYS,
    letterDays: config.RETAIN_LETTER_DAYS,
    mailboxDays: config.RETAIN_MAILBOX_DAYS,
    confirmLinkHours: config.CONFIRM_TOKEN_TTL_HOURS,
  };
}
