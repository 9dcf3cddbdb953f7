// The one error type services throw. Only server/api maps it onto transport errors.
export type AppErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "TOO_MANY_REQUESTS";

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** The input field the error is about, when there is one (e.g. "email"). */
  readonly field?: string;

  constructor(code: AppErrorCode, message: string, options: { field?: string } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.field = options.field;
  }
}

export function notFound(what: string): AppError {
  return new AppError("NOT_FOUND", `${what} not found`);
}
