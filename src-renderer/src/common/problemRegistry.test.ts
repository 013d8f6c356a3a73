import { describe, expect, it } from 'vitest';
import { problem } from '../../../src-shared/model';
import { FieldRegistry, indexProblems } from './problemRegistry';

describe('FieldRegistry', () => {
  it('claims a problem only while a field for its exact path is on screen', () => {
    const registry = new FieldRegistry();
    const availability = problem(['targets', 'objectives', 0, 'objective'], 'rules.availabilityRange');
    expect(registry.claims(availability)).toBe(false);
    const unregister = registry.register('targets.objectives[0].objective', false);
    expect(registry.claims(availability)).toBe(true);
    expect(registry.claims(problem(['targets', 'objectives', 0, 'id'], 'rules.duplicateId', { id: 'x' }))).toBe(false);
    unregister();
    expect(registry.claims(availability)).toBe(false);
  });

  it('lets a list field (tags, multi-select) claim the problems of its entries but not of its neighbours', () => {
    const registry = new FieldRegistry();
    registry.register('compliance.dataProtection', true);
    expect(registry.claims(problem(['compliance', 'dataProtection', 3], 'validation.oneOf', { options: 'GDPR' }))).toBe(true);
    expect(registry.claims(problem(['compliance', 'dataProtectionNotes'], 'validation.unknownField', { field: 'x' }))).toBe(false);
  });

  it('holds back the problem of a blank field until the user edits it or asks to see the problems', () => {
    const registry = new FieldRegistry();
    const required = problem(['parties', 'provider', 'legalName'], 'validation.required');
    const outOfRange = problem(['targets', 'objectives', 0, 'objective'], 'rules.availabilityRange');
    let told = 0;
    registry.subscribeAttention(() => told++);
    expect(registry.holdsBack(required, '')).toBe(true);
    expect(registry.holdsBack(required, '   ')).toBe(true);
    expect(registry.holdsBack(problem(['services'], 'rules.atLeastOneService'), [])).toBe(true);
    // A value given is shown wrong at once, edited or not.
    expect(registry.holdsBack(outOfRange, 120)).toBe(false);

    registry.touch('parties.provider.legalName');
    expect(registry.holdsBack(required, '')).toBe(false);
    expect(registry.holdsBack(problem(['parties', 'customer', 'legalName'], 'validation.required'), '')).toBe(true);
    registry.touch('parties.provider.legalName');
    expect(told).toBe(1);

    registry.revealAll();
    expect(registry.holdsBack(problem(['parties', 'customer', 'legalName'], 'validation.required'), null)).toBe(false);
    expect(told).toBe(2);
  });

  it('counts registrations, so a field re-mounting under the same path keeps its claim', () => {
    const registry = new FieldRegistry();
    const first = registry.register('title', false);
    const second = registry.register('title', false);
    first();
    expect(registry.claims(problem(['title'], 'validation.required'))).toBe(true);
    second();
    expect(registry.claims(problem(['title'], 'validation.required'))).toBe(false);
  });

  it('tells subscribers when the set of fields changes', () => {
    const registry = new FieldRegistry();
    let notified = 0;
    registry.subscribe(() => notified++);
    const before = registry.getVersion();
    registry.register('title', false)();
    expect(notified).toBe(2);
    expect(registry.getVersion()).toBe(before + 2);
  });
});

describe('indexProblems', () => {
  it('groups problems by the key of their path', () => {
    const byKey = indexProblems([
      problem(['title'], 'validation.required'),
      problem(['targets', 'severities', 0, 'responseMinutes'], 'rules.responseAfterResolution', { level: 'P1' }),
      problem(['title'], 'validation.tooLong', { max: 200 }),
    ]);
    expect(byKey.get('title')?.map((p) => p.key)).toEqual(['validation.required', 'validation.tooLong']);
    expect(byKey.get('targets.severities[0].responseMinutes')).toHaveLength(1);
  });
});

describe('FieldRegistry panels', () => {
  it('remembers collapsed panels and expands those that hide a field, telling its subscribers', () => {
    const registry = new FieldRegistry();
    let changes = 0;
    registry.subscribe(() => changes++);
    registry.setCollapsed('service:svc-api', true);
    registry.setCollapsed('metric:m-uptime', true);
    registry.setCollapsed('metric:m-latency', true);
    expect(changes).toBe(3);
    registry.expand(['service:svc-api', 'metric:m-uptime']);
    expect(registry.isCollapsed('service:svc-api')).toBe(false);
    expect(registry.isCollapsed('metric:m-uptime')).toBe(false);
    expect(registry.isCollapsed('metric:m-latency')).toBe(true);
    expect(changes).toBe(4);
    // Nothing to expand, nothing to redraw.
    registry.expand(['service:svc-api']);
    registry.setCollapsed('metric:m-latency', true);
    expect(changes).toBe(4);
  });
});
