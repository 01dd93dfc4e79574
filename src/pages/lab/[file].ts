import type { APIRoute } from "astro";
import { labBundle } from "../../../build/lab-bundle.ts";

// The lab's page script as a file of its own, lab/app.<hash>.js, which both lab pages load.
export async function getStaticPaths(): Promise<{ params: { file: string } }[]> {
  return [{ params: { file: (await labBundle()).appFile } }];
}

export const GET: APIRoute = async () =>
  new Response((await labBundle()).app, { headers: { "content-type": "text/javascript; charset=utf-8" } });
