import { analyze, reachSignals, suggestPriority, suggestServiceArea, textSignals, type SimilarIncident } from '../../src/modules/ezra/ezra.analysis';
import { duration, renderReport, when, type CustomerInput } from '../../src/modules/ezra/ezra.report';
import { draftMarkdown } from '../../src/modules/kb/kb.draft';
import { fallbackWords } from '../../src/modules/kb/kb.read';
import { articleSlug } from '../../src/modules/kb/kb.service';

const similar = (over: Partial<SimilarIncident>): SimilarIncident => ({
  id: 'x',
  number: 'INC-1',
  title: 't',
  status: 'RESOLVED',
  priority: 'HIGH',
  score: 0.5,
  resolutionSummary: null,
  resolvedAt: null,
  serviceArea: null,
  ...over,
});

describe('Ezra signals', () => {
  it('finds outage words, error codes, timeouts and low-impact words, quoting what it found', () => {
    expect(textSignals('The API is down for everyone, 503 Service Unavailable and requests timed out')).toEqual([
      { kind: 'OUTAGE', suggests: 'CRITICAL', detail: 'Outage words: "is down", "everyone", "unavailable"' },
      { kind: 'SERVER_ERROR', suggests: 'HIGH', detail: 'Server error codes: "503", "service unavailable"' },
      { kind: 'TIMEOUT', suggests: 'HIGH', detail: 'Timeouts: "timed out"' },
    ]);
    expect(textSignals('Question: how do I export?').map((s) => s.kind)).toEqual(['LOW_IMPACT']);
    expect(textSignals('A drop-down menu shows 5000 items').map((s) => s.kind)).toEqual([]);
  });

  it('scales reach signals with the number of customers and linked reports', () => {
    expect(reachSignals(0, 1)).toEqual([]);
    expect(reachSignals(1, 2).map((s) => s.suggests)).toEqual(['HIGH', 'MEDIUM']);
    expect(reachSignals(6, 7).map((s) => s.suggests)).toEqual(['CRITICAL', 'CRITICAL']);
  });

  it('suggests the highest strong signal; low-impact or similar incidents only when nothing else is found', () => {
    expect(suggestPriority('LOW', textSignals('checkout shows 502 and is slow'))).toEqual({
      priority: 'HIGH',
      current: 'LOW',
      reasons: ['Server error codes: "502" → HIGH', 'Performance words: "slow" → MEDIUM'],
    });
    expect(suggestPriority('HIGH', textSignals('typo on the pricing page')).priority).toBe('LOW');
    expect(suggestPriority('MEDIUM', textSignals('typo, and the site is down')).priority).toBe('CRITICAL');
    expect(suggestPriority('MEDIUM', [])).toEqual({ priority: 'MEDIUM', current: 'MEDIUM', reasons: ['No signal found in the text; the reported priority stands.'] });
    const result = analyze({
      title: 'Widgets',
      text: 'Widgets look odd',
      priority: 'LOW',
      serviceArea: null,
      linkedReports: 0,
      affectedCustomers: 1,
      similarIncidents: [similar({ priority: 'HIGH' }), similar({ priority: 'HIGH' }), similar({ priority: 'LOW', score: 0.2 })],
      suggestedArticles: [],
    });
    expect(result.suggestedPriority).toEqual({ priority: 'HIGH', current: 'LOW', reasons: ['2 of 2 close similar incidents were HIGH → HIGH'] });
  });

  it('picks the service area from words (title counts double) and close similar incidents', () => {
    expect(suggestServiceArea('Login broken', 'password reset e-mail not sent', null, [])).toEqual({
      area: 'authentication',
      current: null,
      reasons: ['Words: "login", "password"'],
    });
    expect(suggestServiceArea('Odd thing', 'nothing to see', 'x', [similar({ serviceArea: 'Search' }), similar({ serviceArea: 'search', score: 0.1 })])).toEqual({
      area: 'search',
      current: 'x',
      reasons: ['1 close similar incident was filed under search'],
    });
    expect(suggestServiceArea('Odd', 'thing', null, []).area).toBeNull();
  });
});

describe('Ezra reports', () => {
  it('formats times and durations', () => {
    expect(when('2026-11-23T15:31:58.000Z')).toBe('2026-11-23 15:31 UTC');
    expect(when(null)).toBe('not yet');
    expect(duration('2026-01-01T00:00:00Z', '2026-01-01T01:05:00Z')).toBe('1 h 5 min');
    expect(duration('2026-01-01T00:00:00Z', '2026-01-03T03:00:00Z')).toBe('2 d 3 h');
  });

  it('renders the same customer report for the same input', () => {
    const input: CustomerInput = {
      audience: 'CUSTOMER',
      asOf: '2026-01-01T02:00:00.000Z',
      incident: {
        number: 'INC-20260101-0001',
        type: 'INCIDENT',
        title: 'Checkout fails',
        description: 'A 500 error.',
        status: 'RESOLVED',
        priority: 'HIGH',
        createdAt: '2026-01-01T00:00:00.000Z',
        acknowledgedAt: '2026-01-01T00:10:00.000Z',
        resolvedAt: '2026-01-01T01:00:00.000Z',
        closedAt: null,
        responseDueAt: '2026-01-01T01:00:00.000Z',
        resolutionDueAt: '2026-01-01T08:00:00.000Z',
        resolutionSummary: 'Pool size raised.',
      },
      updates: [{ at: '2026-01-01T00:20:00.000Z', kind: 'COMMENT', status: null, author: 'Sam', body: 'Looking.' }],
      articles: [{ title: 'Payment retries', slug: 'payment-retries' }],
    };
    const report = renderReport(input);
    expect(report).toBe(renderReport(structuredClone(input)));
    expect(report).toMatchInlineSnapshot(`
"# Update on your report INC-20260101-0001: Checkout fails

The problem has been resolved.

- Status: Resolved
- Priority: High
- Reported: 2026-01-01 00:00 UTC
- First response: 2026-01-01 00:10 UTC
- Resolved: 2026-01-01 01:00 UTC

## Resolution
Pool size raised.

## Latest updates
- 2026-01-01 00:20 UTC, Sam: Looking.

## Articles that may help
- Payment retries (payment-retries)

Reply to this ticket if anything changes on your side."
`);
  });
});

describe('knowledge-base helpers', () => {
  it.each([
    ['Reset your password!', 'reset-your-password'],
    ['  Café  Münster: Öffnungszeiten ', 'cafe-munster-offnungszeiten'],
    ['???', 'article'],
    ['a'.repeat(90), 'a'.repeat(80)],
  ])('slug of %s is %s', (title, slug) => expect(articleSlug(title)).toBe(slug));

  it('splits a query into fallback words', () => {
    expect(fallbackWords('Pasword  reset, pasword? an 2FA')).toEqual(['pasword', 'reset', '2fa']);
    expect(fallbackWords('"a" & | !')).toEqual([]);
  });

  it('drafts from the problem and the resolution only', () => {
    expect(draftMarkdown({ id: 'i', title: 'T', description: ' Broken. ', resolutionSummary: 'Fixed.' })).toBe('## Problem\n\nBroken.\n\n## Resolution\n\nFixed.');
  });
});
