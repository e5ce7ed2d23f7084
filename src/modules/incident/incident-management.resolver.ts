import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { replacedBy } from '../../graphql/replaced-by';
import { staffViewer } from '../../graphql/viewer';
import {
  ChangeStatusInput,
  CreateIncidentInput,
  IncidentAssignInput,
  IncidentCreateInput,
  IncidentFilterInput,
  IncidentLinkInput,
  IncidentSortInput,
  IncidentStatusChangeInput,
  IncidentUnlinkInput,
  IncidentUpdateAddInput,
  IncidentUpdateFieldsInput,
  IncidentUpdateInput,
  UpdateIncidentInput,
} from './incident-management.inputs';
import { IncidentAssignPayload, IncidentCreatePayload, IncidentLinkPayload, IncidentStatusChangePayload, IncidentUnlinkPayload, IncidentUpdateAddPayload, IncidentUpdatePayload } from './incident-management.payloads';
import { Incident, IncidentConnection, IncidentPage, IncidentUpdateView, StatusCount } from './incident.types';
import { AfterArg, LimitArg, PageArg } from '../../shared/listing';
import { timelineToFetch, timelineToFetchUnder } from './incident.selection';
import { ConnectionArgs } from '../../shared/connection.types';

/** Incidents for staff (the internal side). Thin: arguments in, one service call, result out. */
@Resolver()
export class IncidentManagementResolver {
  @Query(() => Incident, { description: 'Staff: one incident of the workspace by id or number.' })
  async incident(@Arg('id', () => ID, { description: "The incident's id or number (INC-…)." }) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const include = timelineToFetch(info, []);
    return ctx.loaders.incidents.primed(await ctx.services.incidentManagement.get(staffViewer(ctx), id, include), include);
  }

