// What a caught value says, for a one-line reason: its message if it is an
// Error, else the value as text (a library may throw a string).

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
