/**
 * Whether a ladder file holds row-level survey answers: several entries that name a manager (YAML
 * keys, a Markdown table with a manager column, or comma-separated lines under a header with one).
 * A packet names its candidate's manager once; answers name one on every row. The heuristic looks
 * at the text only, so that a file of answers is never parsed, and never quoted by a schema message.
 * Returns the line of the first such row, or undefined.
 */
export function surveyRowsLine(text: string): number | undefined {
  // Every signal below needs "manager" on the line it starts from: most files (every IC level,
  // most packets) are ruled out without being split, and only such lines are looked at.
  if (!/manager/i.test(text)) return undefined;
  const lines = text.split(/\r\n|\r|\n/);
  const keyLines: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!/manager/i.test(line)) continue;
    if (/^[ \t]*(?:-[ \t]+)?["']?manager["']?[ \t]*:/i.test(line)) keyLines.push(i);
    if (keyLines.length >= 2) return (keyLines[0] as number) + 1;
    const cells = headerCells(line);
    if (cells && i + 2 < lines.length) {
      const table = cells.pipe;
      // A Markdown table: the delimiter row, then rows; comma-separated: rows with as many commas.
      const rows = lines.slice(i + (table ? 2 : 1), i + (table ? 4 : 3));
      const body = table
        ? /^\s*\|?\s*:?-{3,}/.test(lines[i + 1] as string) && rows.every((r) => r.includes('|'))
        : rows.every((r) => commas(r) === commas(line));
      if (body) return i + 1;
    }
  }
  return undefined;
}

function headerCells(line: string): { pipe: boolean } | undefined {
  const pipe = line.includes('|');
  if (!pipe && !line.includes(',')) return undefined;
  const cells = line.split(pipe ? '|' : ',').map((c) =>
    c
      .trim()
      .replace(/^["']|["']$/g, '')
      .toLowerCase(),
  );
  return cells.includes('manager') && cells.filter((c) => c !== '').length >= 2 ? { pipe } : undefined;
}

function commas(line: string): number {
  return line.split(',').length;
}
