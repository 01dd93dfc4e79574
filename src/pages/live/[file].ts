import type { APIRoute } from "astro";
import { liveModule } from "../../server/live-module.ts";

// The live program's files, side by side in live/: the module (.wasm.gz), the same module as a
// base64 classic script for pages opened from file://, and the worker's script. Nothing loads
// them until the reader presses Run.
export async function getStaticPaths(): Promise<{ params: { file: string } }[]> {
  return [...(await liveModule()).files.keys()].map((file) => ({ params: { file } }));
}

const TYPES: Record<string, string> = { gz: "application/gzip", js: "text/javascript; charset=utf-8" };

export const GET: APIRoute = async ({ params }) => {
  const file = params["file"] ?? "";
  const body = (await liveModule()).files.get(file);
  if (body === undefined) throw new Error(`live/${file} is not a file of the live module`);
  return new Response(body, { headers: { "content-type": TYPES[file.split(".").at(-1) ?? ""] ?? "" } });
};
