// The string tables' template filler lives in src/lib, which every part of the site may import.
export { fill } from "../lib/fill.ts";
