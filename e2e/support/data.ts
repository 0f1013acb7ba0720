// Test data for the end-to-end tests, written straight into the server's database file through the same
// factories the integration tests use. Each test makes its own case, so counts are exact and tests independent.
process.env.DATABASE_URL = process.env.E2E_DATABASE_URL;

export { createTestCase } from "../../tests/support/factories";
export { createConfirmedSignatures, listSelfReportRows } from "../../tests/support/supporter-factories";
export { countAuditRows } from "../../tests/support/audit";
