/** A validation failure: the property at fault (a path, or "" for none) and the whole reason. */
export interface CheckFailure {
  readonly property: string;
  readonly reason: string;
}
