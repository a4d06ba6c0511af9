import type { ErrorObject, ValidateFunction } from 'ajv';
import { competencies, ladder, level, packet, survey } from '../generated/validators.js';
import type { Position } from './diagnostic.js';
import { didYouMean, listOf } from './suggest.js';
import { escapePointer, type YamlDocument } from './yaml-document.js';

const validators = { ladder, competencies, level, packet, survey } as const;

export type SchemaName = keyof typeof validators;

export interface SchemaProblem extends Position {
  message: string;
}

interface SchemaNode {
  description?: string;
  examples?: unknown[];
  properties?: Record<string, SchemaNode>;
  type?: string;
  enum?: unknown[];
}

export interface SchemaOptions {
  /** How messages name the document ("The front matter"); defaults to the schema's name. */
  label?: string;
  /**
   * The document is personal (a packet): messages name keys and expected shapes, never the
   * values found, which end up in logs, annotations and pull-request comments.
   */
  personal?: boolean;
}

/** Validates a document's value against one of the JSON Schemas in schemas/ and explains each fault. */
export function checkSchema(name: SchemaName, doc: YamlDocument, options: SchemaOptions = {}): SchemaProblem[] {
  const validate: ValidateFunction = validators[name];
  if (validate(doc.value)) return [];
  const errors = validate.errors ?? [];
  const describeValue = options.personal ? describeShape : describe;
  if (errors.some((e) => e.instancePath === '' && e.keyword === 'type')) {
    // A file that is not a mapping at all: one clear message beats a cascade.
    return [
      {
        ...doc.span(''),
        message: `${options.label ?? name} must be a mapping of keys to values (${describeValue(doc.value)} found); see docs/format.md for its keys.`,
      },
    ];
  }
  // An `if` failure only says which branch applied; the branch's own errors say what is wrong.
  return errors.filter((e) => e.keyword !== 'if' && !('propertyName' in e && e.keyword !== 'propertyNames')).map((e) => explain(e, doc, errors, describeValue));
}

function explain(error: ErrorObject, doc: YamlDocument, all: readonly ErrorObject[], describe: (value: unknown) => string): SchemaProblem {
  const at = error.instancePath;
  const path = displayPath(at);
  const parent = (error.parentSchema ?? {}) as SchemaNode;
  const data = error.data;
  switch (error.keyword) {
    case 'required': {
      const key = String(error.params.missingProperty);
      const child = parent.properties?.[key];
      const where = at === '' ? '' : ` in ${path}`;
      return {
        ...(at === '' ? doc.span('') : doc.keySpan(at)),
        message: `Missing required key "${key}"${where}.${sentence(child?.description)}${exampleOf(key, child)}`,
      };
    }
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const allowed = Object.keys(parent.properties ?? {});
      return {
        ...doc.keySpan(`${at}/${escapePointer(key)}`),
        message: `Unknown key "${key}"${at === '' ? '' : ` in ${path}`}.${didYouMean(key, allowed)} Allowed keys: ${listOf(allowed, 12)}.`,
      };
    }
    case 'propertyNames': {
      const key = String(error.params.propertyName);
      // The propertyNames error's own schema is a $ref; the allowed names are on the enum error it wraps.
      const inner = all.find((e) => e.keyword === 'enum' && e.instancePath === at && (e as { propertyName?: string }).propertyName === key);
      const allowed = ((inner?.params.allowedValues as unknown[] | undefined) ?? (error.schema as SchemaNode | undefined)?.enum ?? []).map(String);
      return {
        ...doc.keySpan(`${at}/${escapePointer(key)}`),
        message: `"${key}" is not a known name in ${path}.${didYouMean(key, allowed)}${allowed.length ? ` Known names are listed in docs/rules.md.` : ''}`,
      };
    }
    case 'type':
      return { ...doc.span(at), message: `${path} must be ${article(String(error.params.type))}, not ${describe(data)}.${exampleOf(lastKey(at), parent)}` };
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      // The suggestion names an allowed value, never the one found.
      return { ...doc.span(at), message: `${path} must be one of ${listOf(allowed)}, not ${describe(data)}.${didYouMean(String(data), allowed)}` };
    }
    case 'pattern':
      return {
        ...doc.span(at),
        message: `${path} has an invalid format (${describe(data)}).${sentence(parent.description)}${exampleOf(lastKey(at), parent)}`,
      };
    case 'minItems':
    case 'minLength':
    case 'minProperties': {
      if (error.keyword === 'minItems' && Number(error.params.limit) > 1) {
        return {
          ...doc.span(at),
          message: `${path} must list at least ${String(error.params.limit)} items.${sentence(parent.description)}${exampleOf(lastKey(at), parent)}`,
        };
      }
      return { ...doc.span(at), message: `${path} must not be empty.${sentence(parent.description)}${exampleOf(lastKey(at), parent)}` };
    }
    case 'maxLength':
      return { ...doc.span(at), message: `${path} is longer than ${String(error.params.limit)} characters; shorten it.` };
    case 'uniqueItems':
      return {
        ...doc.span(`${at}/${String(error.params.i)}`),
        // ajv names the later item first (i > j); say them in the order they are written.
        message: `${path} lists the same value twice (items ${String(Math.min(error.params.i, error.params.j))} and ${String(Math.max(error.params.i, error.params.j))}); remove one.`,
      };
    case 'minimum':
      return { ...doc.span(at), message: `${path} must be at least ${String(error.params.limit)}, not ${describe(data)}.` };
    default:
      return { ...doc.span(at), message: `${path} ${error.message ?? 'is invalid'}.` };
  }
}

function displayPath(pointer: string): string {
  if (pointer === '') return 'The file';
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, s) => (/^\d+$/.test(s) ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s), '');
}

function lastKey(pointer: string): string {
  return pointer.slice(pointer.lastIndexOf('/') + 1);
}

function sentence(text: string | undefined): string {
  return text ? ` ${text}` : '';
}

function exampleOf(key: string, schema: SchemaNode | undefined): string {
  const example = schema?.examples?.[0];
  if (example === undefined || /^\d+$/.test(key)) return '';
  return ` For example: \`${key}: ${typeof example === 'string' ? example : JSON.stringify(example)}\`.`;
}

function article(type: string): string {
  return type === 'object' ? 'a mapping' : type === 'array' ? 'a list' : /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** What a value is, without what it says: for personal documents. */
export function describeShape(value: unknown): string {
  if (typeof value === 'string') return `a text of ${value.length} character${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `a ${typeof value}`;
  return describe(value);
}

export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;
  return `${typeof value} ${String(value)}`;
}
