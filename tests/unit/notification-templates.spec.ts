import { loadConfig } from '../../src/config/config';
import type { CustomerIncidentView } from '../../src/modules/incident/incident.read';
import type { IncidentUpdateView } from '../../src/modules/incident/incident.types';
import * as mails from '../../src/modules/notifications/templates';

const incident: CustomerIncidentView = {
  id: '7d3c2a4e-0000-4000-8000-000000000001',
  number: 'INC-20260101-0001',
  type: 'INCIDENT',
  title: 'Checkout <script>alert(1)</script> & "quotes"',
  summary: 'Checkout',
  description: 'Line one\n<img src=x onerror=alert(2)>',
  status: 'RESOLVED',
  priority: 'CRITICAL',
  source: 'PORTAL',
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T11:00:00.000Z',
  acknowledgedAt: null,
  resolvedAt: '2026-01-01T11:00:00.000Z',
  closedAt: null,
  sla: { responseDueAt: '2026-01-01T10:30:00.000Z', resolutionDueAt: '2026-01-01T14:00:00.000Z' },
  resolutionSummary: 'Rolled back <b>v2</b>.',
};
const update: IncidentUpdateView = {
  id: 'u1',
  kind: 'STATUS',
  body: 'Resolved: rolled back.\nSecond line <i>here</i>',
  status: 'RESOLVED',
  visibility: 'PUBLIC',
  author: { displayName: 'Grace <Hopper>', kind: 'STAFF' },
  createdAt: '2026-01-01T11:00:00.000Z',
};

describe('notification e-mail templates', () => {
  const rendered = [
    mails.newCustomerTicket(incident, 'Rita <Reporter>'),
    mails.customerComment(incident, { ...update, kind: 'COMMENT', author: { displayName: 'Rita', kind: 'CUSTOMER' } }),
    mails.slaBreach(incident, 'resolution'),
    mails.assigned(incident, 'Ada'),
    mails.statusChanged(incident, update, 'Rita', true),
    mails.publicUpdate(incident, update, 'Fred', false),
  ];

  it('escape everything put into HTML, and keep the text part plain', () => {
    for (const m of rendered) {
      expect(m.html).not.toMatch(/<script|<img|<b>|<i>|<Hopper>|<Reporter>/);
      expect(m.html).toContain('Checkout &#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;quotes&#34;');
      expect(m.text).toContain('Checkout <script>alert(1)</script> & "quotes"');
      expect(m.subject).not.toMatch(/[\r\n]/);
    }
  });

  it('keep subjects on one line', () => {
    expect(mails.assigned({ ...incident, title: 'Two\r\nBcc: evil@example.test' }, 'Ada').subject).toBe('[INC-20260101-0001] Assigned to you: Two Bcc: evil@example.test');
  });

  it('quote multi-line texts and name the reason for the e-mail', () => {
    const status = rendered[4];
    expect(status.subject).toBe('[INC-20260101-0001] Status: Resolved - Checkout <script>alert(1)</script> & "quotes"');
    expect(status.text).toContain('Grace <Hopper> wrote:\n> Resolved: rolled back.\n> Second line <i>here</i>');
    expect(status.text).toContain('Resolution: Rolled back <b>v2</b>.');
    expect(status.text).toContain('because you reported this ticket');
    expect(rendered[5].text).toContain("because you follow your organization's tickets");
    expect(rendered[2].subject).toBe('[INC-20260101-0001] SLA breached (resolution): Checkout <script>alert(1)</script> & "quotes"');
    expect(rendered[0].text).toContain('Response due: 2026-01-01 10:30:00 UTC');
  });
});

describe('notification settings', () => {
  it('have defaults: worker in the server process, 8 tries from 30 s, private webhook targets refused', () => {
    const c = loadConfig({});
    expect(c.worker).toEqual({ inProcess: true, concurrency: 4, pollIntervalMs: 2000, heartbeatMs: 10_000 });
    expect(c.delivery).toEqual({ maxAttempts: 8, retryBaseMs: 30_000, retryMaxMs: 6 * 3_600_000 });
    expect(c.webhooks).toEqual({
      timeoutMs: 5000,
      allowPrivateTargets: false,
      secretKeys: { current: null, previous: [], developmentKeyFile: expect.stringMatching(/[/\\]\.data[/\\]postgres\.webhook-key$/) },
    });
  });

  it('are validated, each named in the error', () => {
    expect(() => loadConfig({ WORKER_ENABLED: 'maybe', DELIVERY_MAX_ATTEMPTS: '0', WEBHOOK_TIMEOUT_MS: 'soon' })).toThrow(
      /WORKER_ENABLED: must be true or false[\s\S]*DELIVERY_MAX_ATTEMPTS: must be at least 1[\s\S]*WEBHOOK_TIMEOUT_MS: must be a number/,
    );
    expect(loadConfig({ WORKER_ENABLED: 'false', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' })).toMatchObject({ worker: { inProcess: false }, webhooks: { allowPrivateTargets: true } });
  });
});
