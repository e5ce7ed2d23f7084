/**
 * Which root list field each cursor connection sits beside (issue 15): the connection takes the list's filters
 * and the list's shield rule (authz/rules.ts copies it from here, so the two cannot drift apart), and runs the
 * list's query. tests/unit/connections-schema.spec.ts walks the schema: every root field answering a list of
 * entities (an `XPage` or `[X]`) has its connection here or a reason in LISTS_WITHOUT_CONNECTION; a deprecated list
 * (`customers`, `tenants`, `companies`) needs none, its replacement has it.
 * A new connection: a line here, the field, its test.
 */
export const CONNECTION_OF_LIST = {
  incidentsConnection: 'incidents',
  organizationsConnection: 'organizations',
  portalUsersConnection: 'portalUsers',
  auditLogConnection: 'auditLog',
  deliveriesConnection: 'deliveries',
  incidentAnalysesConnection: 'incidentAnalyses',
  staffMembersConnection: 'staffMembers',
  workspacesConnection: 'workspaces',
  kbArticleRevisionsConnection: 'kbArticleRevisions',
  kbArticlesConnection: 'kbArticles',
  staffKbArticlesConnection: 'staffKbArticles',
  ticketsConnection: 'tickets',
} as const satisfies Record<string, string>;

/** Root list fields that need no connection, each with its reason (the schema test reads this list). */
export const LISTS_WITHOUT_CONNECTION: Readonly<Record<string, string>> = {
  incidentCounts: 'One count per status: bounded by the IncidentStatus enum.',
  slaPolicies: 'One policy per priority: bounded by the Priority enum.',
  notificationPreferences: 'One preference per notification kind: bounded by the kind enum.',
  signupWorkspaces: 'The public directory of workspaces open to self-registration: no paging arguments today; a public list a client reads whole.',
  webhookEndpoints: 'At most 20 per workspace (webhook.service.ts MAX_ENDPOINTS): read whole.',
  portalColleagues: "A portal user's own organization's active users (a picker when adding a ticket participant): small, read whole.",
};
