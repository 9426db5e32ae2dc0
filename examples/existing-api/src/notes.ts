/**
 * The app's own storage and user type: in-memory notes, each owned by one
 * user. Nothing here knows about HTTP or depends.
 */

/** The caller, as the app's handlers read it (`res.locals.user`, `ctx.state.user`, `c.get('user')`). */
export interface User {
  readonly name: string;
  readonly scopes: readonly string[];
}

/** One note. */
export interface Note {
  readonly id: string;
  readonly text: string;
  readonly owner: string;
}

/** Notes by owner, in memory. */
export class NoteStore {
  readonly #notes = new Map<string, Note>();
  #next = 1;

  /** The owner's notes, oldest first. */
  list(owner: string): Note[] {
    return [...this.#notes.values()].filter((n) => n.owner === owner);
  }

  /** Adds a note for its owner. */
  add(owner: string, text: string): Note {
    const note = { id: String(this.#next++), text, owner };
    this.#notes.set(note.id, note);
    return note;
  }

  /** The note with this id when the owner owns it, else `undefined` (another user's note is not found either). */
  get(owner: string, id: string): Note | undefined {
    const note = this.#notes.get(id);
    return note?.owner === owner ? note : undefined;
  }
}

/** The text of a new note from a parsed JSON body, or `undefined` when it is not `{"text": "<non-empty string>"}`. */
export function noteText(body: unknown): string | undefined {
  const text = (body as { text?: unknown } | null)?.text;
  return typeof text === 'string' && text.trim() !== '' ? text : undefined;
}
