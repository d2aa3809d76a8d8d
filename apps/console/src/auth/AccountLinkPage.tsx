import { FormEvent, useId, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { ApiError, request } from '../api/client';
import { ErrorNotice, PageHeading } from '../ui/feedback';

const MIN_PASSWORD = 10;

/**
 * What an e-mailed link opens, without signing in: accept an invitation (optionally with a name, and a
 * password) or choose a new password. The link's token is the credential.
 */
export function AccountLinkPage({ kind, token }: { kind: 'invitation' | 'password-reset'; token: string }) {
  const invitation = kind === 'invitation';
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<string>();
  const id = useId();
  const send = useMutation({
    mutationFn: () =>
      invitation
        ? request(`/v1/invitations/${encodeURIComponent(token)}/accept`, {
            method: 'POST',
            body: { ...(name.trim() && { name: name.trim() }), ...(password && { password }) },
          })
        : request(`/v1/password-resets/${encodeURIComponent(token)}`, { method: 'POST', body: { password } }),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if ((password || !invitation) && password.length < MIN_PASSWORD) return setProblem(`The password needs at least ${MIN_PASSWORD} characters.`);
    if (password !== again) return setProblem('The two passwords differ.');
    setProblem(undefined);
    send.mutate();
  };
  const title = invitation ? 'Accept your invitation' : 'Choose a new password';

  return (
    <main id="main" className="page sign-in">
      <PageHeading title={title}>{title}</PageHeading>
      {send.isSuccess ? (
        <p className="notice notice-ok" role="status">
          {invitation ? 'Welcome! Your account is active.' : 'Your new password is set.'} You can close this page.
        </p>
      ) : (
        <section aria-labelledby={`${id}-h`}>
          <h2 id={`${id}-h`}>{invitation ? 'Your account' : 'New password'}</h2>
          <form onSubmit={submit} noValidate className="params">
            {invitation && (
              <div className="field">
                <label htmlFor={`${id}-name`}>Your name (optional)</label>
                <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
              </div>
            )}
            <div className="field">
              <label htmlFor={`${id}-password`}>{invitation ? 'Password (optional)' : 'New password'}</label>
              <input
                id={`${id}-password`}
                type="password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                autoComplete="new-password"
              />
              <p className="hint">At least {MIN_PASSWORD} characters.</p>
            </div>
            <div className="field">
              <label htmlFor={`${id}-again`}>The same password again</label>
              <input id={`${id}-again`} type="password" value={again} onChange={(e) => setAgain(e.target.value)} autoComplete="new-password" />
            </div>
            {problem && (
              <p className="problem" role="alert">
                {problem}
              </p>
            )}
            <ErrorNotice
              error={send.error}
              title={send.error instanceof ApiError && send.error.code.endsWith('TOKEN_EXPIRED') ? 'This link has expired' : 'This did not work'}
            />
            <div className="buttons">
              <button type="submit" className="primary" disabled={send.isPending}>
                {invitation ? 'Accept the invitation' : 'Set the password'}
              </button>
            </div>
          </form>
        </section>
      )}
    </main>
  );
}
