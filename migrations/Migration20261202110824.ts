import { Migration } from '@mikro-orm/migrations';

/**
 * Row-level security as a backstop for tenant isolation (src/db/tenant-transaction.ts). The server connects as
 * the tables' owner, which RLS never restricts; for a tenant's requests it switches, inside the request's
 * transaction, to the NOLOGIN role below with `app.tenant_id` set, and the policies hide every other tenant's
 * rows and refuse writing them. Strict: with no tenant set the role sees nothing.
 *
 * The role is cluster-wide and may already exist (another database of the cluster, the tests' clones), so it is
 * created only when missing and never dropped here. Tables are found from the catalog: every table of `public`
 * with a `tenant_id` column gets the same policy; tests/security/rls.int-spec.ts fails for a table that lacks it.
 */
const ROLE = 'incident_desk_tenant';
const TENANT = `nullif(current_setting('app.tenant_id', true), '')::uuid`;

/** Tables without tenant_id that tenant requests use, each with the policy that ties its rows to the tenant. */
const OTHER_POLICIES: Record<string, string> = {
  tenants: `id = ${TENANT}`,
  audit_chain_heads: `chain = 'tenant:' || ${TENANT}::text`,
  // Through the tables they belong to, which are themselves filtered by tenant for this role.
  refresh_tokens: `session_id in (select id from sessions)`,
  action_tokens: `(subject_kind = 'staff' and subject_id in (select id from users)) or (subject_kind = 'customer' and subject_id in (select id from customer_portal_users))`,
  one_time_codes: `(subject_kind = 'staff' and subject_id in (select id from users)) or (subject_kind = 'customer' and subject_id in (select id from customer_portal_users))`,
};

/** Only system paths (owner role) touch these: the tenant role gets nothing on them. */
const SYSTEM_ONLY = ['mikro_orm_migrations', 'rate_limits', 'oauth_states', 'queue_worker_heartbeats'];

const tenantTables = `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
  join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
  where n.nspname = 'public' and c.relkind in ('r', 'p')`;

export class Migration20261202110824 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`do $$ begin
      create role ${ROLE} nologin;
    exception when duplicate_object or unique_violation then null; -- exists already, or created meanwhile by another database's migration
    end $$;`);
    // The server's own user switches to it per transaction (SET LOCAL ROLE needs membership unless superuser).
    this.addSql(`grant ${ROLE} to current_user;`);
    this.addSql(`grant usage on schema public to ${ROLE};`);
    this.addSql(`grant select, insert, update, delete on all tables in schema public to ${ROLE};`);
    this.addSql(`grant usage, select on all sequences in schema public to ${ROLE};`);
    // Tables and sequences later migrations create (as this same user) are granted too; their policy is theirs to add.
    this.addSql(`alter default privileges in schema public grant select, insert, update, delete on tables to ${ROLE};`);
    this.addSql(`alter default privileges in schema public grant usage, select on sequences to ${ROLE};`);
    for (const table of SYSTEM_ONLY) this.addSql(`revoke all on table "${table}" from ${ROLE};`);

    this.addSql(`do $$ declare t text; begin
      for t in ${tenantTables} loop
        execute format('alter table %I enable row level security', t);
        execute format('create policy tenant_isolation on %I as permissive for all to ${ROLE} using (tenant_id = ${TENANT.replace(/'/g, "''")}) with check (tenant_id = ${TENANT.replace(/'/g, "''")})', t);
      end loop;
    end $$;`);
    for (const [table, condition] of Object.entries(OTHER_POLICIES)) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`create policy tenant_isolation on "${table}" as permissive for all to ${ROLE} using (${condition}) with check (${condition});`);
    }

    // The outbox trigger queues a job in graphile_worker's schema, which the tenant role cannot use: it runs with
    // its owner's rights (search_path pinned, as for any SECURITY DEFINER function). enqueue_job is the same door
    // for the services' own `enqueue` (a retried delivery), open to the tenant role only.
    this.addSql(`alter function "outbox_events_enqueue"() security definer set search_path = pg_catalog, public;`);
    this.addSql(`create function "enqueue_job"(p_task text, p_payload json, p_run_at timestamptz, p_max_attempts int, p_job_key text) returns void
      language plpgsql security definer set search_path = pg_catalog, public as $$
      begin
        perform graphile_worker.add_job(p_task, p_payload, run_at := p_run_at, max_attempts := p_max_attempts, job_key := p_job_key);
      end
    $$;`);
    this.addSql(`revoke all on function "enqueue_job"(text, json, timestamptz, int, text) from public;`);
    this.addSql(`grant execute on function "enqueue_job"(text, json, timestamptz, int, text) to ${ROLE};`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists "enqueue_job"(text, json, timestamptz, int, text);`);
    this.addSql(`alter function "outbox_events_enqueue"() security invoker reset search_path;`);
    for (const table of Object.keys(OTHER_POLICIES)) {
      this.addSql(`drop policy if exists tenant_isolation on "${table}";`);
      this.addSql(`alter table "${table}" disable row level security;`);
    }
    this.addSql(`do $$ declare t text; begin
      for t in ${tenantTables} loop
        execute format('drop policy if exists tenant_isolation on %I', t);
        execute format('alter table %I disable row level security', t);
      end loop;
    end $$;`);
    this.addSql(`alter default privileges in schema public revoke usage, select on sequences from ${ROLE};`);
    this.addSql(`alter default privileges in schema public revoke select, insert, update, delete on tables from ${ROLE};`);
    this.addSql(`revoke all on all sequences in schema public from ${ROLE};`);
    this.addSql(`revoke all on all tables in schema public from ${ROLE};`);
    this.addSql(`revoke usage on schema public from ${ROLE};`);
    // The role itself stays: it is cluster-wide, and other databases of the cluster may use it.
  }

}
