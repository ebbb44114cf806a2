// Estimated cost of a call from its token counts, at list prices in US dollars per million
// tokens. Unknown models (a local server, a new model) are unpriced: null, not a guess.
const PRICES: Record<string, { input: number; output: number }> = {
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-5': { input: 1.25, output: 10 },
  'gpt-5-mini': { input: 0.25, output: 2 },
  'gpt-5-nano': { input: 0.05, output: 0.4 },
};

export function estimateCostUsd(model: string, inputTokens: number | null, outputTokens: number | null): number | null {
  // Dated snapshots ("gpt-4o-mini-2024-07-18") cost what their family costs.
  const key = Object.keys(PRICES)
    .sort((a, b) => b.length - a.length)
    .find((name) => model === name || model.startsWith(`${name}-20`));
  if (!key || inputTokens === null || outputTokens === null) return null;
  const price = PRICES[key]!;
  return (inputTokens * price.input + outputTokens * price.output) / 1_000_000;
}
