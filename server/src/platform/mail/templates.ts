import { type Language, translate } from '@matriz/shared/i18n/translate';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/**
 * Renders `mail.<template>.subject` and `mail.<template>.body` (Spanish or English, {{name}}
 * placeholders) inside the common layout, as plain text and HTML. Modules add their own templates
 * under `mail` in their i18n files.
 */
export function renderMail(
  language: Language,
  template: string,
  values: Record<string, unknown> = {},
  options: { link?: string | null } = {},
): RenderedMail {
  const subject = translate(language, `mail.${template}.subject`, values);
  const body = translate(language, `mail.${template}.body`, values);
  const footer = translate(language, 'mail.layout.footer');
  const linkLabel = translate(language, 'mail.layout.open');
  const link = options.link ?? null;
  const text = [body, link ? `${linkLabel}: ${link}` : null, '--', footer].filter(Boolean).join('\n\n');
  const paragraphs = body
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  const html = `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; color: #222; max-width: 640px">
<h2 style="font-size: 18px">${escapeHtml(subject)}</h2>
${paragraphs}
${link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(linkLabel)}</a></p>` : ''}
<hr><p style="color: #777; font-size: 12px">${escapeHtml(footer)}</p>
</body></html>`;
  return { subject, text, html };
}
