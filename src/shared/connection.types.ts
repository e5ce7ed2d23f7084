import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import type { ClassType } from 'type-graphql';
import { COUNT_CAP, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './listing';

/**
 * The GraphQL side of cursor connections (connection.ts): the arguments every connection field takes, the
 * spec's page info, and a factory making a list's `<Name>Connection` and `<Name>Edge` types from its node type.
 * A new connection field: `@Query(() => XConnection)` with `@Args() args: ConnectionArgs` beside the list's own
 * filter arguments, returning what keysetConnection (or toConnection) answers.
 */

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Page forwards: the first N items (after \`after\`), 1 to ${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} when neither first nor last is given. Not with last.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'An endCursor (or any edge cursor) of this list: the items after it. Only with first.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Page backwards: the last N items (before \`before\`), 1 to ${MAX_PAGE_SIZE}. Not with first.` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'A startCursor (or any edge cursor) of this list: the items before it. Only with last.' })
  before?: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'Where a connection page sits in its list (the Cursor Connections spec\'s PageInfo).' })
export class ConnectionPageInfo {
  @Field({ description: 'Whether items follow this page (with last/before: whether `before` was given).' }) hasNextPage!: boolean;
  @Field({ description: 'Whether items precede this page (with first/after: whether `after` was given).' }) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: 'The cursor of the first edge (null when the page is empty): pass it as `before`.' }) startCursor!: string | null;
  @Field(() => String, { nullable: true, description: 'The cursor of the last edge (null when the page is empty): pass it as `after`.' }) endCursor!: string | null;
}

const TOTAL_COUNT_DESCRIPTION = `How many items the whole list has (its filters, not the page), at most ${COUNT_CAP.toLocaleString('en-US')}: larger lists answer ${COUNT_CAP.toLocaleString('en-US')}. Counted only when selected, at the cost of one more statement.`;

/**
 * The `<name>Edge` and `<name>Connection` types of a list of `node` (`what`: the items in words, for the
 * descriptions). Each type name is made once; call it once per node type, at module level.
 */
export function connectionType<T extends object>(node: ClassType<T>, name: string, what: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `One of ${what} and its cursor.` })
  class Edge {
    @Field(() => String, { description: 'This item\'s position: pass it as `after` or `before`. Opaque; valid for this list and order only.' }) cursor!: string;
    @Field(() => node, { description: 'The item.' }) node!: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true, description: `A page of ${what}, by cursor (first/after, last/before).` })
  class Connection {
    @Field(() => [Edge], { description: 'The items of this page with their cursors, in the list\'s order.' }) edges!: Edge[];
    @Field(() => [node], { description: 'The items of this page, without cursors (the same as edges.node).' }) nodes!: T[];
    @Field(() => ConnectionPageInfo, { description: 'Whether more items lie either way, and the cursors to get them.' }) pageInfo!: ConnectionPageInfo;
    @Field(() => Int, { description: TOTAL_COUNT_DESCRIPTION }) totalCount!: number | Promise<number>;
  }
  return Connection;
}
