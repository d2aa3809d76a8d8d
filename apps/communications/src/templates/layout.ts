/** The product name in every e-mail's header. */
export const PRODUCT_NAME = 'Cohort';

/**
 * The one HTML layout of every e-mail (a Handlebars partial): header with the product name, the kind's
 * body (`@partial-block`), and a footer with why the reader gets it (the kind's `reason` inline partial)
 * and the language's `automated` line. Inline styles only: mail clients drop <style> blocks.
 */
export const LAYOUT = `<!doctype html>
<html lang="{{mail.language}}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{mail.subject}}</title></head>
<body style="margin:0;padding:0;background:#f4f5f7;font-family:Helvetica,Arial,sans-serif;color:#1f2933;">
<div style="max-width:600px;margin:0 auto;padding:24px;">
<div style="font-size:20px;font-weight:bold;padding:0 0 16px;">{{mail.product}}</div>
<div style="background:#ffffff;border-radius:6px;padding:24px;font-size:15px;line-height:1.5;">
{{> @partial-block}}
</div>
<hr style="border:none;border-top:1px solid #d9dde3;margin:24px 0 12px;">
<div style="font-size:12px;line-height:1.5;color:#616e7c;"><p>{{> reason}}</p><p>{{> automated}}</p></div>
</div>
</body>
</html>`;

/** A call-to-action link styled as a button: `{{> button label="…" href=link}}`. */
export const BUTTON = `<p style="margin:24px 0;"><a href="{{href}}" style="display:inline-block;background:#2563eb;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:4px;font-weight:bold;">{{label}}</a></p>`;
