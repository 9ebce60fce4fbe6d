// Typed errors that commands throw; only src/main.ts turns them into exit codes.

export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  notFound: 3,
  cancelled: 130,
} as const;

export class CoachError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad arguments, or an interactive step with no terminal to ask on. */
export class UsageError extends CoachError {
  constructor(message: string, hint?: string) {
    super(message, EXIT.usage, hint);
  }
}

/** A name that matches nothing; the hint lists the closest names. */
export class NotFoundError extends CoachError {
  constructor(message: string, hint?: string) {
    super(message, EXIT.notFound, hint);
  }
}

/** Work that ran and found problems (validate) or could not finish. */
export class FailureError extends CoachError {
  constructor(message: string, hint?: string) {
    super(message, EXIT.failure, hint);
  }
}

/** The user pressed Ctrl-C; whatever was in progress has been saved. */
export class CancelledError extends CoachError {
  constructor(message = 'cancelled', hint?: string) {
    super(message, EXIT.cancelled, hint);
  }
}
