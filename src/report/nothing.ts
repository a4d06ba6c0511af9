// Apart from markdown.ts, so the Action's run with nothing to check loads none of the report's code.

/** The job summary of a pull request that changes no ladder file. */
export const NOTHING_TO_CHECK = '## Ladder check\n\nNo ladder or packet file changed in this pull request: nothing to check.\n';
