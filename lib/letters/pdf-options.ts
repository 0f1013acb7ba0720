import "server-only";
import { env } from "../env";
import type { PdfOptions } from "./pdf";

/** The page set-up of every letter on paper, from the configuration: the print run's and the fax's, so a faxed
 * and a posted letter look the same (PRINT_PAPER, ORG_NAME, ORG_RETURN_ADDRESS). */
export function letterPdfOptions(): PdfOptions {
  const config = env();
  return { paper: config.PRINT_PAPER, returnAddress: config.ORG_RETURN_ADDRESS, organisation: config.orgName };
}
