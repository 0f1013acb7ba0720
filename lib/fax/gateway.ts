// Email-to-fax: most fax services take a message to an address built from the number, e.g.
// 861065292345@fax.example.net, and fax its PDF attachment. Pure and free of run-time imports: the env schema,
// the channel rule (rendered in the browser too) and the confirmation share these checks.

/** The placeholder in FAX_GATEWAY that the number (E.164 digits, without "+") replaces. */
export const FAX_NUMBER_PLACEHOLDER = "{number}";

// "+" then a country code (never 0) and 7 to 15 digits in all, nothing else: what lib/targets/schemas stores.
const E164 = /^\+[1-9]\d{6,14}$/;
const PLAIN_ADDRESS = /^[^\s<>@",;]+@[^\s<>@",;]+\.[^\s<>@",;]+$/;

export function isE164(number: string | null | undefined): number is string {
  return typeof number === "string" && E164.test(number);
}

export class FaxNumberError extends Error {
  constructor(readonly number: string) {
    super(`The fax number "${number}" is not in E.164 form (a "+", the country code and 7 to 15 digits, e.g. +861065292345).`);
    this.name = "FaxNumberError";
  }
}

/** Why a FAX_GATEWAY value cannot be used, or null when it can. */
export function checkFaxGateway(template: string): string | null {
  if (!template.includes(FAX_NUMBER_PLACEHOLDER))
    return `must contain ${FAX_NUMBER_PLACEHOLDER} where the fax number goes, e.g. {number}@fax.example.net`;
  const sample = template.replaceAll(FAX_NUMBER_PLACEHOLDER, "861065292345");
  if (!PLAIN_ADDRESS.test(sample))
    return `must be one plain email address once ${FAX_NUMBER_PLACEHOLDER} is filled in (got ${sample}), e.g. {number}@fax.example.net`;
  return null;
}

/** The gateway address for one fax number: "{number}@fax.example.net" and "+861065292345" give
 * "861065292345@fax.example.net". Throws FaxNumberError for a number that is not E.164. */
export function faxGatewayAddress({ template, number }: { template: string; number: string }): string {
  if (!isE164(number)) throw new FaxNumberError(number);
  return template.replaceAll(FAX_NUMBER_PLACEHOLDER, number.slice(1));
}

/** The outbox lane of a fax number: its messages go one at a time, with FAX_GAP_SECONDS between them. */
export function faxLane(number: string): string {
  return `fax:${number}`;
}
