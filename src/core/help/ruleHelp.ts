import type { Lang } from '../i18n/messages';
import { isRuleId, RULES, type RuleId } from '../rules';
import { ruleTextEn, ruleTextSv } from './ruleText';

const headings = {
  en: { what: 'What it checks', why: 'Why the site cares', fix: 'How to fix it', off: 'How to turn it off', severity: 'Default severity', sev: { error: 'error (the build fails)', warning: 'warning (house style)', info: 'info (a suggestion)', hint: 'hint' } },
  sv: { what: 'Vad den kontrollerar', why: 'Varför webbplatsen bryr sig', fix: 'Så rättar du', off: 'Så stänger du av den', severity: 'Standardnivå', sev: { error: 'fel (bygget misslyckas)', warning: 'varning (husstil)', info: 'info (ett förslag)', hint: 'tips' } },
} as const;

const offText = {
  en: (id: string) => `In the project's \`.qa-articles.json\` (for everyone, the CLI too):\n\n\`\`\`json\n{ "rules": { "${id}": "off" } }\n\`\`\`\n\nor only in your editor, in the setting **Q&A Articles: Rules** (\`qaArticles.rules\`): \`{ "${id}": "off" }\`. \`"warning"\`, \`"info"\` or \`"error"\` instead of \`"off"\` change its weight.`,
  sv: (id: string) => `I projektets \`.qa-articles.json\` (för alla, även kommandoraden):\n\n\`\`\`json\n{ "rules": { "${id}": "off" } }\n\`\`\`\n\neller bara i din editor, i inställningen **Q&A Articles: Rules** (\`qaArticles.rules\`): \`{ "${id}": "off" }\`. \`"warning"\`, \`"info"\` eller \`"error"\` i stället för \`"off"\` ändrar dess vikt.`,
};

/** A rule's help page as Markdown, in English or Swedish: what it checks, why, how to fix, how to turn it off. */
export function ruleHelpMarkdown(rule: string, lang: Lang): string | undefined {
  if (!isRuleId(rule)) return undefined;
  const id: RuleId = rule;
  const text = (lang === 'sv' ? ruleTextSv : ruleTextEn)[id];
  const h = headings[lang];
  return [
    `# \`${id}\``,
    `${h.severity}: **${h.sev[RULES[id].severity]}**`,
    `## ${h.what}`,
    text.what,
    `## ${h.why}`,
    text.why,
    `## ${h.fix}`,
    text.fix,
    `## ${h.off}`,
    offText[lang](id),
  ].join('\n\n');
}