  @Query(() => IncidentPage, { description: 'Staff: the workspace\'s incidents, filtered, sorted and paginated.' })
  async incidents(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => IncidentFilterInput, { nullable: true, description: 'Which incidents; none: all of them.' }) filter?: IncidentFilterInput | null,
    @Arg('sort', () => IncidentSortInput, { nullable: true, description: 'The order; none: newest first.' }) sort?: IncidentSortInput | null,
    @PageArg() page?: number | null,
    @LimitArg() limit?: number | null,
    @AfterArg() after?: string | null,
  ) {
    const include = timelineToFetch(info, ['items']);
    return ctx.loaders.incidents.primed(await ctx.services.incidentManagement.list(staffViewer(ctx), filter ?? {}, page, limit, sort ?? undefined, after, include), include);
  }

  @Query(() => IncidentConnection, { description: 'Staff: the workspace\'s incidents as a cursor connection (first/after, last/before), filtered and sorted like `incidents`.' })
  async incidentsConnection(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => IncidentFilterInput, { nullable: true, description: 'Which incidents; none: all of them.' }) filter?: IncidentFilterInput | null,
    @Arg('sort', () => IncidentSortInput, { nullable: true, description: 'The order; none: newest first. A cursor fits the order it was made in only.' }) sort?: IncidentSortInput | null,
  ) {
    const include = timelineToFetchUnder(info, [['nodes'], ['edges', 'node']]);
    return ctx.loaders.incidents.primed(await ctx.services.incidentManagement.connection(staffViewer(ctx), filter ?? {}, args, sort ?? undefined, include), include);
  }

  @Query(() => [StatusCount], { description: 'Staff: incident counts by status, for dashboards.' })
  incidentCounts(@Ctx() ctx: Context) {
    return ctx.services.incidentManagement.counts(staffViewer(ctx));
  }

  @Mutation(() => Incident, { description: 'ENGINEER: opens an incident (source STAFF or API), optionally for a portal user.', deprecationReason: replacedBy('incidentCreate') })
  createIncident(@Arg('input', { description: 'The new incident.' }) input: CreateIncidentInput, @Ctx() ctx: Context) {
    return ctx.services.incidentManagement.create(staffViewer(ctx), input, ctx.client);
  }

  @Mutation(() => Incident, { description: 'ENGINEER: edits fields; `version` must be current (else STALE_VERSION).', deprecationReason: replacedBy('incidentUpdate') })
  updateIncident(
    @Arg('id', () => ID, { description: "The incident's id or number." }) id: string,
    @Arg('version', () => Int, { description: 'The version read (Incident.version): a change made since refuses this one.' }) version: number,
    @Arg('input', { description: 'What to change.' }) input: UpdateIncidentInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.incidentManagement.update(staffViewer(ctx), id, version, input, ctx.client);
  }

  @Mutation(() => Incident, { description: 'RESPONDER acknowledges; ENGINEER moves along the status machine.', deprecationReason: replacedBy('incidentStatusChange') })
  async changeIncidentStatus(@Arg('id', () => ID, { description: "The incident's id or number." }) id: string, @Arg('input', { description: 'The new status and its note.' }) input: ChangeStatusInput, @Ctx() ctx: Context) {
    return (await ctx.services.incidentManagement.changeStatus(staffViewer(ctx), id, input, ctx.client)).incident;
  }

  @Mutation(() => IncidentUpdateView, { description: 'RESPONDER: adds a comment, INTERNAL unless marked PUBLIC.', deprecationReason: replacedBy('incidentUpdateAdd') })
  addIncidentUpdate(@Arg('id', () => ID, { description: "The incident's id or number." }) id: string, @Arg('input', { description: 'The comment.' }) input: IncidentUpdateInput, @Ctx() ctx: Context) {
    return ctx.services.incidentManagement.addUpdate(staffViewer(ctx), id, input, ctx.client);
  }

  @Mutation(() => Incident, { description: 'MANAGER: assigns to a staff member, or unassigns with null.', deprecationReason: replacedBy('incidentAssign') })
  assignIncident(@Arg('id', () => ID, { description: "The incident's id or number." }) id: string, @Arg('assigneeId', () => ID, { nullable: true, description: 'The staff member to assign; null: nobody.' }) assigneeId: string | null, @Ctx() ctx: Context) {
    return ctx.services.incidentManagement.assign(staffViewer(ctx), id, assigneeId, ctx.client);
  }

  @Mutation(() => Incident, { description: 'ENGINEER: links customer reports to a parent incident; its public status changes reach them.', deprecationReason: replacedBy('incidentLink') })
  linkIncidents(@Arg('parentId', () => ID, { description: "The parent incident's id or number." }) parentId: string, @Arg('childIds', () => [ID], { description: 'The reports to link under it, by id or number.' }) childIds: string[], @Ctx() ctx: Context) {
    return ctx.services.incidentManagement.link(staffViewer(ctx), parentId, childIds, ctx.client);
  }

  @Mutation(() => Incident, { description: 'ENGINEER: unlinks a report from its parent incident.', deprecationReason: replacedBy('incidentUnlink') })
  async unlinkIncident(@Arg('id', () => ID, { description: "The linked report's id or number." }) id: string, @Ctx() ctx: Context) {
    return (await ctx.services.incidentManagement.unlink(staffViewer(ctx), id, ctx.client)).incident;
  }

  // ---- Issue 15: the object-first mutations, one `input` and a payload each; the same service calls as the old ones above ----

  @Mutation(() => IncidentCreatePayload, { description: 'ENGINEER: opens an incident (source STAFF or API), optionally for a portal user; assigning it too needs MANAGER.' })
  async incidentCreate(@Arg('input', { description: 'The new incident.' }) input: IncidentCreateInput, @Ctx() ctx: Context): Promise<IncidentCreatePayload> {
    return { incident: await ctx.services.incidentManagement.create(staffViewer(ctx), input, ctx.client) };
  }

  @Mutation(() => IncidentUpdatePayload, { description: 'ENGINEER: edits fields; `version` must be current (else STALE_VERSION).' })
  async incidentUpdate(@Arg('input', { description: 'The incident, the version read and what to change.' }) input: IncidentUpdateFieldsInput, @Ctx() ctx: Context): Promise<IncidentUpdatePayload> {
    const { id, version, ...changes } = input;
    return { incident: await ctx.services.incidentManagement.update(staffViewer(ctx), id, version, changes, ctx.client) };
  }

  @Mutation(() => IncidentStatusChangePayload, { description: 'RESPONDER acknowledges; ENGINEER moves along the status machine. The payload has the status event too.' })
  incidentStatusChange(@Arg('input', { description: 'The incident, the new status and its note.' }) input: IncidentStatusChangeInput, @Ctx() ctx: Context): Promise<IncidentStatusChangePayload> {
    const { id, ...change } = input;
    return ctx.services.incidentManagement.changeStatus(staffViewer(ctx), id, change, ctx.client);
  }

  @Mutation(() => IncidentUpdateAddPayload, { description: 'RESPONDER: adds a comment, INTERNAL unless marked PUBLIC.' })
  async incidentUpdateAdd(@Arg('input', { description: 'The incident and the comment.' }) input: IncidentUpdateAddInput, @Ctx() ctx: Context): Promise<IncidentUpdateAddPayload> {
    const { id, ...comment } = input;
    return { update: await ctx.services.incidentManagement.addUpdate(staffViewer(ctx), id, comment, ctx.client), incidentRef: id };
  }

  @Mutation(() => IncidentAssignPayload, { description: 'MANAGER: assigns to a staff member, or unassigns with null.' })
  async incidentAssign(@Arg('input', { description: 'The incident and its assignee.' }) input: IncidentAssignInput, @Ctx() ctx: Context): Promise<IncidentAssignPayload> {
    return { incident: await ctx.services.incidentManagement.assign(staffViewer(ctx), input.id, input.assigneeId ?? null, ctx.client) };
  }

  @Mutation(() => IncidentLinkPayload, { description: 'ENGINEER: links customer reports to a parent incident; its public status changes reach them.' })
  async incidentLink(@Arg('input', { description: 'The parent and the reports to link under it.' }) input: IncidentLinkInput, @Ctx() ctx: Context): Promise<IncidentLinkPayload> {
    return { incident: await ctx.services.incidentManagement.link(staffViewer(ctx), input.parentId, input.childIds, ctx.client) };
  }

  @Mutation(() => IncidentUnlinkPayload, { description: 'ENGINEER: unlinks a report from its parent incident.' })
  incidentUnlink(@Arg('input', { description: 'The report to unlink.' }) input: IncidentUnlinkInput, @Ctx() ctx: Context): Promise<IncidentUnlinkPayload> {
    return ctx.services.incidentManagement.unlink(staffViewer(ctx), input.id, ctx.client);
  }
}
