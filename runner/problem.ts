// A problem with the files the runner was given (not a bug in the runner): the command stops and
// the person reads what is wrong and what to do, in Japanese for staff and in English for whoever
// maintains the runner. cli.ts prints the message alone (no stack trace) and exits 1.
export class FileProblem extends Error {
  constructor(
    readonly japanese: string,
    readonly english: string,
  ) {
    super(`${japanese}\n${english}`);
    this.name = 'FileProblem';
  }
}

export function fileProblem(japanese: string, english: string): FileProblem {
  return new FileProblem(japanese, english);
}
