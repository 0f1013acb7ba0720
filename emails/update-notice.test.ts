import { describe, expect, it } from "vitest";
import { updateNoticeEmail, updateNoticePreviewProps } from "./update-notice";

describe("updateNoticeEmail", () => {
  it("renders with its preview props: what happened, the case link and the unsubscribe link", () => {
    const mail = updateNoticeEmail();
    expect(mail.subject).toBe(`Outcome: ${updateNoticePreviewProps.personName}: ${updateNoticePreviewProps.title}`);
    expect(mail.text).toContain(updateNoticePreviewProps.body);
    expect(mail.text).toContain("Status now: Released");
    expect(mail.text.split("\n")).toContain(updateNoticePreviewProps.caseUrl);
    expect(mail.text.split("\n")).toContain(updateNoticePreviewProps.unsubscribeUrl);
    expect(mail.html).toContain(`href="${updateNoticePreviewProps.unsubscribeUrl}"`);
  });

  it("escapes every value it puts in the html", () => {
    const mail = updateNoticeEmail({ ...updateNoticePreviewProps, title: "<script>alert(1)</script>", body: '<img src=x onerror="alert(1)">', personName: "A & B" });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).not.toContain("<img");
    expect(mail.html).toContain("A &amp; B");
  });
});
