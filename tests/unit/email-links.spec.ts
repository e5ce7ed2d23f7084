import { loadConfig } from '../../src/config/config';
import { emailLink } from '../../src/shared/email-links';

describe('emailLink (every link in e-mails)', () => {
  const config = loadConfig({
    NODE_ENV: 'test',
    PUBLIC_URL: 'https://desk.example.com',
    STAFF_RESET_PASSWORD_URL: 'https://app.example.com/auth/reset?source=mail&token=placeholder',
    PORTAL_INVITATION_URL: 'https://help.example.com/#/welcome',
  });

  it("adds the parameters to the page's own query, encoded, replacing one of the same name", () => {
    expect(emailLink(config, 'staff', 'resetPassword', { token: 'rst_a-b_c' })).toBe('https://app.example.com/auth/reset?source=mail&token=rst_a-b_c');
    expect(emailLink(config, 'staff', 'verifyEmail', { email: 'a+b@x.test' })).toBe('https://desk.example.com/verify-email?email=a%2Bb%40x.test');
    expect(emailLink(config, 'portal', 'verifyEmail', { email: 'c@x.test', companyId: 'id&x=1' })).toBe(
      'https://desk.example.com/portal/verify-email?email=c%40x.test&companyId=id%26x%3D1',
    );
  });

  it('puts the query before a fragment, where a server (and a hash router reading location.search) finds it', () => {
    expect(emailLink(config, 'portal', 'invitation', { token: 'inv_x' })).toBe('https://help.example.com/?token=inv_x#/welcome');
  });
});
