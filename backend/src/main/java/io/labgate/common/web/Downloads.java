package io.labgate.common.web;

import jakarta.ws.rs.core.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A file the browser saves: the one Content-Disposition rule for every download. */
public final class Downloads {

    private Downloads() {
    }

    /** RFC 6266 / 5987: an ASCII fallback name plus the UTF-8 one, so Korean file names survive. */
    public static Response.ResponseBuilder attachment(Response.ResponseBuilder response, String fileName) {
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return response.header("Content-Disposition", "attachment; filename=\""
                + fileName.replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "_") + "\"; filename*=UTF-8''" + encoded);
    }
}
