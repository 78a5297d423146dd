/** The process exit codes (DESIGN §2). The only table; `src/cli` maps outcomes to these. */
export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  auth: 3,
  partial: 4,
  checkFailed: 5,
  pushFailed: 6,
  /** Another run holds the `--state-dir` lock (and `--wait-lock` did not get it in time). */
  locked: 7,
  interrupted: 130,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
