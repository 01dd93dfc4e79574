import type { APIRoute } from "astro";
import { replayDataScript } from "../../server/replay.ts";

// The replay's data as a script of its own, replay/data.<hash>.js, shared by every page with a replay.
export function getStaticPaths(): { params: { file: string } }[] {
  return [{ params: { file: replayDataScript().file } }];
}

export const GET: APIRoute = () =>
  new Response(replayDataScript().text, { headers: { "content-type": "text/javascript; charset=utf-8" } });
