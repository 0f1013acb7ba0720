import { describe, expect, it } from "vitest";
import { failedLetterEmail, failedLetterPreviewProps } from "./failed-letter";

describe("failedLetterEmail", () => {
  it("renders with its preview props: the letter, the postal address, the mailto link and the supporter's page", () => {
    const mail = failedLetterEmail();
    expect(mail.subject).toBe(`Your letter for ${failedLetterPreviewProps.personName} did not arrive`);
    expect(mail.text).toContain(`Subject: ${failedLetterPreviewProps.subject}\n\n${failedLetterPreviewProps.body}`);
    expect(mail.text).toContain(failedLetterPreviewProps.postalLines.join("\n"));
    expect(mail.text.split("\n")).toContain(failedLetterPreviewProps.mailto);
    expect(mail.text.split("\n")).toContain(failedLetterPreviewProps.ownChannelsUrl);
    expect(mail.html).toContain(`href="${failedLetterPreviewProps.ownChannelsUrl.replaceAll("&", "&amp;")}"`);
  });

  it("offers the letter to copy when it is too long for a link, and leaves out post when there is no address", () => {
    const mail = failedLetterEmail({ ...failedLetterPreviewProps, mailto: null, postalLines: [] });
    expect(mail.text).not.toContain("mailto:");
    expect(mail.text).toContain("copy the letter below into an email");
    expect(mail.text).not.toContain("Post it.");
    expect(mail.html).not.toContain("Send it from my email");
  });

  it("escapes every value it puts in the html", () => {
    const mail = failedLetterEmail({ ...failedLetterPreviewProps, body: '<img src=x onerror="alert(1)">', official: "<script>x</script>", personName: "A & B" });
    expect(mail.html).not.toContain("<img");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("A &amp; B");
  });

  it("speaks the supporter's language, keeps the letter in its own, and links to the pages in that language", () => {
    const mail = failedLetterEmail({
      ...failedLetterPreviewProps,
      supporterName: "أمل حداد",
      locale: "ar",
      ownChannelsUrl: "http://localhost:3000/ar/cases/li-qiaochu/thanks?s=x&k=y",
      caseUrl: "http://localhost:3000/ar/cases/li-qiaochu",
    });
    expect(mail.subject).toBe("لم تصل رسالتكم من أجل Li Qiaochu");
    // the names are isolated (FSI … PDI) so a Latin name keeps its order inside the Arabic sentence
    expect(mail.text).toContain("عزيزنا/عزيزتنا \u2068أمل حداد\u2069");
    expect(mail.text).toContain("\u2068Li Qiaochu\u2069");
    expect(mail.text).toContain(failedLetterPreviewProps.body);
    expect(mail.text).toContain("http://localhost:3000/ar/erase");
    expect(mail.html).toContain('dir="rtl"');
  });
});
