/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation PortalSignIn($input: PortalLoginInput!) {\n    portalLogin(input: $input) {\n      accessToken\n      account {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.PortalSignInDocument,
    "\n  mutation StaffSignIn($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      user {\n        id\n        role\n      }\n    }\n  }\n": typeof types.StaffSignInDocument,
    "\n  mutation ReportTicket($input: TicketCreateInput!) {\n    ticketCreate(input: $input) {\n      ticket {\n        id\n        number\n        status\n      }\n      replayed\n    }\n  }\n": typeof types.ReportTicketDocument,
    "\n  query MyTickets($first: Int, $after: String) {\n    ticketsConnection(first: $first, after: $after) {\n      nodes {\n        id\n        number\n        title\n        status\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.MyTicketsDocument,
    "\n  query WorkspaceIncidents($first: Int, $after: String) {\n    incidentsConnection(first: $first, after: $after) {\n      nodes {\n        id\n        number\n        title\n        status\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.WorkspaceIncidentsDocument,
    "\n  mutation Acknowledge($input: IncidentStatusChangeInput!) {\n    incidentStatusChange(input: $input) {\n      incident {\n        id\n        status\n      }\n    }\n  }\n": typeof types.AcknowledgeDocument,
    "\n  subscription FollowTicket($id: ID!) {\n    ticketUpdated(id: $id) {\n      number\n      status\n    }\n  }\n": typeof types.FollowTicketDocument,
};
const documents: Documents = {
    "\n  mutation PortalSignIn($input: PortalLoginInput!) {\n    portalLogin(input: $input) {\n      accessToken\n      account {\n        id\n        displayName\n      }\n    }\n  }\n": types.PortalSignInDocument,
    "\n  mutation StaffSignIn($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      user {\n        id\n        role\n      }\n    }\n  }\n": types.StaffSignInDocument,
    "\n  mutation ReportTicket($input: TicketCreateInput!) {\n    ticketCreate(input: $input) {\n      ticket {\n        id\n        number\n        status\n      }\n      replayed\n    }\n  }\n": types.ReportTicketDocument,
    "\n  query MyTickets($first: Int, $after: String) {\n    ticketsConnection(first: $first, after: $after) {\n      nodes {\n        id\n        number\n        title\n        status\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.MyTicketsDocument,
    "\n  query WorkspaceIncidents($first: Int, $after: String) {\n    incidentsConnection(first: $first, after: $after) {\n      nodes {\n        id\n        number\n        title\n        status\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.WorkspaceIncidentsDocument,
    "\n  mutation Acknowledge($input: IncidentStatusChangeInput!) {\n    incidentStatusChange(input: $input) {\n      incident {\n        id\n        status\n      }\n    }\n  }\n": types.AcknowledgeDocument,
    "\n  subscription FollowTicket($id: ID!) {\n    ticketUpdated(id: $id) {\n      number\n      status\n    }\n  }\n": types.FollowTicketDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalSignIn($input: PortalLoginInput!) {\n    portalLogin(input: $input) {\n      accessToken\n      account {\n        id\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PortalSignIn($input: PortalLoginInput!) {\n    portalLogin(input: $input) {\n      accessToken\n      account {\n        id\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StaffSignIn($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      user {\n        id\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StaffSignIn($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      user {\n        id\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportTicket($input: TicketCreateInput!) {\n    ticketCreate(input: $input) {\n      ticket {\n        id\n        number\n        status\n      }\n      replayed\n    }\n  }\n"): (typeof documents)["\n  mutation ReportTicket($input: TicketCreateInput!) {\n    ticketCreate(input: $input) {\n      ticket {\n        id\n        number\n        status\n      }\n      replayed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyTickets($first: Int, $after: String) {\n    ticketsConnection(first: $first, after: $after) {\n      nodes {\n        id\n        number\n        title\n        status\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyTickets($first: Int, $after: String) {\n    ticketsConnection(first: $first, after: $after) {\n      nodes {\n        id\n        number\n        title\n        status\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceIncidents($first: Int, $after: String) {\n    incidentsConnection(first: $first, after: $after) {\n      nodes {\n        id\n        number\n        title\n        status\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkspaceIncidents($first: Int, $after: String) {\n    incidentsConnection(first: $first, after: $after) {\n      nodes {\n        id\n        number\n        title\n        status\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Acknowledge($input: IncidentStatusChangeInput!) {\n    incidentStatusChange(input: $input) {\n      incident {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Acknowledge($input: IncidentStatusChangeInput!) {\n    incidentStatusChange(input: $input) {\n      incident {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription FollowTicket($id: ID!) {\n    ticketUpdated(id: $id) {\n      number\n      status\n    }\n  }\n"): (typeof documents)["\n  subscription FollowTicket($id: ID!) {\n    ticketUpdated(id: $id) {\n      number\n      status\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;