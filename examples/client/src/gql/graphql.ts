/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** OPEN → ACKNOWLEDGED → INVESTIGATION → MITIGATED → RESOLVED → CLOSED; a resolved or closed incident may be reopened. */
export type IncidentStatus =
  /** Staff have responded (this ends the response SLA). */
  | 'ACKNOWLEDGED'
  /** Done with. */
  | 'CLOSED'
  /** The cause is being looked for. */
  | 'INVESTIGATION'
  /** The impact is contained; the fix is not final. */
  | 'MITIGATED'
  /** Reported, nobody has responded yet. */
  | 'OPEN'
  /** Fixed (this ends the resolution SLA); the reporter may rate it. */
  | 'RESOLVED';

/** The incident and a move along the status machine (OPEN → ACKNOWLEDGED → INVESTIGATION → MITIGATED → RESOLVED → CLOSED, and reopening). */
export type IncidentStatusChangeInput = {
  /** When resolving: also draft a knowledge-base article (INTERNAL, DRAFT) from the title, description and resolution summary. */
  createKbDraft?: boolean | null | undefined;
  /** The incident's id or number. */
  id: string | number;
  /** Keep the status event INTERNAL (default PUBLIC). */
  internal?: boolean | null | undefined;
  /** Shown as the status event's text. */
  note?: string | null | undefined;
  /** Required to resolve. */
  resolutionSummary?: string | null | undefined;
  /** The status to move to. */
  status: IncidentStatus;
  /** Refuse the change if the incident moved past this version. */
  version?: number | null | undefined;
};

/** An incident (something broke) or a change (something is to be changed). */
export type IncidentType =
  /** A change request (CHG- numbers). */
  | 'CHANGE'
  /** Something is broken or degraded (INC- numbers). */
  | 'INCIDENT';

/** Staff credentials. */
export type LoginInput = {
  /** The sign-in address. */
  email: string;
  /** The password. */
  password: string;
};

/** Portal login (OpsWeave): the workspace is required. */
export type PortalLoginInput = {
  /** The sign-in address. */
  email: string;
  /** The password. */
  password: string;
  /**
   * The workspace's slug.
   * @deprecated Use `workspace`.
   */
  tenantSlug?: string | null | undefined;
  /** The workspace to sign in to; required. Its id or its slug. */
  workspace?: string | null | undefined;
};

/** How urgent an incident is; each has its SLA targets (slaPolicies). */
export type Priority =
  /** An outage, data loss or a security breach. */
  | 'CRITICAL'
  /** Many users affected, or an important function down. */
  | 'HIGH'
  /** Little impact; no rush. */
  | 'LOW'
  /** Some users affected, or a workaround exists. */
  | 'MEDIUM';

/** Staff roles, from most to least powerful. */
export type StaffRole =
  /** Runs the workspace: settings, staff, audit log, webhooks. */
  | 'ADMIN'
  /** Works incidents through their whole life, writes articles. */
  | 'ENGINEER'
  /** Assigns incidents, manages customers, portal users and SLA targets. */
  | 'MANAGER'
  /** Acknowledges incidents and comments on them. */
  | 'RESPONDER'
  /** The platform operator: every workspace, acting in one with X-Tenant-Id. */
  | 'SUPER_ADMIN'
  /** Reads. */
  | 'VIEWER';

/** A customer's new ticket, and the key that makes a retry safe. */
export type TicketCreateInput = {
  /** What happened, 1 to 10,000 characters. */
  description: string;
  /** A key of the client's choosing: a retry with the same key returns the ticket the first attempt created. */
  idempotencyKey?: string | null | undefined;
  /** How urgent it is for the customer; it sets the SLA due times. */
  priority: Priority;
  /** A short title, 1 to 200 characters. */
  title: string;
  /** INCIDENT (default) or CHANGE (a change request). */
  type?: IncidentType;
};

export type PortalSignInMutationVariables = Exact<{
  input: PortalLoginInput;
}>;


export type PortalSignInMutation = { portalLogin: { accessToken: string, account: { id: string, displayName: string } } | null };

export type StaffSignInMutationVariables = Exact<{
  input: LoginInput;
}>;


export type StaffSignInMutation = { login: { accessToken: string, user: { id: string, role: StaffRole } } | null };

export type ReportTicketMutationVariables = Exact<{
  input: TicketCreateInput;
}>;


export type ReportTicketMutation = { ticketCreate: { replayed: boolean, ticket: { id: string, number: string, status: IncidentStatus } } | null };

export type MyTicketsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyTicketsQuery = { ticketsConnection: { nodes: Array<{ id: string, number: string, title: string, status: IncidentStatus }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } | null };

export type WorkspaceIncidentsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WorkspaceIncidentsQuery = { incidentsConnection: { nodes: Array<{ id: string, number: string, title: string, status: IncidentStatus }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } | null };

export type AcknowledgeMutationVariables = Exact<{
  input: IncidentStatusChangeInput;
}>;


export type AcknowledgeMutation = { incidentStatusChange: { incident: { id: string, status: IncidentStatus } } | null };

export type FollowTicketSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type FollowTicketSubscription = { ticketUpdated: { number: string, status: IncidentStatus } };


export const PortalSignInDocument = {"__meta__":{"hash":"sha256:c3265a2fc5ba987d2de23d2e53f350cbbf0a382d7d1e4c5f85be8e172d5de288"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PortalSignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PortalLoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portalLogin"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]} as unknown as DocumentNode<PortalSignInMutation, PortalSignInMutationVariables>;
export const StaffSignInDocument = {"__meta__":{"hash":"sha256:5fef796bed54a76aebde64bce0d604f1c6dd2cb5380d28d2cf25869c97e388c7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StaffSignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]} as unknown as DocumentNode<StaffSignInMutation, StaffSignInMutationVariables>;
export const ReportTicketDocument = {"__meta__":{"hash":"sha256:19f7f1eb4f87ebc9ab4089e9e352e8783c99347e3d4f9fb4ea4487e54d14bd27"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReportTicket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TicketCreateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticketCreate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticket"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]}}]} as unknown as DocumentNode<ReportTicketMutation, ReportTicketMutationVariables>;
export const MyTicketsDocument = {"__meta__":{"hash":"sha256:c0931f0a53a95fa17cb1e4f3ab2036560b227afb4e024e9c8e268a9b9e3f765b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyTickets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticketsConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<MyTicketsQuery, MyTicketsQueryVariables>;
export const WorkspaceIncidentsDocument = {"__meta__":{"hash":"sha256:0073a11760692d4e2a872fddd1fce46655b9f7d1fd3caaa20b2f379a4604f2f7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WorkspaceIncidents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incidentsConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<WorkspaceIncidentsQuery, WorkspaceIncidentsQueryVariables>;
export const AcknowledgeDocument = {"__meta__":{"hash":"sha256:2d386a79ed49640edd2ea77ba05623ab2c2cea7d571f2ed973941d25a9df02dd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Acknowledge"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IncidentStatusChangeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incidentStatusChange"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incident"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<AcknowledgeMutation, AcknowledgeMutationVariables>;
export const FollowTicketDocument = {"__meta__":{"hash":"sha256:af8c6b256924e6829ac33938f10036cee2b724566e385657f7e877f6c50a1025"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"FollowTicket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticketUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<FollowTicketSubscription, FollowTicketSubscriptionVariables>;