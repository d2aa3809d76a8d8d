/** How a notification will look in a person's inbox, while it is written. */
export function MessagePreview({ subject, body }: { subject: string; body: string }) {
  return (
    <section className="message-preview" aria-labelledby="message-preview">
      <h3 id="message-preview">How it will look in the inbox</h3>
      <article className="notification unread">
        <h4>{subject.trim() || <span className="muted">(no subject yet)</span>}</h4>
        <p className="body">{body.trim() || <span className="muted">(no message yet)</span>}</p>
      </article>
    </section>
  );
}
