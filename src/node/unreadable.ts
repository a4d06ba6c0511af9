/** The ladder directory cannot be read at all (missing, a file, outside the repository): the one reading error that stops a run. */
export class UnreadableDirectoryError extends Error {}
