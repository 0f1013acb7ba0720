import "server-only";
// The address an erased supporter's signature keeps in place of theirs: unique (the case's unique index needs
// one), and never deliverable (.invalid, RFC 2606). Nothing is ever sent to it.
import { newId } from "../security/secret";

const ERASED_DOMAIN = "erased.invalid";

export const erasedPlaceholderAddress = () => `erased-${newId()}@${ERASED_DOMAIN}`;

export const isErasedAddress = (address: string) => address.toLowerCase().endsWith(`@${ERASED_DOMAIN}`);
