import { FormEvent, useId, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import type { DevPerson } from '../api/types';
import { ROLES } from '../api/types';
import { ErrorNotice, Loading, PageHeading } from '../ui/feedback';
import { useSessionState } from './session';

/**
 * Signing in for development: paste a bearer token (always), or — only when the gateway runs with
 * CONSOLE_DEV_SIGNIN on, as `npm start` does — pick a person of a seeded tenant.
 */
export function SignInPage() {
  const { signIn, problem } = useSessionState();
  const config = useQuery({ queryKey: ['console-config'], queryFn: api.config, staleTime: Infinity });
  const [token, setToken] = useState('');
  const tokenId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn(token);
  };

  return (
    <main id="main" className="page sign-in">
      <PageHeading title="Sign in">Sign in to Cohort</PageHeading>
      {problem && (
        <div className="notice notice-error" role="alert">
          {problem}
        </div>
      )}
      <section aria-labelledby="paste-token">
        <h2 id="paste-token">Paste a token</h2>
        <form onSubmit={submit}>
          <label htmlFor={tokenId}>Bearer token</label>
          <p className="hint" id={`${tokenId}-hint`}>
            For example from <code>npm run -s token -- --tenant demo --email owner@demo.test</code>.
          </p>
          <textarea
            id={tokenId}
            aria-describedby={`${tokenId}-hint`}
            rows={4}
            value={token}
            onChange={(e) => setToken(e.target.value)}
            spellCheck={false}
            autoComplete="off"
            required
          />
          <button type="submit" className="primary">
            Sign in
          </button>
        </form>
      </section>
      {config.data?.devSignIn && <DevSignIn defaultTenant={config.data.devTenant} onToken={signIn} />}
    </main>
  );
}

function DevSignIn({ defaultTenant, onToken }: { defaultTenant: string; onToken: (token: string) => void }) {
  const [tenant, setTenant] = useState(defaultTenant);
  const [shown, setShown] = useState(defaultTenant);
  const tenantId = useId();
  const people = useQuery({ queryKey: ['dev-people', shown], queryFn: () => api.devPeople(shown), enabled: shown !== '' });
  const mint = useMutation({ mutationFn: (person: DevPerson) => api.devToken(shown, person.userId), onSuccess: ({ token }) => onToken(token) });
  const byRole = ROLES.map((role) => ({ role, people: (people.data?.people ?? []).filter((p) => p.role === role) })).filter((g) => g.people.length);

  return (
    <section aria-labelledby="dev-sign-in" className="dev-sign-in">
      <h2 id="dev-sign-in">Development sign-in</h2>
      <p className="hint">This gateway runs with development sign-in on: pick a person to act as. Never switch it on in a shared deployment.</p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          setShown(tenant.trim());
        }}
      >
        <label htmlFor={tenantId}>Tenant</label>
        <input id={tenantId} value={tenant} onChange={(e) => setTenant(e.target.value)} autoComplete="off" />
        <button type="submit">Show people</button>
      </form>
      {people.isPending && shown && <Loading what="people" />}
      <ErrorNotice error={people.error} title="Could not list the people" />
      <ErrorNotice error={mint.error} title="Could not sign in" />
      {people.data && people.data.people.length === 0 && <p>Nobody active in tenant {shown}.</p>}
      {byRole.map((group) => (
        <div key={group.role} className="dev-role">
          <h3>{group.role}</h3>
          <ul className="person-buttons">
            {group.people.map((person) => (
              <li key={person.userId}>
                <button type="button" onClick={() => mint.mutate(person)} disabled={mint.isPending}>
                  Sign in as {person.name} <span className="muted">{person.email}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
