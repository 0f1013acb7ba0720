import { describe, expect, it } from "vitest";
import { alreadySignedEmail, alreadySignedPreviewProps } from "./already-signed";
import { confirmSignatureEmail, confirmSignaturePreviewProps } from "./confirm-signature";

const SCRIPT = "<script>alert(1)</script>";

describe("confirmSignatureEmail", () => {
  it("renders with its preview props and no setup", () => {
    const mail = confirmSignatureEmail();
    expect(mail.subject).toBe(`Please confirm your appeal for ${confirmSignaturePreviewProps.personName}`);
    expect(mail.text).toContain(confirmSignaturePreviewProps.confirmUrl);
    expect(mail.text).toContain(confirmSignaturePreviewProps.caseUrl);
    for (const target of confirmSignaturePreviewProps.targets) expect(mail.text).toContain(`  - ${target}`);
    expect(mail.text).toContain("72 hours");
    expect(mail.html).toMatch(/^<!doctype html>/);
    expect(mail.html).toContain(`href="${confirmSignaturePreviewProps.confirmUrl}"`);
  });

  it("puts the confirm link on a line of its own in the text", () => {
    const confirmUrl = "https://appeals.example.org/confirm/AbC_-123456789012345678901234567890";
    const mail = confirmSignatureEmail({ ...confirmSignaturePreviewProps, confirmUrl });
    expect(mail.text.split("\n")).toContain(confirmUrl);
  });

  it("escapes every value it puts in the html", () => {
    const mail = confirmSignatureEmail({
      ...confirmSignaturePreviewProps,
      personName: SCRIPT,
      supporterName: `Eve "<img src=x onerror=alert(1)>"`,
      caseTitle: "Tom & Jerry's <b>case</b>",
      targets: [`Minister <a href="https://evil.example">`],
      confirmUrl: `https://appeals.example.org/confirm/x"onmouseover="alert(1)`,
    });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(mail.html).not.toContain("<img");
    expect(mail.html).not.toContain("<b>case");
    expect(mail.html).toContain("Tom &amp; Jerry&#39;s &lt;b&gt;case&lt;/b&gt;");
    expect(mail.html).not.toContain('<a href="https://evil.example">');
    expect(mail.html).not.toContain('"onmouseover=');
    expect(mail.html).toContain("x&quot;onmouseover=&quot;alert(1)");
    // the text part is plain text and carries the name as given
    expect(mail.text).toContain(SCRIPT);
  });
});

describe("alreadySignedEmail", () => {
  it("renders with its preview props and no setup", () => {
    const mail = alreadySignedEmail();
    expect(mail.subject).toBe(`You have already signed for ${alreadySignedPreviewProps.personName}`);
    expect(mail.text).toContain(alreadySignedPreviewProps.confirmedOn);
    expect(mail.text).toContain(alreadySignedPreviewProps.caseUrl);
    expect(mail.text).not.toContain("/confirm/");
    expect(mail.html).toContain(`href="${alreadySignedPreviewProps.caseUrl}"`);
  });

  it("escapes the person's name in the html", () => {
    const mail = alreadySignedEmail({ ...alreadySignedPreviewProps, personName: SCRIPT });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(mail.html).toContain("<title>You have already signed for &lt;script&gt;");
  });
});

describe("emails in the supporter's language", () => {
  it("writes the confirmation in Arabic, right to left, with the links the signature's locale carries", () => {
    const mail = confirmSignatureEmail({
      ...confirmSignaturePreviewProps,
      locale: "ar",
      confirmUrl: "http://localhost:3000/ar/confirm/example-token",
      caseUrl: "http://localhost:3000/ar/cases/li-qiaochu",
    });
    expect(mail.subject).toBe("يُرجى تأكيد مناشدتكم من أجل Li Qiaochu");
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail.text).toContain("يعمل الرابط لمدة 72 ساعة.");
    expect(mail.text).toContain("http://localhost:3000/ar/erase");
    expect(mail.text.split("\n")).toContain("http://localhost:3000/ar/confirm/example-token");
  });

  it("writes the already-signed note in Simplified Chinese", () => {
    const mail = alreadySignedEmail({ ...alreadySignedPreviewProps, locale: "zh-Hans", confirmedOn: "2020年3月17日" });
    expect(mail.subject).toBe("您已经为 Li Qiaochu 签过名");
    expect(mail.html).toContain('<html lang="zh-Hans" dir="ltr">');
    expect(mail.text).toContain("2020年3月17日");
  });

  it("keeps English as it was for a signature from before the locales", () => {
    expect(confirmSignatureEmail().html).toContain('<html lang="en" dir="ltr">');
    expect(confirmSignatureEmail().text).toContain("http://localhost:3000/en/erase");
  });
});
