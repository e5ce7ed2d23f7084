import { isInputObjectType } from 'graphql';
import { buildBareSchema } from '../../src/graphql/schema';
import { isChosen, requireWorkspace, resolveWorkspaceChoice } from '../../src/modules/customer/workspace-choice';
import { ValidationError } from '../../src/shared/errors';

/** Issue 15: how a sign-in input's `workspace`, `companyId` and `tenantSlug` come to one choice (integration: sign-in-mutations). */
describe('choosing the workspace in the sign-in inputs', () => {
  const ID = '0b5f3c0e-8a51-4d0e-9b1c-2f7e6a4d9c10';
  const OTHER = '5d2a9e61-3c7b-4f08-8e2d-9a1b6c4f7e23';
  const fieldError = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return e instanceof ValidationError ? { code: e.code, errors: e.fieldErrors } : e;
    }
    return 'no error';
  };

  it('`workspace` shaped like an id is the id (any case), anything else a slug; empty strings name nothing', () => {
    expect(resolveWorkspaceChoice({ workspace: ID.toUpperCase() })).toEqual({ named: true, where: { id: ID } });
    expect(resolveWorkspaceChoice({ workspace: 'acme-cloud' })).toEqual({ named: true, where: { slug: 'acme-cloud' } });
    expect(resolveWorkspaceChoice({ workspace: '', companyId: '', tenantSlug: '' })).toEqual({ named: false, where: {} });
    expect(resolveWorkspaceChoice({})).toEqual({ named: false, where: {} });
  });

  it('the deprecated names as before: companyId the id (one that is no uuid fits none), tenantSlug the slug, both: both must hold', () => {
    expect(resolveWorkspaceChoice({ companyId: ID })).toEqual({ named: true, where: { id: ID } });
    expect(resolveWorkspaceChoice({ companyId: 'acme' })).toEqual({ named: true, where: null });
    expect(resolveWorkspaceChoice({ tenantSlug: 'acme' })).toEqual({ named: true, where: { slug: 'acme' } });
    expect(resolveWorkspaceChoice({ companyId: ID, tenantSlug: 'acme' })).toEqual({ named: true, where: { id: ID, slug: 'acme' } });
  });

  it('a `workspace` and a deprecated name of the same kind must agree; of the other kind, both must hold', () => {
    expect(resolveWorkspaceChoice({ workspace: ID, companyId: ID.toUpperCase() })).toEqual({ named: true, where: { id: ID } });
    expect(resolveWorkspaceChoice({ workspace: 'acme', tenantSlug: 'acme' })).toEqual({ named: true, where: { slug: 'acme' } });
    expect(resolveWorkspaceChoice({ workspace: 'acme', companyId: ID })).toEqual({ named: true, where: { id: ID, slug: 'acme' } });
    expect(fieldError(() => resolveWorkspaceChoice({ workspace: ID, companyId: OTHER }))).toEqual({
      code: 'VALIDATION_FAILED',
      errors: [{ code: 'VALIDATION_FAILED', field: 'workspace', message: 'names another workspace than companyId' }],
    });
    expect(fieldError(() => resolveWorkspaceChoice({ workspace: ID, companyId: 'acme' }))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(fieldError(() => resolveWorkspaceChoice({ workspace: 'acme', tenantSlug: 'globex' }))).toEqual({
      code: 'VALIDATION_FAILED',
      errors: [{ code: 'VALIDATION_FAILED', field: 'workspace', message: 'names another workspace than tenantSlug' }],
    });
  });

  it('where one is required, none is "workspace is required" (a REST route answers it under its body\'s name)', () => {
    expect(fieldError(() => requireWorkspace({}))).toEqual({ code: 'VALIDATION_FAILED', errors: [{ code: 'VALIDATION_FAILED', field: 'workspace', message: 'is required' }] });
    expect(fieldError(() => requireWorkspace({ workspace: '', companyId: '' }))).toEqual({ code: 'VALIDATION_FAILED', errors: [{ code: 'VALIDATION_FAILED', field: 'workspace', message: 'is required' }] });
    expect(requireWorkspace({ workspace: 'acme' })).toEqual({ named: true, where: { slug: 'acme' } });
  });

  it('isChosen: any workspace when none was named, none when the names fit none', () => {
    const acme = { id: ID, slug: 'acme' };
    expect(isChosen(resolveWorkspaceChoice({}), acme)).toBe(true);
    expect(isChosen(resolveWorkspaceChoice({ workspace: 'acme' }), acme)).toBe(true);
    expect(isChosen(resolveWorkspaceChoice({ workspace: ID.toUpperCase() }), acme)).toBe(true);
    expect(isChosen(resolveWorkspaceChoice({ workspace: 'acme', companyId: OTHER }), acme)).toBe(false);
    expect(isChosen(resolveWorkspaceChoice({ companyId: 'acme' }), acme)).toBe(false);
  });

  it('the schema: every input naming a workspace by companyId or tenantSlug also takes `workspace`, and those two say "Use `workspace`."', () => {
    const problems = Object.values(buildBareSchema().getTypeMap())
      .filter(isInputObjectType)
      .flatMap((type) => {
        const fields = type.getFields();
        return ['companyId', 'tenantSlug']
          .filter((name) => fields[name])
          .flatMap((name) => [
            ...(fields.workspace ? [] : [`${type.name}: ${name} without workspace`]),
            ...(fields[name].deprecationReason === 'Use `workspace`.' ? [] : [`${type.name}.${name}: deprecation ${String(fields[name].deprecationReason)}`]),
          ]);
      });
    expect(problems).toEqual([]);
  });
});
