import type { Config } from '../config/config';

/** One tab of the playground: a named example a new team runs first. */
export interface PlaygroundExample {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

const HOW_TO_SIGN_IN = `# How to get a token
# 1. Run SignIn below (staff) or the "Portal: sign in" tab (customers).
# 2. Copy data.login.accessToken.
# 3. In Headers (the icon left of the URL), add:  Authorization: Bearer <accessToken>
#    For subscriptions, set the same value as "authorization" in the connection payload
#    (the "Live: incidents changing" tab has it ready to fill in).
# In development the demo accounts and their password are printed when the server starts.
`;

/**
 * The playground's example tabs, for staff and portal flows. Each is checked against the schema by
 * tests/unit/playground.spec.ts, so they keep working as the schema changes.
 */
export const PLAYGROUND_EXAMPLES: readonly PlaygroundExample[] = [
  {
    name: 'Start here: sign in',
    query: `${HOW_TO_SIGN_IN}
mutation SignIn($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) {
    accessToken
    refreshToken
    user { id email role }
  }
}
`,
    variables: { email: 'admin@acme-cloud.test', password: 'the password printed at start' },
  },
  {
    name: 'Staff: incidents',
    query: `# Newest first, 20 a page; pass pageInfo.endCursor as $after for the next page.
query Incidents($after: String) {
  incidents(limit: 20, after: $after, filter: { status: OPEN }) {
    items {
      number title status priority createdAt
      assignee { displayName }
      updates(last: 3) { kind visibility body createdAt }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`,
  },
  {
    name: 'Staff: raise and work an incident',
    query: `mutation Raise {
  createIncident(input: { type: INCIDENT, title: "Checkout fails", description: "500 on Pay Now", priority: HIGH }) {
    id number status version
  }
}

# Then, with the id from Raise:
mutation Acknowledge($id: ID!) {
  changeIncidentStatus(id: $id, input: { status: ACKNOWLEDGED, note: "We are on it." }) { status acknowledgedAt }
  addIncidentUpdate(id: $id, input: { body: "Gateway pool exhausted", visibility: INTERNAL }) { id }
}
`,
    variables: { id: 'an incident id' },
  },
  {
    name: 'Portal: sign in and tickets',
    query: `mutation PortalSignIn($tenantSlug: String!, $email: String!, $password: String!) {
  portalLogin(input: { tenantSlug: $tenantSlug, email: $email, password: $password }) { accessToken }
}

# With the portal token in the Authorization header:
query MyTickets {
  tickets(limit: 20) {
    items { number title status priority updates { body createdAt author { displayName kind } } }
    pageInfo { hasNextPage endCursor }
  }
}
`,
    variables: { tenantSlug: 'acme-cloud', email: 'max@initrode.test', password: 'the password printed at start' },
  },
  {
    name: 'Live: incidents changing',
    query: `# Over the WebSocket (graphql-ws); the token goes in the connection payload (Subscription settings):
#   { "authorization": "Bearer <accessToken>" }
subscription Changes {
  incidentsChanged {
    eventType
    incident { number title status }
  }
}
`,
  },
];

/** The options renderAltair gets: the endpoints, the WebSocket protocol and the example tabs. */
export function playgroundOptions(config: Config) {
  const subscriptionsEndpoint = `${config.publicUrl.replace(/^http/, 'ws')}/graphql`;
  return {
    endpointURL: '/graphql',
    subscriptionsEndpoint,
    initialSubscriptionRequestHandlerId: 'graphql-ws' as const,
    initialSubscriptionsPayload: { authorization: 'Bearer <accessToken>' },
    initialWindows: PLAYGROUND_EXAMPLES.map((e) => ({
      initialName: e.name,
      endpointURL: '/graphql',
      subscriptionsEndpoint,
      initialSubscriptionRequestHandlerId: 'graphql-ws' as const,
      initialSubscriptionsPayload: { authorization: 'Bearer <accessToken>' },
      initialQuery: e.query,
      initialVariables: e.variables ? JSON.stringify(e.variables, null, 2) : undefined,
    })),
  };
}
