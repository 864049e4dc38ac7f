import { categoryLabels as siteCategoryLabels } from './render/strings';
import type { ArticleSchema } from './schema';

/** The schema's categories in schema order, each with its label (`x-enum-labels`, else the site's own, else the value). */
export function categoryChoices(schema: ArticleSchema): { value: string; label: string }[] {
  const cat = schema.json.properties?.category;
  const labels = cat?.['x-enum-labels'] ?? {};
  const values = Array.isArray(cat?.enum) ? cat.enum.filter((v): v is string => typeof v === 'string') : [];
  const own = (t: Record<string, string>, v: string) => (Object.prototype.hasOwnProperty.call(t, v) && typeof t[v] === 'string' ? t[v] : undefined);
  return values.map((value) => ({ value, label: own(labels, value) ?? own(siteCategoryLabels, value) ?? value }));
}

/** Category labels by value, for the rules and the preview alike. */
export function categoryLabelsOf(schema: ArticleSchema): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of categoryChoices(schema)) out[c.value] = c.label;
  return out;
}
