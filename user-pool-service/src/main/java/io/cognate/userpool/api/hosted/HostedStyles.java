package io.cognate.userpool.api.hosted;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;

import io.cognate.awsjson.Json;
import io.cognate.contracts.userpool.v1.PageStyle;
import io.cognate.userpool.model.ManagedLoginBranding;
import io.cognate.userpool.model.UiCustomization;
import io.cognate.userpool.service.BrandingService;

/**
 * A client's look as the pages apply it: from managed-login branding, the colours of its Settings (the primary
 * button, the page background, the body text, light mode) and its form logo; from the classic customization, its CSS
 * and its logo (where branding gives none).
 */
final class HostedStyles {
    /** Settings colours are hex RGBA without '#' ("0972d3ff"). */
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{6}([0-9a-fA-F]{2})?");

    private HostedStyles() {
    }

    static PageStyle of(BrandingService.Look look) {
        PageStyle.Builder style = PageStyle.newBuilder();
        UiCustomization classic = look.customization();
        if (classic != null) {
            if (classic.css() != null) {
                style.setCss(classic.css());
            }
            logo(style, classic.image());
        }
        ManagedLoginBranding branding = look.branding();
        if (branding != null && branding.settings() != null) {
            JsonNode components = Json.parse(branding.settings()).path("components");
            color(style, "primary", components.path("primaryButton").path("lightMode").path("defaults")
                    .path("backgroundColor"));
            color(style, "background", components.path("pageBackground").path("lightMode").path("color"));
            color(style, "text", components.path("pageText").path("lightMode").path("bodyColor"));
        }
        if (branding != null) {
            branding.assets().stream().filter(asset -> "FORM_LOGO".equals(asset.category())
                    || "PAGE_HEADER_LOGO".equals(asset.category())).findFirst()
                    .ifPresent(asset -> logo(style, asset.bytes()));
        }
        return style.build();
    }

    private static void color(PageStyle.Builder style, String name, JsonNode value) {
        if (value.isTextual() && HEX.matcher(value.textValue()).matches()) {
            style.putColors(name, "#" + value.textValue());
        }
    }

    /** A PNG or JPEG logo; anything else (SVG, WEBP, ICO) is not shown. */
    private static void logo(PageStyle.Builder style, byte[] image) {
        String type = image == null ? null : BrandingService.imageType(image);
        if (type != null) {
            style.setLogo(ByteString.copyFrom(image)).setLogoType(type);
        }
    }
}
