import "server-only";
import { countryOptions } from "@/lib/countries";
import { RISK_LABELS } from "@/lib/labels";

export const riskStatusOptions = () => Object.entries(RISK_LABELS).map(([value, label]) => ({ value, label }));
export const countrySelectOptions = () => countryOptions("en").map((c) => ({ code: c.code, name: c.name }));
