import type { APIRoute } from "astro";
import { oembedFile, oembedPaths } from "../../../server/oembed.ts";

export const getStaticPaths = oembedPaths;

export const GET: APIRoute = ({ params, site }) => oembedFile("zh", params["widget"], site);
