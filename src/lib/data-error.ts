/** A file of the data directory that cannot be used; the message names the file and the place. */
export class DataError extends Error {}
