/** One line of recorded output and its line number in the file it came from. */
export interface OutputLine {
  n: number;
  text: string;
}
