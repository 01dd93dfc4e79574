import type { APIRoute } from "astro";
import { EMBEDS, type EmbedId } from "../../../components/Embed/embeds.ts";
import { oembedResponse } from "../../../components/Embed/oembed.ts";

export function getStaticPaths(): { params: { widget: EmbedId } }[] {
  return EMBEDS.map((e) => ({ params: { widget: e.id } }));
}

export const GET: APIRoute = ({ params, site }) =>
  new Response(
    `${JSON.stringify(oembedResponse("zh", params["widget"] as EmbedId, site ?? new URL("https://blocked-forever.example/")), null, 2)}\n`,
    { headers: { "content-type": "application/json+oembed" } },
  );
