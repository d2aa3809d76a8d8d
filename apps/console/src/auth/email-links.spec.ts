import { emailLinkOf } from './email-links';

describe('links from e-mails', () => {
  it('opens the invitation and password-reset pages with the token of the fragment', () => {
    expect(emailLinkOf('/console/', '#/invitation/abc.d%2Be')).toEqual({ kind: 'invitation', token: 'abc.d+e' });
    expect(emailLinkOf('/console', '#/password-reset/xyz')).toEqual({ kind: 'password-reset', token: 'xyz' });
  });

  it('sends the other links to their page of the console', () => {
    expect(emailLinkOf('/console/', '#/jobs/j%201')).toEqual({ kind: 'page', to: '/jobs/j%201' });
    expect(emailLinkOf('/console/', '#/notifications')).toEqual({ kind: 'page', to: '/inbox' });
    expect(emailLinkOf('/console/', '#/certificates/c-1')).toEqual({ kind: 'page', to: '/learning' });
    expect(emailLinkOf('/console/', '#/whatever')).toEqual({ kind: 'page', to: '/' });
  });

  it('leaves every other address alone', () => {
    expect(emailLinkOf('/people', '#/invitation/abc')).toBeUndefined();
    expect(emailLinkOf('/console/', '')).toBeUndefined();
    expect(emailLinkOf('/console/', '#/invitation/')).toEqual({ kind: 'page', to: '/' });
  });
});
