/** A person as results and previews show them: name and e-mail when identity knows them, the user id otherwise. */
export function PersonName({ person }: { person: { userId: string; name?: string; email?: string } }) {
  if (!person.name && !person.email) return <code>{person.userId}</code>;
  return (
    <span title={person.userId}>
      {person.name || person.email}
      {person.name && person.email && <span className="muted small"> {person.email}</span>}
    </span>
  );
}
