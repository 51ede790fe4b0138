import {
  getMetadataStorage,
  validateSync,
  ValidationTypes,
  type ValidationArguments,
  type ValidationError,
} from 'class-validator';

const VALIDATE_OPTIONS = { skipMissingProperties: true, forbidUnknownValues: false };

type Check = (value: unknown, row: Record<string, unknown>) => boolean;
type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

/**
 * The input class's rules, run per row without class-validator's per-call overhead (its
 * metadata lookup per object was the import's largest cost). Each property's rules are
 * read once from class-validator's own metadata and its own constraint instances decide,
 * exactly as `validateSync` would with skipMissingProperties; a value they refuse is
 * validated again by `validateSync` itself, so the error and its message are its own.
 * A property with any other kind of rule (nested, async, each, validateIf) always goes
 * through `validateSync`.
 */
export class RowValidator {
  /** property → its compiled rules; null: validated by validateSync; absent: no rules */
  private readonly checks = new Map<string, Check | null>();

  constructor(private readonly input: new () => object) {
    const storage = getMetadataStorage();
    const byProperty = new Map<string, ValidationMetadata[]>();
    for (const m of storage.getTargetValidationMetadatas(input, '', false, false)) {
      byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m]);
    }
    for (const [property, metas] of byProperty) this.checks.set(property, compileChecks(storage, input, metas));
  }

  validate(values: Record<string, unknown>): ValidationError[] {
    let slow: Record<string, unknown> | null = null;
    for (const key in values) {
      const check = this.checks.get(key);
      if (check === undefined || (check !== null && check(values[key], values))) continue;
      (slow ??= {})[key] = values[key];
    }
    return slow ? validateSync(Object.assign(new this.input(), slow), VALIDATE_OPTIONS) : [];
  }
}

function compileChecks(
  storage: ReturnType<typeof getMetadataStorage>,
  input: new () => object,
  metas: ValidationMetadata[],
): Check | null {
  const conditions: ((row: object, value: unknown) => boolean)[] = [];
  const rules: { validate: (value: unknown, args: ValidationArguments) => unknown; constraints: unknown[] }[] = [];
  for (const m of metas) {
    if (m.each || m.validateIf) return null;
    if (m.type === ValidationTypes.CONDITIONAL_VALIDATION) {
      conditions.push(m.constraints[0] as (row: object, value: unknown) => boolean);
    } else if (m.type === ValidationTypes.CUSTOM_VALIDATION && m.constraintCls) {
      for (const c of storage.getTargetValidatorConstraints(m.constraintCls)) {
        if (c.async) return null;
        const instance = c.instance as { validate: (value: unknown, args: ValidationArguments) => unknown };
        rules.push({ validate: instance.validate.bind(instance), constraints: m.constraints });
      }
    } else {
      return null;
    }
  }
  const property = metas[0]!.propertyName;
  return (value, row) => {
    if (!conditions.every((c) => c(row, value))) return true;
    if (value === null || value === undefined) return true;
    const args = { targetName: input.name, property, object: row, value, constraints: [] as unknown[] };
    return rules.every((r) => {
      args.constraints = r.constraints;
      // class-validator's own test: any truthy answer passes
      return Boolean(r.validate(value, args));
    });
  };
}
