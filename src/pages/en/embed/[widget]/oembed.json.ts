import type { APIRoute } from "astro";
import { EMBEDS, type EmbedId } from "../../../../server/embeds.ts";
import { oembedResponse } from "../../../../server/oembed.ts";

export function getStaticPaths(): { params: { widget: EmbedId } }[] {
  return EMBEDS.map((e) => ({ params: { widget: e.id } }));
}

export const GET: APIRoute = ({ params, site }) =>
  new Response(
    `${JSON.stringify(oembedResponse("en", params["widget"] as EmbedId, site ?? new URL("https://blocked-forever.example/")), null, 2)}\n`,
    { headers: { "content-type": "application/json+oembed" } },
  );
