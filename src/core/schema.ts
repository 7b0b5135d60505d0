/**
 * The published contract (contract.ts) as zod schemas, for the build and
 * the tests: zod names the path and reason of the first problem. The site
 * uses the light checker of the same declaration (spec.ts) instead, so it
 * does not ship zod.
 */
import { z } from 'zod';
import { CollectionSpec, FeatureSpec, ProgramSpec, PropertiesSpec, SourceSpec } from './contract';
import type { Node, Spec } from './spec';

function toZod(n: Node): z.ZodType {
  switch (n.kind) {
    case 'string': {
      let s: z.ZodType = n.pattern ? z.string().regex(n.pattern, n.message) : z.string();
      const { min, check } = n;
      if (min !== undefined) s = s.refine((v) => (v as string).trim().length >= min, min === 1 ? 'empty' : `shorter than ${min}`);
      if (check) s = s.refine((v) => check(v as string), n.message);
      return s;
    }
    case 'number': {
      let s = z.number().finite();
      if (n.min !== undefined) s = s.min(n.min);
      if (n.max !== undefined) s = s.max(n.max);
      return s;
    }
    case 'boolean':
      return z.boolean();
    case 'literal':
      return z.literal(n.value);
    case 'enum':
      return z.enum(n.values as [string, ...string[]]);
    case 'nullable':
      return toZod(n.inner).nullable();
    case 'optional':
      return toZod(n.inner).optional();
    case 'array':
      return z.array(toZod(n.item)).min(n.min);
    case 'tuple':
      return z.tuple(n.items.map(toZod) as [z.ZodType, ...z.ZodType[]]);
    case 'object':
      return z.object(Object.fromEntries(Object.entries(n.shape).map(([k, v]) => [k, toZod(v)])));
  }
}

const schema = <T>(s: Spec<T>) => toZod(s.node) as z.ZodType<T>;

export const SourceSchema = schema(SourceSpec);
export const ProgramSchema = schema(ProgramSpec);
export const PropertiesSchema = schema(PropertiesSpec);
export const FeatureSchema = schema(FeatureSpec);
export const CollectionSchema = schema(CollectionSpec);
export const MetadataSchema = schema(CollectionSpec.shape.metadata);
