// Shared pieces of every email: escaping and a plain, accessible layout that survives mail clients.
import { DEFAULT_LOCALE, localeDirection, localePath, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Plain text → paragraphs of escaped HTML. */
export function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => `<p style="margin:0 0 16px">${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
}

export function button(href: string, label: string): string {
  return `<p style="margin:24px 0"><a href="${escapeHtml(href)}" style="display:inline-block;background:#1f2937;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(label)}</a></p>`;
}

/** `locale`: the language the email is written in; Arabic mirrors (dir="rtl"), as the site does. */
export function layout({ title, body, footer, locale = DEFAULT_LOCALE }: { title: string; body: string; footer: string; locale?: Locale }): string {
  return `<!doctype html>
<html lang="${locale}" dir="${localeDirection(locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:0;background:#f5f5f4;color:#1c1917;font-family:Georgia,'Times New Roman',serif;font-size:17px;line-height:1.5">
<div style="max-width:560px;margin:0 auto;padding:24px;background:#ffffff">
<p style="margin:0 0 24px;font-family:Arial,Helvetica,sans-serif;font-weight:700;letter-spacing:.08em;text-transform:uppercase;font-size:13px">Vigil</p>
${body}
<hr style="border:none;border-top:1px solid #d6d3d1;margin:32px 0 16px">
<p style="margin:0;font-family:Arial,Helvetica,sans-serif;font-size:13px;color:#57534e">${footer}</p>
</div>
</body>
</html>`;
}

/** Where a supporter asks to have their details erased, on the same site as a link the email already carries
 * (the case page), so templates need no extra setting. */
export function eraseUrlFor(siteUrl: string, locale: Locale = DEFAULT_LOCALE): string {
  return new URL(localePath(locale, "/erase"), siteUrl).toString();
}

/** The line every email to a supporter ends with. */
export function eraseLine(siteUrl: string, locale: Locale = DEFAULT_LOCALE): string {
  return translatorFor(locale)("emails.common.eraseLine", { url: eraseUrlFor(siteUrl, locale) });
}

export type RenderedEmail = { subject: string; text: string; html: string };
