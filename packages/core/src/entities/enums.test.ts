import { describe, expect, it } from 'vitest';
import { AutomationActionSchema, AutomationTriggerSchema } from '../schemas.js';
import { AUTOMATION_ACTIONS, AUTOMATION_TRIGGERS } from './enums.js';

// The enumerations are declared without the schemas (so importing them costs no schema code);
// where a schema is a union of shapes, its list must still name every shape, in order.
describe('entity enumerations', () => {
  it('name every automation trigger and action type the rule schema accepts', () => {
    const typesOf = (schema: typeof AutomationTriggerSchema | typeof AutomationActionSchema) =>
      schema.options.map((option) => option.shape.type.value);
    expect(AUTOMATION_TRIGGERS).toEqual(typesOf(AutomationTriggerSchema));
    expect(AUTOMATION_ACTIONS).toEqual(typesOf(AutomationActionSchema));
  });
});
