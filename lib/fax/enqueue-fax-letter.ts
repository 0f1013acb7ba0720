import "server-only";
import type { Db } from "@/db/client";
import { faxCoverEmail } from "@/emails/fax-cover";
import { env } from "../env";
import { enqueueMessage } from "../outbox/enqueue-message";
import { formatFax } from "../targets/schemas";
import { faxGatewayAddress, faxLane } from "./gateway";

/** Puts one letter in the outbox as a fax (a plain-text cover to the gateway; the worker attaches the letter's
 * PDF from its appeal): the one way a fax is queued, when a supporter confirms and when an official's bouncing
 * email sends their letters by fax instead. Needs FAX_GATEWAY. Returns the outbox row's id. */
export function enqueueFaxLetter(
  tx: Db,
  { number, recipient, signedAs, fromName, subject }: { number: string; recipient: string; signedAs: string; fromName: string; subject: string },
  now: Date,
): string {
  const config = env();
  if (!config.FAX_GATEWAY) throw new Error("enqueueFaxLetter: FAX_GATEWAY is not set");
  const cover = faxCoverEmail({ recipient, faxNumber: formatFax(number), signedAs, organisation: config.MAIL_FROM_NAME, subject });
  return enqueueMessage(
    tx,
    {
      kind: "fax",
      to: faxGatewayAddress({ template: config.FAX_GATEWAY, number }),
      fromName,
      // never the supporter's address: the gateway's reports would reach them instead of us
      replyTo: config.REPLY_TO ?? null,
      subject: cover.subject,
      text: cover.text,
      lane: faxLane(number),
    },
    now,
  );
}
